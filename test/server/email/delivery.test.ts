import test from 'ava';
import { demo, startTestServer, type TestServer } from '../../helpers/server.js';
import { startSmtp, type TestSmtp } from '../../helpers/smtp.js';

let s: TestServer;
let smtp: TestSmtp;
test.before(async () => {
  smtp = await startSmtp({ refuseFirst: 1 });
  s = await startTestServer({ env: { SMTP_URL: smtp.url, MAIL_POLL_MS: '60000' } });
});
test.after.always(async () => {
  await s?.close();
  await smtp?.close();
});

test('a temporary SMTP failure is retried later with backoff; the body stays sealed until delivery, then is purged', async (t) => {
  await s.portal('acme').auth.forgotPassword({ email: demo.nora.email });
  await s.server.mail.drain();
  const [failed] = await s.db
    .owner('email_outbox')
    .select(
      'status',
      'attempts',
      'last_error',
      s.db.owner.raw('sealed_body IS NOT NULL AS sealed'),
      s.db.owner.raw(`round(extract(epoch FROM next_attempt_at - now())) AS wait`),
    );
  t.like(failed, { status: 'pending', attempts: 1, sealed: true });
  t.regex(failed.last_error, /451/);
  t.true(Number(failed.wait) > 20 && Number(failed.wait) <= 30, `retry in ${failed.wait}s`);
  t.is(smtp.messages.length, 0);

  // Not due yet: nothing is sent early.
  await s.server.mail.drain();
  t.is(smtp.messages.length, 0);
  await s.db.owner('email_outbox').update({ next_attempt_at: s.db.owner.raw(`now() - interval '1 second'`) });
  await s.server.mail.drain();
  const mail = await smtp.waitFor(demo.nora.email);
  t.is(mail.subject, 'Reset your Acme Law portal password');
  const [sent] = await s.db.owner('email_outbox').select('status', 'attempts', 'last_error', 'sealed_body');
  t.deepEqual(sent, { status: 'sent', attempts: 2, last_error: null, sealed_body: null });
});
