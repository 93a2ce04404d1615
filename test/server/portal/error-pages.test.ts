import http from 'node:http';
import type { AddressInfo } from 'node:net';
import test from 'ava';
import Koa from 'koa';
import pino from 'pino';
import { errorEnvelope } from '../../../server/http/errors.js';
import { requestId } from '../../../server/http/request-id.js';
import { TenantNotFoundError } from '../../../server/errors.js';
import { brandedErrorPages } from '../../../server/portal/error-pages.js';
import { frameFooter, type FrameFirm } from '../../../server/portal/pages.js';
import { aFirm } from '../../helpers/factories/index.js';
import { rawRequest, type RawResponse } from '../../helpers/http.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';

// The branded error pages: a browser's failed page request on a firm's host
// gets HTML in the frame's look with the right status; the API and clients
// that do not prefer HTML keep the JSON envelope.

let s: TestServer;
test.before(async () => {
  s = await startTestServer();
});
test.after.always(() => s?.close());

const browserAccept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

function get(path: string, options: { host?: string; accept?: string; method?: string } = {}): Promise<RawResponse> {
  return rawRequest(s.server.port, {
    method: options.method ?? 'GET',
    path,
    host: `${options.host ?? 'acme'}.localhost:${s.server.port}`,
    headers:
      options.accept === undefined ? { accept: browserAccept } : options.accept ? { accept: options.accept } : {},
  });
}

/** The page's one heading, its sentence and where its one button-like link goes. */
function pageText(html: string) {
  return {
    heading: /<h1>([^<]*)<\/h1>/.exec(html)?.[1],
    home: /<a class="cf-home-link" href="([^"]*)">([^<]*)<\/a>/.exec(html)?.slice(1),
  };
}

test('an unknown page on a firm’s host answers 404 with a branded HTML page and a way back home', async (t) => {
  const answer = await get('/clients/nope');
  t.is(answer.status, 404);
  t.is(answer.headers['content-type'], 'text/html; charset=utf-8');
  t.deepEqual(pageText(answer.text), { heading: 'Page not found', home: ['/clients/', 'Go to your portal home'] });
  t.true(answer.text.includes('<span class="cf-firm"><bdi>Acme Law</bdi></span>'));
  t.true(answer.text.includes('<title>Page not found · Acme Law</title>'));
  t.true(answer.text.includes('<footer class="cf-footer">'));
  t.true(answer.text.includes('<a class="cf-skip" href="#main">Skip to content</a>'));
  t.false(answer.text.includes('"error"'));
  t.false(answer.text.includes('route_not_found'));
});

test('an invoice page with an id that is no UUID answers the same 404 page', async (t) => {
  const answer = await get('/clients/invoices/not-a-uuid');
  t.is(answer.status, 404);
  t.is(answer.headers['content-type'], 'text/html; charset=utf-8');
  t.deepEqual(pageText(answer.text), { heading: 'Page not found', home: ['/clients/', 'Go to your portal home'] });
});

test('the error pages run no script and carry no inline style, under the same strict CSP', async (t) => {
  const answer = await get('/clients/nope');
  t.false(/<script/i.test(answer.text));
  t.false(/ style=/i.test(answer.text));
  t.false(/<style/i.test(answer.text));
  const csp = String(answer.headers['content-security-policy']);
  t.regex(csp, /style-src 'self'(;|$)/);
  t.false(csp.includes('unsafe-inline'));
});

test('a client that does not prefer HTML keeps the JSON envelope on the same page path', async (t) => {
  for (const accept of ['application/json', '*/*', '']) {
    const answer = await get('/clients/nope', { accept });
    t.is(answer.status, 404, accept);
    t.is(answer.headers['content-type'], 'application/json; charset=utf-8', accept);
    t.is(answer.json().error.code, 'route_not_found', accept);
  }
});

test('/api/* answers JSON even to a browser that asks for HTML', async (t) => {
  const unknown = await get('/api/v1/nope');
  t.is(unknown.status, 404);
  t.is(unknown.headers['content-type'], 'application/json; charset=utf-8');
  t.is(unknown.json().error.code, 'route_not_found');
  const unauthenticated = await get('/api/v1/portal/me');
  t.is(unauthenticated.status, 401);
  t.is(unauthenticated.headers['content-type'], 'application/json; charset=utf-8');
});

test('only GET and HEAD get a page: a POST to a page path keeps the JSON envelope; HEAD gets the page’s headers', async (t) => {
  const post = await get('/clients/nope', { method: 'POST' });
  t.is(post.status, 404);
  t.is(post.headers['content-type'], 'application/json; charset=utf-8');
  const head = await get('/clients/nope', { method: 'HEAD' });
  t.is(head.status, 404);
  t.is(head.headers['content-type'], 'text/html; charset=utf-8');
  t.is(head.text, '');
});

test('/ on a firm’s host redirects to the portal home; on the bare host it stays a JSON 404', async (t) => {
  const redirect = await get('/');
  t.is(redirect.status, 302);
  t.is(redirect.headers.location, '/clients/');
  const bare = await rawRequest(s.server.port, { path: '/', headers: { accept: browserAccept } });
  t.is(bare.status, 404);
  t.is(bare.headers['content-type'], 'application/json; charset=utf-8');
});

test('an unknown firm’s host answers 404 with a neutral page that names no firm', async (t) => {
  const answer = await get('/clients/', { host: 'nofirm' });
  t.is(answer.status, 404);
  t.is(answer.headers['content-type'], 'text/html; charset=utf-8');
  t.is(pageText(answer.text).heading, 'No firm is served at this address');
  t.true(answer.text.includes('<title>No firm is served at this address</title>'));
  t.false(answer.text.includes('cf-header'));
  t.false(answer.text.includes('cf-footer'));
  t.false(answer.text.includes('/clients/brand/'));
  t.false(answer.text.includes('"error"'));
  // A host that cannot be a slug at all is the same page.
  const invalid = await get('/clients/nope', { host: '-bad-' });
  t.is(invalid.status, 404);
  t.is(pageText(invalid.text).heading, 'No firm is served at this address');
});

test('a disabled firm’s pages, known or not, answer the neutral page without its name or colour', async (t) => {
  const { tenant } = await aFirm(s, { name: 'Vanishing Partners', primary_color: '#7a1f5c' });
  const before = await get('/clients/login', { host: tenant.slug });
  t.is(before.status, 200);
  t.true(before.text.includes('Vanishing Partners'));
  await s.platform().tenants.disable(tenant.slug);
  for (const path of ['/clients/login', '/clients/nope']) {
    const answer = await get(path, { host: tenant.slug });
    t.is(answer.status, 404, path);
    t.is(pageText(answer.text).heading, 'No firm is served at this address', path);
    t.false(answer.text.includes('Vanishing'), path);
    t.false(answer.text.includes('7a1f5c'), path);
  }
});

// A thrown error needs a route that throws: the real middleware around the real
// envelope, in a small app with such a route and a firm read by a stand-in.
const firm: FrameFirm = {
  tenant_name: 'Stand-in Law',
  locale: 'en-GB',
  branding: {
    primaryHex: '0f766e',
    logoPath: '/clients/logo/abc.png',
    contact: { address: null, phone: null, email: 'office@standin.example', website: null },
  },
};

async function throwingApp(readFirm: (slug: string) => Promise<FrameFirm>) {
  const logger = pino({ level: 'silent' });
  const app = new Koa();
  app.use(requestId());
  app.use(brandedErrorPages(readFirm, logger) as Koa.Middleware);
  app.use(errorEnvelope(logger));
  app.use(async (ctx, next) => {
    ctx.state.tenantSlug = 'standin';
    await next();
  });
  app.use(() => {
    throw new Error('the database fell over');
  });
  const server = http.createServer(app.callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, close: () => server.close() };
}

test('a server error answers 500 with the firm’s page and the request id to quote', async (t) => {
  const app = await throwingApp(async () => firm);
  t.teardown(app.close);
  const answer = await rawRequest(app.port, {
    path: '/clients/',
    headers: { accept: browserAccept, 'x-request-id': 'req-500-check' },
  });
  t.is(answer.status, 500);
  t.is(answer.headers['content-type'], 'text/html; charset=utf-8');
  t.deepEqual(pageText(answer.text), {
    heading: 'Something went wrong',
    home: ['/clients/', 'Go to your portal home'],
  });
  t.true(
    answer.text.includes(
      '<p class="cf-request">If it keeps happening, quote this reference when you contact your firm: req-500-check</p>',
    ),
  );
  t.true(answer.text.includes('<span class="cf-firm"><bdi>Stand-in Law</bdi></span>'));
  t.true(answer.text.includes('<img class="cf-logo" src="/clients/logo/abc.png" alt="">'));
  t.true(answer.text.includes('<link rel="stylesheet" href="/clients/brand/0f766e.css">'));
  t.true(answer.text.includes('<html lang="en-GB" dir="ltr">'));
  t.false(answer.text.includes('the database fell over'));
  t.false(answer.text.includes('"error"'));

  const json = await rawRequest(app.port, { path: '/clients/', headers: { accept: 'application/json' } });
  t.is(json.status, 500);
  t.is(json.json().error.code, 'internal_error');
});

test('when the firm cannot be read either, the server error keeps its words without the branding', async (t) => {
  const app = await throwingApp(async () => {
    throw new Error('still down');
  });
  t.teardown(app.close);
  const answer = await rawRequest(app.port, { path: '/clients/', headers: { accept: browserAccept } });
  t.is(answer.status, 500);
  t.is(pageText(answer.text).heading, 'Something went wrong');
  t.false(answer.text.includes('cf-header'));

  const gone = await throwingApp(async () => {
    throw new TenantNotFoundError();
  });
  t.teardown(gone.close);
  const neutral = await rawRequest(gone.port, { path: '/clients/', headers: { accept: browserAccept } });
  t.is(neutral.status, 500);
  t.is(pageText(neutral.text).heading, 'No firm is served at this address');
});

test('the footer lists the address line by line, then phone, email and website, and leaves out what is not given', (t) => {
  const footer = frameFooter({
    ...firm,
    branding: {
      ...firm.branding,
      contact: {
        address: 'Stand-in Law LLP\n  2 Bank Street <West>\n\nLeeds',
        phone: '+44 (0)113 496 0000',
        email: 'office@standin.example',
        website: 'https://standin.example/',
      },
    },
  });
  t.is(
    footer,
    `<footer class="cf-footer">
<div class="cf-footer-inner">
<h2 class="cf-footer-name"><bdi>Stand-in Law</bdi></h2>
<address class="cf-address"><bdi>Stand-in Law LLP</bdi><br><bdi>2 Bank Street &lt;West&gt;</bdi><br><bdi>Leeds</bdi></address>
<ul class="cf-contact" aria-label="Contact Stand-in Law">
<li><a href="tel:+4401134960000"><span class="cf-label">Phone</span> <span class="cf-value"><bdi dir="ltr">+44 (0)113 496 0000</bdi></span></a></li>
<li><a href="mailto:office@standin.example"><span class="cf-label">Email</span> <span class="cf-value"><bdi dir="ltr">office@standin.example</bdi></span></a></li>
<li><a href="https://standin.example/"><span class="cf-label">Website</span> <span class="cf-value"><bdi dir="ltr">standin.example</bdi></span></a></li>
</ul>
</div>
</footer>`,
  );
  t.is(
    frameFooter({
      ...firm,
      branding: { ...firm.branding, contact: { address: null, phone: null, email: null, website: null } },
    }),
    `<footer class="cf-footer">
<div class="cf-footer-inner">
<h2 class="cf-footer-name"><bdi>Stand-in Law</bdi></h2>
</div>
</footer>`,
  );
});
