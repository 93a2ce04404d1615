/**
 * PUBLIC_SCHEME=https behind a trusted TLS proxy: a cookie login over https (as
 * X-Forwarded-Proto says) sets the Secure __Host- cookie; one that arrived over
 * plain HTTP is a clear 400 before anything is written, never a 500.
 */
import test from 'ava';
import { demo, startTestServer, type TestServer } from '../../helpers/server.js';
import { rawRequest } from '../../helpers/http.js';

let s: TestServer;
test.before(async () => {
  s = await startTestServer({ env: { PUBLIC_SCHEME: 'https', TRUST_PROXY: '1' } });
});
test.after.always(async () => s?.close());

const sessions = async () => Number((await s.db.owner('sessions').count('* as n').first())!.n);

function cookieLogin(proto: string | undefined) {
  return rawRequest(s.server.port, {
    method: 'POST',
    path: '/api/v1/portal/auth/login',
    host: 'acme.localhost',
    headers: {
      origin: `${proto ?? 'http'}://acme.localhost`,
      'caseflow-csrf': '1',
      ...(proto ? { 'x-forwarded-proto': proto } : {}),
    },
    body: JSON.stringify({ ...demo.nora, transport: 'cookie' }),
  });
}

test.serial(
  'a cookie login that reached us over plain HTTP is a 400 naming the cause, and opens no session',
  async (t) => {
    const before = await sessions();
    const res = await cookieLogin(undefined);
    t.is(res.status, 400);
    t.like(res.json().error, {
      code: 'https_required',
      message:
        'A cookie login needs HTTPS, and this request arrived over plain HTTP (does the proxy send X-Forwarded-Proto?).',
    });
    t.is(await sessions(), before);
  },
);

test.serial(
  'a cookie login over https (X-Forwarded-Proto from the trusted proxy) sets the Secure __Host- cookie',
  async (t) => {
    const res = await cookieLogin('https');
    t.is(res.status, 200);
    const cookie = String(res.headers['set-cookie']);
    t.regex(cookie, /^__Host-caseflow_portal=cfp_[^;]+; path=\/; expires=[^;]+; samesite=lax; secure; httponly$/);
  },
);
