import test from 'ava';
import { AdminClient } from '../../sdk/admin-client.js';

// The exact requests of admin.notes, admin.threads, admin.practiceAreas, admin.reports and admin.matters.update.

interface Sent {
  url: string;
  method: string;
  body: string | undefined;
}

function fakeAdmin() {
  const sent: Sent[] = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    sent.push({ url: String(url), method: init?.method ?? 'GET', body: init?.body as string | undefined });
    const status = init?.method === 'DELETE' ? 204 : 200;
    return status === 204
      ? new Response(null, { status })
      : new Response(JSON.stringify({ data: [], has_more: false, next_cursor: null }), {
          status,
          headers: { 'content-type': 'application/json' },
        });
  };
  const admin = new AdminClient({
    baseUrl: 'https://api.example',
    tenant: 'acme',
    token: 'cfa_key',
    fetch: fetch as typeof globalThis.fetch,
    maxRetries: 0,
  });
  return { sent, admin };
}

const base = 'https://api.example/api/v1';

test('admin.notes methods escape their path ids and send the body as given', async (t) => {
  const { sent, admin } = fakeAdmin();
  await admin.notes.listForClient('c/1', { limit: 5 });
  await admin.notes.createForClient('c1', { body: 'Hi', pinned: true });
  await admin.notes.listForMatter('m?1');
  await admin.notes.createForMatter('m1', { body: 'Yo' });
  await admin.notes.update('n#1', { pinned: false });
  await admin.notes.delete('n1');
  t.deepEqual(sent, [
    { url: `${base}/admin/clients/c%2F1/notes?limit=5`, method: 'GET', body: undefined },
    { url: `${base}/admin/clients/c1/notes`, method: 'POST', body: '{"body":"Hi","pinned":true}' },
    { url: `${base}/admin/matters/m%3F1/notes`, method: 'GET', body: undefined },
    { url: `${base}/admin/matters/m1/notes`, method: 'POST', body: '{"body":"Yo"}' },
    { url: `${base}/admin/notes/n%231`, method: 'PATCH', body: '{"pinned":false}' },
    { url: `${base}/admin/notes/n1`, method: 'DELETE', body: undefined },
  ]);
});

test('admin.threads, admin.practiceAreas, admin.reports and admin.matters.update send the documented requests', async (t) => {
  const { sent, admin } = fakeAdmin();
  await admin.threads.list('m/1');
  await admin.threads.start('m1', { subject: 'S', body: 'B' });
  await admin.threads.retrieve('t1');
  await admin.threads.messages('t1', { limit: 2, starting_after: 'x' });
  await admin.threads.reply('t/1', { body: 'R' });
  await admin.practiceAreas.list({ include_archived: true });
  await admin.practiceAreas.create({ name: 'Tax' });
  await admin.practiceAreas.update('a/1', { archived: true });
  await admin.reports.revenue({ from: '2026-01', to: '2026-03' });
  await admin.matters.update('m1', { practice_area_id: null });
  t.deepEqual(sent, [
    { url: `${base}/admin/matters/m%2F1/threads`, method: 'GET', body: undefined },
    { url: `${base}/admin/matters/m1/threads`, method: 'POST', body: '{"subject":"S","body":"B"}' },
    { url: `${base}/admin/threads/t1`, method: 'GET', body: undefined },
    { url: `${base}/admin/threads/t1/messages?limit=2&starting_after=x`, method: 'GET', body: undefined },
    { url: `${base}/admin/threads/t%2F1/messages`, method: 'POST', body: '{"body":"R"}' },
    { url: `${base}/admin/practice-areas?include_archived=true`, method: 'GET', body: undefined },
    { url: `${base}/admin/practice-areas`, method: 'POST', body: '{"name":"Tax"}' },
    { url: `${base}/admin/practice-areas/a%2F1`, method: 'PATCH', body: '{"archived":true}' },
    { url: `${base}/admin/reports/revenue?from=2026-01&to=2026-03`, method: 'GET', body: undefined },
    { url: `${base}/admin/matters/m1`, method: 'PATCH', body: '{"practice_area_id":null}' },
  ]);
});
