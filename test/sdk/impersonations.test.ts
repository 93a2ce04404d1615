import test from 'ava';
import { AdminClient } from '../../sdk/admin-client.js';
import { PortalClient } from '../../sdk/portal-client.js';

// The exact requests of the login-as-client and announcement methods.

interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

function fakeFetch(answers: Response[]) {
  const sent: Sent[] = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    sent.push({
      url: String(url),
      method: init?.method ?? 'GET',
      headers: Object.fromEntries(Object.entries((init?.headers as Record<string, string>) ?? {})),
      body: init?.body as string | undefined,
    });
    const next = answers.shift();
    if (!next) throw new Error('no scripted answer left');
    return next;
  };
  return { sent, fetch: fetch as typeof globalThis.fetch };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

test('admin.impersonations.create posts the reason to the escaped client path with the admin token', async (t) => {
  const { sent, fetch } = fakeFetch([json(201, {}), json(201, {})]);
  const admin = new AdminClient({ baseUrl: 'https://api.example', tenant: 'acme', token: 'cfs_abc', fetch });
  await admin.impersonations.create('c/1?x', { reason: 'invoice question' });
  await admin.impersonations.create('c1');
  t.like(sent[0], {
    url: 'https://api.example/api/v1/admin/clients/c%2F1%3Fx/impersonations',
    method: 'POST',
    body: '{"reason":"invoice question"}',
  });
  t.like(sent[0]!.headers, { authorization: 'Bearer cfs_abc', 'caseflow-tenant': 'acme' });
  t.is(sent[1]!.body, '{}');
});

test('portal.auth.redeemImpersonation posts the token and keeps the preview’s bearer token', async (t) => {
  const session = { kind: 'preview', expires_at: '2026-01-01T00:00:00.000Z', token: 'cfp_preview' };
  const { sent, fetch } = fakeFetch([json(200, { session, profile: {} }), json(200, { data: [] })]);
  const portal = new PortalClient({ baseUrl: 'https://acme.example', fetch });
  await portal.auth.redeemImpersonation({ token: 'cfl_token' });
  t.like(sent[0], {
    url: 'https://acme.example/api/v1/portal/auth/impersonation',
    method: 'POST',
    body: '{"token":"cfl_token"}',
  });
  t.is(sent[0]!.headers.authorization, undefined);
  t.is(portal.token, 'cfp_preview');
  await portal.announcements.list({ limit: 5 });
  t.like(sent[1], { url: 'https://acme.example/api/v1/portal/announcements?limit=5', method: 'GET' });
  t.is(sent[1]!.headers.authorization, 'Bearer cfp_preview');
});

test('announcement paths are escaped: markRead and publish', async (t) => {
  const { sent, fetch } = fakeFetch([json(200, {}), json(200, {})]);
  await new PortalClient({ baseUrl: 'https://a.example', token: 'cfp_x', fetch }).announcements.markRead('../x');
  await new AdminClient({ baseUrl: 'https://a.example', token: 'cfs_x', fetch }).announcements.publish('a b');
  t.like(sent[0], { url: 'https://a.example/api/v1/portal/announcements/..%2Fx/read', method: 'POST', body: '{}' });
  t.like(sent[1], { url: 'https://a.example/api/v1/admin/announcements/a%20b/publish', method: 'POST', body: '{}' });
});
