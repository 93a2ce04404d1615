/**
 * Forgot password: always the same 202, whoever asks and however often (a 429
 * per email let a stranger lock the owner out of resets); floods are limited per
 * IP (429 hurts only the flooder); the reset emails actually sent to one address
 * are capped per window, silently. Serial: the tests count outbox rows.
 */
import test from 'ava';
import { passwordMessages } from '../../../server/modules/portal-auth/passwords.js';
import { demo, startTestServer, type TestServer } from '../../helpers/server.js';

let s: TestServer;
test.before(async () => {
  s = await startTestServer({
    env: { TRUST_PROXY: '1', FORGOT_PASSWORD_PER_EMAIL: '3', FORGOT_PASSWORD_PER_IP: '6' },
  });
});
test.after.always(async () => s?.close());

async function forgot(email: string, ip: string, tenant = 'acme') {
  const res = await fetch(`${s.baseUrl}/api/v1/portal/auth/forgot-password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'caseflow-tenant': tenant, 'x-forwarded-for': ip },
    body: JSON.stringify({ email }),
  });
  return { status: res.status, body: await res.json(), retryAfter: res.headers.get('retry-after') };
}

const resetEmailsTo = async (email: string) => {
  await s.server.jobs.drain();
  return Number(
    (await s.db.owner('email_outbox').where({ template: 'password_reset', to_address: email }).count('* as n').first())!
      .n,
  );
};

const accepted = { status: 202, body: { message: passwordMessages.resetRequested }, retryAfter: null };

test.serial(
  'a stranger asking many times for the owner’s address gets 202 each time; only 3 reset emails go out this hour',
  async (t) => {
    const ips = ['203.0.113.1', '203.0.113.2'];
    for (let i = 0; i < 5; i++) t.deepEqual(await forgot(demo.nora.email, ips[i % 2]!), accepted);
    t.is(await resetEmailsTo(demo.nora.email), 3);
    // The owner, from their own IP, still gets the same answer (and has the links already sent).
    t.deepEqual(await forgot(demo.nora.email, '198.51.100.9'), accepted);
    t.is(await resetEmailsTo(demo.nora.email), 3);
  },
);

test.serial('an unknown address gets the same 202, any number of times, and no email', async (t) => {
  for (let i = 0; i < 5; i++) t.deepEqual(await forgot('ghost@nowhere.example', '203.0.113.3'), accepted);
  t.is(await resetEmailsTo('ghost@nowhere.example'), 0);
});

test.serial('the cap is per address and per firm: another address still gets its email', async (t) => {
  t.deepEqual(await forgot(demo.gina.email, '203.0.113.4'), accepted);
  t.is(await resetEmailsTo(demo.gina.email), 1);
  t.deepEqual(await forgot(demo.ian.email, '203.0.113.4', 'bluebird'), accepted);
  t.is(await resetEmailsTo(demo.ian.email), 1);
});

test.serial(
  'a flood from one IP is 429 with Retry-After after 6 requests, known or unknown addresses alike',
  async (t) => {
    const ip = '203.0.113.5';
    const emails = [
      demo.gina.email,
      'a@nowhere.example',
      'b@nowhere.example',
      'c@nowhere.example',
      'd@nowhere.example',
    ];
    for (const email of [...emails, 'e@nowhere.example']) t.is((await forgot(email, ip)).status, 202);
    for (const email of [demo.gina.email, 'f@nowhere.example']) {
      const flooded = await forgot(email, ip);
      t.is(flooded.status, 429);
      t.is(flooded.body.error.code, 'too_many_attempts');
      const retryAfter = Number(flooded.retryAfter);
      t.true(retryAfter > 3590 && retryAfter <= 3600, `Retry-After ${flooded.retryAfter}`);
    }
    // Another IP is not affected.
    t.deepEqual(await forgot(demo.gina.email, '203.0.113.6'), accepted);
    t.is(await resetEmailsTo(demo.gina.email), 3);
  },
);
