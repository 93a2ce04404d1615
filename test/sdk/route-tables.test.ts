import fs from 'node:fs';
import path from 'node:path';
import test from 'ava';
import { endpoints } from '../../sdk/schemas/endpoints.js';
import { audiences, renderRouteTable, routesDir } from '../../sdk/routes/generate.js';
import { portalRoutes } from '../../sdk/routes/portal.js';
import { adminRoutes } from '../../sdk/routes/admin.js';
import { platformRoutes } from '../../sdk/routes/platform.js';

for (const audience of audiences) {
  test(`sdk/routes/${audience}.ts is what \`npm run generate\` writes from the contract`, (t) => {
    const written = fs.readFileSync(path.join(routesDir, `${audience}.ts`), 'utf8');
    t.is(written, renderRouteTable(audience), 'stale: run `npm run generate` and commit the result');
  });
}

test('every endpoint the SDK can call is in its audience table with its method, path, idempotency and media type', (t) => {
  const tables = { portal: portalRoutes, admin: adminRoutes, platform: platformRoutes } as Record<
    string,
    Record<string, unknown>
  >;
  const expected: Record<string, Record<string, unknown>> = { portal: {}, admin: {}, platform: {} };
  for (const e of Object.values(endpoints)) {
    if (e.audience === 'public') continue;
    expected[e.audience]![e.operationId] = {
      method: e.method,
      path: e.path,
      idempotent: 'idempotent' in e && e.idempotent === true,
      ...('produces' in e ? { produces: e.produces } : {}),
    };
  }
  t.deepEqual(tables, expected);
});

test('the route tables are exact for a sample: a plain list, an idempotent POST and a PDF', (t) => {
  t.deepEqual(portalRoutes.portalListInvoices, { method: 'GET', path: '/portal/invoices', idempotent: false });
  t.deepEqual(portalRoutes.portalCreateCheckout, {
    method: 'POST',
    path: '/portal/invoices/:id/checkout',
    idempotent: true,
  });
  t.deepEqual(portalRoutes.portalInvoicePdf, {
    method: 'GET',
    path: '/portal/invoices/:id/pdf',
    idempotent: false,
    produces: 'application/pdf',
  });
  t.false('stripeWebhook' in adminRoutes || 'stripeWebhook' in portalRoutes, 'the public webhook has no table');
});
