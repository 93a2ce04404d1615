import test from 'ava';
import { AdminClient } from '../../sdk/admin-client.js';

// The exact requests of admin.leads, admin.matterParties and admin.conflictChecks.

interface Sent {
  url: string;
  method: string;
  body: string | undefined;
}

function fakeFetch(answers: Response[]) {
  const sent: Sent[] = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    sent.push({ url: String(url), method: init?.method ?? 'GET', body: init?.body as string | undefined });
    const next = answers.shift();
    if (!next) throw new Error('no scripted answer left');
    return next;
  };
  return { sent, fetch: fetch as typeof globalThis.fetch };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const page = (data: unknown[] = []) => json(200, { data, has_more: false, next_cursor: null });
const admin = (fetch: typeof globalThis.fetch) =>
  new AdminClient({ baseUrl: 'https://api.example', tenant: 'acme', token: 'cfa_key', fetch, maxRetries: 0 });

test('admin.leads: list with filters, create, retrieve and update send these requests, ids escaped', async (t) => {
  const { sent, fetch } = fakeFetch([page(), json(201, {}), json(200, {}), json(200, {})]);
  const a = admin(fetch);
  await a.leads.list({ stage: 'won', owner_id: 'o1', limit: 5 });
  await a.leads.create({ name: 'Hooli', value: 100 });
  await a.leads.retrieve('l/1');
  await a.leads.update('l/1', { stage: 'lost', owner_id: null });
  t.deepEqual(sent, [
    { url: 'https://api.example/api/v1/admin/leads?stage=won&owner_id=o1&limit=5', method: 'GET', body: undefined },
    { url: 'https://api.example/api/v1/admin/leads', method: 'POST', body: '{"name":"Hooli","value":100}' },
    { url: 'https://api.example/api/v1/admin/leads/l%2F1', method: 'GET', body: undefined },
    {
      url: 'https://api.example/api/v1/admin/leads/l%2F1',
      method: 'PATCH',
      body: '{"stage":"lost","owner_id":null}',
    },
  ]);
});

test('admin.matterParties: list, add and remove use the matter’s path; remove answers undefined on 204', async (t) => {
  const { sent, fetch } = fakeFetch([page(), json(201, {}), new Response(null, { status: 204 })]);
  const a = admin(fetch);
  await a.matterParties.list('m/1');
  await a.matterParties.add('m1', { name: 'Initrode', role: 'opposing_party' });
  t.is(await a.matterParties.remove('m1', 'p?1'), undefined);
  t.deepEqual(sent, [
    { url: 'https://api.example/api/v1/admin/matters/m%2F1/parties', method: 'GET', body: undefined },
    {
      url: 'https://api.example/api/v1/admin/matters/m1/parties',
      method: 'POST',
      body: '{"name":"Initrode","role":"opposing_party"}',
    },
    { url: 'https://api.example/api/v1/admin/matters/m1/parties/p%3F1', method: 'DELETE', body: undefined },
  ]);
});

test('admin.conflictChecks: run, list and retrieve send these requests', async (t) => {
  const { sent, fetch } = fakeFetch([json(201, {}), page(), json(200, {})]);
  const a = admin(fetch);
  await a.conflictChecks.run({ parties: [{ name: 'Initech', email: 'bill@initech.example' }], note: 'intake' });
  await a.conflictChecks.list({ limit: 10 });
  await a.conflictChecks.retrieve('c1');
  t.deepEqual(sent, [
    {
      url: 'https://api.example/api/v1/admin/conflict-checks',
      method: 'POST',
      body: '{"parties":[{"name":"Initech","email":"bill@initech.example"}],"note":"intake"}',
    },
    { url: 'https://api.example/api/v1/admin/conflict-checks?limit=10', method: 'GET', body: undefined },
    { url: 'https://api.example/api/v1/admin/conflict-checks/c1', method: 'GET', body: undefined },
  ]);
});
