import http from 'node:http';
import { createHash } from 'node:crypto';
import test from 'ava';
import { CaseflowError, ValidationError } from '../../../sdk/errors.js';
import { LOGO_MAX_BYTES } from '../../../sdk/schemas/tenants.js';
import { encodePng, monogramPng } from '../../../server/db/demo-logo.js';
import { aFirm, anApiKey } from '../../helpers/factories/index.js';
import { demo, demoStaff, startTestServer, type TestServer } from '../../helpers/server.js';

let s: TestServer;
test.before(async () => {
  s = await startTestServer();
});
test.after.always(async () => s?.close());

/** A new firm and an admin API key for it. */
async function newFirm() {
  const { tenant } = await aFirm(s);
  const { token } = await anApiKey(s, { firm: tenant.slug, role: 'admin' });
  return { tenant, admin: s.admin(tenant.slug, token) };
}

/** A GET on the firm's own host, its body as bytes. */
function getOnHost(
  slug: string,
  path: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      { host: '127.0.0.1', port: s.server.port, path, headers: { host: `${slug}.localhost` } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
  });
}

/** A baseline JPEG's header: SOI, an APP0 (JFIF) segment, then SOF0 naming its height and width. */
function jpegHeader(width: number, height: number): Buffer {
  const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0, 0];
  const sof0 = [0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03];
  const components = [0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01];
  return Buffer.from([0xff, 0xd8, ...app0, ...sof0, ...components, 0xff, 0xd9]);
}

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

test('PUT /api/v1/admin/settings/logo — a PNG is stored with its size from IHDR, audited, and served from the firm’s host for good', async (t) => {
  const { tenant, admin } = await newFirm();
  const png = monogramPng('HC', '#7c3aed', 96);
  const settings = await admin.settings.uploadLogo({ bytes: png, type: 'image/png' });
  const hash = sha(png);
  t.deepEqual(settings.logo, {
    url: `/clients/logo/${hash}.png`,
    media_type: 'image/png',
    bytes: png.length,
    width: 96,
    height: 96,
    updated_at: settings.logo!.updated_at,
  });
  t.deepEqual((await admin.settings.retrieve()).logo, settings.logo);

  const served = await getOnHost(tenant.slug, settings.logo!.url);
  t.is(served.status, 200);
  t.is(served.headers['content-type'], 'image/png');
  t.is(served.headers['cache-control'], 'public, max-age=31536000, immutable');
  t.is(served.headers['x-content-type-options'], 'nosniff');
  t.true(served.body.equals(png));
  // Another firm's host does not serve it; nor does the other extension.
  t.is((await getOnHost('acme', settings.logo!.url)).status, 404);
  t.is((await getOnHost(tenant.slug, `/clients/logo/${hash}.jpg`)).status, 404);

  const events = await s.db
    .owner('audit_events')
    .where({ tenant_id: tenant.id, action: 'settings.updated' })
    .select('actor_type', 'data');
  t.deepEqual(events, [
    {
      actor_type: 'api_key',
      data: { fields: ['logo'], logo: { media_type: 'image/png', bytes: png.length, sha256: hash } },
    },
  ]);
});

test('PUT /api/v1/admin/settings/logo — a JPEG is stored with its size from SOF; the old logo’s address answers 404 after', async (t) => {
  const { tenant, admin } = await newFirm();
  const first = await admin.settings.uploadLogo({ bytes: monogramPng('A', '#1d4ed8', 64), type: 'image/png' });
  const jpeg = jpegHeader(320, 120);
  const second = await admin.settings.uploadLogo({ bytes: new Blob([new Uint8Array(jpeg)]), type: 'image/jpeg' });
  t.like(second.logo, { url: `/clients/logo/${sha(jpeg)}.jpg`, media_type: 'image/jpeg', width: 320, height: 120 });
  t.is((await getOnHost(tenant.slug, first.logo!.url)).status, 404);
  const served = await getOnHost(tenant.slug, second.logo!.url);
  t.is(served.status, 200);
  t.is(served.headers['content-type'], 'image/jpeg');
});

test('PUT /api/v1/admin/settings/logo — the bytes decide: WebP, SVG, GIF and a PNG with a corrupt header are refused (415), whatever their declared type', async (t) => {
  const { admin } = await newFirm();
  const webp = Buffer.concat([
    Buffer.from('RIFF'),
    Buffer.from([0x24, 0, 0, 0]),
    Buffer.from('WEBPVP8 '),
    Buffer.alloc(24),
  ]);
  const svg = Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
  );
  const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
  const png = monogramPng('A', '#1d4ed8', 32);
  const corrupt = Buffer.from(png);
  corrupt.write('IHDX', 12, 'ascii');
  const huge = Buffer.from(png);
  huge.writeUInt32BE(50_000, 16);
  for (const [bytes, type, what] of [
    [webp, 'image/webp', 'WebP'],
    [webp, 'image/png', 'WebP called a PNG'],
    [svg, 'image/svg+xml', 'SVG'],
    [svg, 'image/png', 'SVG called a PNG'],
    [gif, 'image/gif', 'GIF'],
    [corrupt, 'image/png', 'PNG without IHDR'],
    [huge, 'image/png', 'PNG 50,000 px wide'],
    [jpegHeader(0, 10), 'image/jpeg', 'JPEG 0 px wide'],
    [Buffer.from([0xff, 0xd8, 0xff, 0xda, 0, 2]), 'image/jpeg', 'JPEG without a frame'],
  ] as const) {
    const error = await t.throwsAsync(
      admin.settings.uploadLogo({ bytes, type }),
      { instanceOf: CaseflowError, message: 'The logo must be a PNG or JPEG image.' },
      what,
    );
    t.is(error.status, 415, what);
  }
  t.is((await admin.settings.retrieve()).logo, null);
});

test('PUT /api/v1/admin/settings/logo — over 256 KB is a 413, an empty body a 400, a non-image type a 415', async (t) => {
  const { admin } = await newFirm();
  const big = Buffer.alloc(LOGO_MAX_BYTES + 1);
  monogramPng('A', '#1d4ed8', 32).copy(big);
  const tooBig = await t.throwsAsync(admin.settings.uploadLogo({ bytes: big, type: 'image/png' }), {
    instanceOf: CaseflowError,
  });
  t.is(tooBig.status, 413);
  t.is(tooBig.message, 'The logo must be at most 256 KB.');
  // Exactly at the limit is fine when the bytes are a PNG (trailing bytes after IEND are ignored by readers).
  const exact = await admin.settings.uploadLogo({ bytes: big.subarray(0, LOGO_MAX_BYTES), type: 'image/png' });
  t.is(exact.logo!.bytes, LOGO_MAX_BYTES);

  const empty = await t.throwsAsync(admin.settings.uploadLogo({ bytes: new Uint8Array(), type: 'image/png' }), {
    instanceOf: ValidationError,
  });
  t.is(empty.status, 400);
  t.is(empty.message, 'The logo file is empty: choose a PNG or JPEG image.');

  const json = await t.throwsAsync(admin.settings.uploadLogo({ bytes: Buffer.from('{}'), type: 'application/json' }), {
    instanceOf: CaseflowError,
  });
  t.is(json.status, 415);
});

test('DELETE /api/v1/admin/settings/logo — removes it: the address answers 404 and the portal profile has no logo', async (t) => {
  const { tenant, admin } = await newFirm();
  const png = encodePng(2, 1, new Uint8Array([255, 0, 0, 255, 0, 0, 255, 255]));
  const { logo } = await admin.settings.uploadLogo({ bytes: png, type: 'image/png' });
  t.like(logo, { width: 2, height: 1 });
  const removed = await admin.settings.deleteLogo();
  t.is(removed.logo, null);
  t.true(removed.updated_at > logo!.updated_at);
  t.is((await getOnHost(tenant.slug, logo!.url)).status, 404);
  // Removing none changes nothing.
  t.is((await admin.settings.deleteLogo()).updated_at, removed.updated_at);
  const events = await s.db
    .owner('audit_events')
    .where({ tenant_id: tenant.id, action: 'settings.updated' })
    .orderBy('occurred_at')
    .select('data');
  t.deepEqual(
    events.map((e) => e.data.fields),
    [['logo'], ['logo']],
  );
  t.is(events[1]!.data.logo, null);
});

test.serial('the portal profile names the logo’s own-host address, and null once it is removed', async (t) => {
  const bea = await s.staffLogin(demoStaff.bea);
  const before = await bea.settings.retrieve();
  const demoLogo = before.logo && (await getOnHost('bluebird', before.logo.url)).body;
  t.teardown(async () => {
    if (demoLogo) await bea.settings.uploadLogo({ bytes: demoLogo, type: before.logo!.media_type });
  });
  const png = monogramPng('BL', '#0f766e', 48);
  const { logo } = await bea.settings.uploadLogo({ bytes: png, type: 'image/png' });
  const withLogo = await s.portal('bluebird').auth.login(demo.ian);
  t.is(withLogo.profile.firm.logo_url, `/clients/logo/${sha(png)}.png`);
  t.is(withLogo.profile.firm.logo_url, logo!.url);
  await bea.settings.deleteLogo();
  const without = await s.portal('bluebird').auth.login(demo.ian);
  t.is(without.profile.firm.logo_url, null);
});
