import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { AdminClient } from '../../sdk/admin-client.js';
import { PortalClient } from '../../sdk/portal-client.js';
import type { WidgetManifest } from '../../sdk/widget-manifest.js';
import { renderPage } from './page.js';

/**
 * The embed demo's backend: a small HTTP server on its own origin that stands
 * for a firm's website. Per visit it mints a portal session with the firm's API
 * key (which never leaves this process) and serves a page showing every widget.
 * It reaches the portal only through the SDK and the published manifest, as a
 * firm's backend does.
 */
export interface EmbedDemoOptions {
  /** Where this backend calls the API and reads the manifest (the bare API host, with `tenant`). */
  api: string;
  /** The firm's portal origin: the widgets' base-url, which must allow this page's origin. */
  portal: string;
  tenant: string;
  /** Loopback by default: the demo is for the developer's own browser. */
  host?: string;
  /** 0 lets the system choose. */
  port?: number;
  /**
   * Runs once the demo listens, with its origin: makes sure the firm allows it,
   * and answers the key that mints sessions and the contact they are for.
   */
  setup(origin: string): Promise<DemoSession>;
}

export interface DemoSession {
  /** An API key with the `portal_sessions:mint` scope. */
  apiKey: string;
  contactId: string;
  /** How the page names the contact ("Nora North, Northwind Traders"). */
  signedInAs: string;
}

export interface EmbedDemo {
  origin: string;
  close(): Promise<void>;
}

const publicDir = path.join(import.meta.dirname, 'public');
const files: Record<string, { type: string; body: Buffer }> = {
  '/appearance.js': {
    type: 'text/javascript; charset=utf-8',
    body: fs.readFileSync(path.join(publicDir, 'appearance.js')),
  },
  '/demo.css': { type: 'text/css; charset=utf-8', body: fs.readFileSync(path.join(publicDir, 'demo.css')) },
};

/** What each visit gets: a fresh session, the client's latest invoice, the current manifest. */
async function visit(options: EmbedDemoOptions, session: DemoSession, origin: string) {
  const admin = new AdminClient({ baseUrl: options.api, tenant: options.tenant, token: session.apiKey });
  const { token } = await admin.portalSessions.create({ contact_id: session.contactId });
  const portal = new PortalClient({ baseUrl: options.api, tenant: options.tenant, token });
  const [latest] = (await portal.invoices.list({ limit: 1 })).data;
  const answer = await fetch(`${options.api}/assets/widgets/manifest.json`);
  if (!answer.ok) throw new Error(`the manifest answered ${answer.status}`);
  return renderPage({
    manifest: (await answer.json()) as WidgetManifest,
    token,
    portal: options.portal,
    origin,
    signedInAs: session.signedInAs,
    appearanceScript: files['/appearance.js']!.body.toString('utf8'),
    ...(latest ? { invoiceId: latest.id } : {}),
  });
}

export async function startEmbedDemo(options: EmbedDemoOptions): Promise<EmbedDemo> {
  let ready: { session: DemoSession; origin: string } | undefined;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://demo');
    const file = files[url.pathname];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
    } else if (file) {
      res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-cache' }).end(file.body);
    } else if (url.pathname !== '/' || !ready) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
    } else {
      visit(options, ready.session, ready.origin).then(
        ({ html, csp }) =>
          res
            .writeHead(200, {
              'content-type': 'text/html; charset=utf-8',
              'content-security-policy': csp,
              // The page carries a session token: never cached, never sent on as a referrer.
              'cache-control': 'no-store',
              'referrer-policy': 'no-referrer',
              'x-content-type-options': 'nosniff',
            })
            .end(html),
        (error: unknown) =>
          res
            .writeHead(502, { 'content-type': 'text/plain; charset=utf-8' })
            .end(`The demo backend could not prepare the page: ${error instanceof Error ? error.message : error}\n`),
      );
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  const { address, port } = server.address() as AddressInfo;
  const origin = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  try {
    ready = { session: await options.setup(origin), origin };
  } catch (error) {
    await close();
    throw error;
  }
  return { origin, close };
}
