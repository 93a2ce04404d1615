import test from 'ava';
import { demo, startTestServer, type TestServer } from '../../helpers/server.js';
import { startSmtp, type TestSmtp } from '../../helpers/smtp.js';

let s: TestServer;
let smtp: TestSmtp;
test.before(async () => {
  smtp = await startSmtp({ refuseFirst: 1 });
  s = await startTestServer({ env: { SMTP_URL: smtp.url } });
});
test.after.always(async () => {
  await s?.close();
  await smtp?.close();
});

test('a temporary SMTP failure is retried later with backoff; the body stays sealed until delivery, then is purged', async (t) => {
  await s.portal('acme').auth.forgotPassword({ email: demo.nora.email });
  await s.server.jobs.drain();
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
  // The queue's backoff after a first failure: e¹ ≈ 2.7 s; the outbox row shows when.
  t.true(Number(failed.wait) >= 2 && Number(failed.wait) <= 3, `retry in ${failed.wait}s`);
  const [job] = await s.db
    .owner('graphile_worker.jobs')
    .where({ task_identifier: 'deliver_email' })
    .select('attempts', 'last_error');
  t.is(job.attempts, 1);
  t.regex(job.last_error, /451/);
  t.is(smtp.messages.length, 0);
  // The queue retries it by itself once due.
  const mail = await smtp.waitFor(demo.nora.email);
  await s.server.jobs.drain();
  t.is(mail.subject, 'Reset your Acme Law portal password');
  const [sent] = await s.db.owner('email_outbox').select('status', 'attempts', 'last_error', 'sealed_body');
  t.deepEqual(sent, { status: 'sent', attempts: 2, last_error: null, sealed_body: null });
});
