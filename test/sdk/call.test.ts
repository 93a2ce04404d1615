import test from 'ava';
import { RouteCaller } from '../../sdk/call.js';
import { portalRoutes } from '../../sdk/routes/portal.js';
import { Transport } from '../../sdk/transport.js';

const api = () => new RouteCaller(new Transport({ baseUrl: 'https://api.example', tenant: 'acme' }), portalRoutes);

test('url() fills and escapes the path parameters of a route', (t) => {
  t.is(
    api().url('portalInvoicePdf', { params: { id: 'a b/..?x=1' } }),
    'https://api.example/api/v1/portal/invoices/a%20b%2F..%3Fx%3D1/pdf',
  );
});

test('"." and ".." are refused as path parameters: even encoded, URL parsing would make them path steps', (t) => {
  // What refusing prevents: the WHATWG URL parser resolves %2E%2E as "..".
  t.is(new URL('https://api.example/api/v1/portal/invoices/%2E%2E/pdf').pathname, '/api/v1/portal/pdf');
  for (const id of ['.', '..']) {
    t.throws(() => api().url('portalInvoicePdf', { params: { id } }), {
      instanceOf: TypeError,
      message: `"${id}" cannot be a path parameter`,
    });
  }
});

test('a call given ".." rejects like any failed call, and sends nothing', async (t) => {
  const fetch = () => Promise.reject(new Error('nothing may be sent'));
  const caller = new RouteCaller(new Transport({ baseUrl: 'https://api.example', fetch }), portalRoutes);
  await t.throwsAsync(caller.call('portalRetrieveInvoice', { params: { id: '..' } }), {
    instanceOf: TypeError,
    message: '".." cannot be a path parameter',
  });
});

test('a client calls only the routes of its own table, as the types already say', async (t) => {
  // @ts-expect-error adminMe is not a portal route
  await t.throwsAsync(api().call('adminMe'), {
    instanceOf: TypeError,
    message: "no route adminMe in this client's table",
  });
});

test('a missing path parameter is refused before anything is sent, as the types already say', (t) => {
  // @ts-expect-error the contract requires params.id
  t.throws(() => api().url('portalRetrieveInvoice', {}), {
    instanceOf: TypeError,
    message: '/portal/invoices/:id: path parameter "id" is missing',
  });
});
