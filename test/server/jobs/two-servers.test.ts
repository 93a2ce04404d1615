import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import pg from 'pg';
import { Keyring } from '../../../server/security/keyring.js';
import { enqueueEmail } from '../../../server/modules/email/outbox.js';
import { inFirm } from '../../../server/jobs/worker-scope.js';
import { isolatedEnv, startCli } from '../../helpers/cli.js';
import { MASTER_KEY, PLATFORM_KEY, startTestServer, type TestServer } from '../../helpers/server.js';
import { startSmtp, type TestSmtp } from '../../helpers/smtp.js';

let s: TestServer;
let smtp: TestSmtp;
test.before(async () => {
  smtp = await startSmtp({ delayMs: 40 });
  s = await startTestServer({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'Server A <a@jobs.example>' } });
});
test.after.always(async () => {
  await s?.close();
  await smtp?.close();
});

test('two server processes share the queue: 24 queued emails are each delivered once, by one or the other', async (t) => {
  const other = await startCli(
    ['serve', '--no-demo'],
    isolatedEnv({
      DATABASE_URL: s.db.ownerUrl,
      CASEFLOW_APP_DATABASE_URL: s.db.appUrl,
      CASEFLOW_JOBS_DATABASE_URL: s.db.jobsUrl,
      CASEFLOW_PLATFORM_KEY: PLATFORM_KEY,
      CASEFLOW_MASTER_KEY: MASTER_KEY,
      CASEFLOW_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'caseflow-second-')),
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Server B <b@jobs.example>',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    }),
    /CaseFlow Portal is running/,
  );
  t.teardown(async () => {
    other.child.kill('SIGTERM');
    await other.exited;
  });

  const acme = (await s.db.owner('tenants').where({ slug: 'acme' }).first('id')).id as string;
  const keyring = new Keyring(Buffer.from(MASTER_KEY, 'hex'));
  const pool = new pg.Pool({ connectionString: s.db.appUrl, max: 2 });
  t.teardown(() => pool.end());
  const recipients = Array.from({ length: 24 }, (_, i) => `client${i}@jobs.example`);
  for (const to of recipients) {
    await inFirm(pool, acme, (db) =>
      enqueueEmail(db, keyring, acme, to, {
        template: 'test',
        subject: `For ${to}`,
        text: 'Hello',
        html: '<p>Hello</p>',
      }),
    );
  }
  await s.server.jobs.drain();

  t.deepEqual(smtp.messages.map((m) => m.to).sort(), [...recipients].sort());
  const senders = new Set(smtp.messages.map((m) => m.from));
  t.deepEqual([...senders].sort(), ['"Server A" <a@jobs.example>', '"Server B" <b@jobs.example>']);
  const rows = await s.db.owner('email_outbox').whereLike('to_address', '%@jobs.example').select('status', 'attempts');
  t.deepEqual(
    rows,
    recipients.map(() => ({ status: 'sent', attempts: 1 })),
  );
});
