/**
 * SMTP_UTF8=true: addresses with a local part outside ASCII are taken and
 * delivered with SMTPUTF8, once the boot checked that the SMTP server offers
 * it; a server that hides it stops the boot; the mail folder counts as capable.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import pino from 'pino';
import { ConflictError } from '../../../sdk/errors.js';
import type { AdminClient } from '../../../sdk/admin-client.js';
import { ConfigError } from '../../../server/config.js';
import { appPool } from '../../../server/db/database.js';
import { listen } from '../../../server/server.js';
import { aClient } from '../../helpers/factories/index.js';
import { demoStaff, startTestServer, testConfig, type TestServer } from '../../helpers/server.js';
import { linkToken, startSmtp, type TestSmtp } from '../../helpers/smtp.js';

let s: TestServer;
let smtp: TestSmtp;
let ada: AdminClient;
test.before(async () => {
  smtp = await startSmtp();
  s = await startTestServer({ env: { SMTP_URL: smtp.url, SMTP_UTF8: 'true' } });
  ada = await s.staffLogin(demoStaff.ada);
});
test.after.always(async () => {
  await s?.close();
  await smtp?.close();
});

const greek = 'δοκιμή@παράδειγμα.δοκιμή';

test.serial('a Greek address is invited, delivered with SMTPUTF8 as it is, and logs in in any case', async (t) => {
  const client = await aClient(s);
  const contact = await ada.contacts.create({
    client_id: client.id,
    first_name: 'Ελένη',
    last_name: 'Δοκιμή',
    email: greek,
  });
  t.is(contact.email, greek);
  await ada.contacts.enablePortalAccess(contact.id, { send_welcome: true });
  await s.server.jobs.drain();
  const mail = await smtp.waitFor(greek);
  t.true(mail.smtpUtf8);
  // A local part outside ASCII already needs SMTPUTF8: the domain goes as UTF-8 too (RFC 6531).
  t.deepEqual(mail.envelope.to, [greek]);
  t.regex(mail.text, /^Hello Ελένη,$/m);

  await s.portal('acme').auth.setPassword({ token: linkToken(mail), password: 'eleni-greek-portal-1' });
  for (const typed of [greek, 'ΔΟΚΙΜΉ@ΠΑΡΆΔΕΙΓΜΑ.ΔΟΚΙΜΉ', greek.normalize('NFD')]) {
    const login = await s.portal('acme').auth.login({ email: typed, password: 'eleni-greek-portal-1' });
    t.is(login.profile.contact.id, contact.id, typed);
  }
});

test.serial('the same Greek address in capitals is the same account: 409 (case folded in every script)', async (t) => {
  const client = await aClient(s);
  const error = await t.throwsAsync(
    ada.contacts.create({ client_id: client.id, first_name: 'Ε', last_name: 'Δ', email: 'ΔΟΚΙΜΉ@παράδειγμα.δοκιμή' }),
    { instanceOf: ConflictError },
  );
  t.is(error.code, 'email_taken');
});

test.serial('an ASCII local part still goes out with its domain in punycode, without SMTPUTF8', async (t) => {
  const client = await aClient(s);
  const contact = await ada.contacts.create({
    client_id: client.id,
    first_name: 'Zoe',
    last_name: 'Ørsted',
    email: 'zoe.utf8@ørsted.example',
  });
  await ada.contacts.enablePortalAccess(contact.id, { send_welcome: true });
  await s.server.jobs.drain();
  const mail = await smtp.waitFor('zoe.utf8@');
  t.deepEqual(mail.envelope.to, ['zoe.utf8@xn--rsted-uua.example']);
  t.is(mail.rawTo, 'zoe.utf8@xn--rsted-uua.example');
  t.false(mail.smtpUtf8);
});

/** Boots a second server on the test database with these settings; answers how the boot ended. */
async function boot(env: Record<string, string>): Promise<'started' | Error> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'caseflow-smtputf8-'));
  const config = testConfig(s.db, dataDir, env);
  const logger = pino({ level: 'silent' });
  const pool = appPool(config, s.db.appUrl, logger);
  try {
    const running = await listen(config, pool, logger);
    await running.close();
    return 'started';
  } catch (error) {
    await pool.end();
    return error as Error;
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

test.serial('with SMTP_UTF8=true the boot stops when the SMTP server does not offer SMTPUTF8', async (t) => {
  const hidden = await startSmtp({ hideSMTPUTF8: true });
  try {
    const outcome = await boot({ SMTP_URL: hidden.url, SMTP_UTF8: 'true' });
    t.true(outcome instanceof ConfigError);
    t.is(
      (outcome as Error).message,
      `SMTP_UTF8=true, but the SMTP server at ${new URL(hidden.url).host} does not offer SMTPUTF8 in its EHLO answer: ` +
        'use a server that does, or set SMTP_UTF8=false (addresses with non-ASCII characters before the @ are then refused).',
    );
    // The same server is fine when SMTP_UTF8 is off.
    t.is(await boot({ SMTP_URL: hidden.url }), 'started');
  } finally {
    await hidden.close();
  }
});

test.serial('with SMTP_UTF8=true and no SMTP_URL the mail folder counts as capable: the server starts', async (t) => {
  t.is(await boot({ SMTP_UTF8: 'true' }), 'started');
});

test.serial('with SMTP_UTF8=true the boot stops with a sentence when the SMTP server cannot be reached', async (t) => {
  const gone = await startSmtp();
  const url = gone.url;
  await gone.close();
  const outcome = await boot({ SMTP_URL: url, SMTP_UTF8: 'true' });
  t.true(outcome instanceof ConfigError);
  t.regex(
    (outcome as Error).message,
    new RegExp(`^SMTP_UTF8=true, but the SMTP server at ${new URL(url).host} could not be asked what it offers: `),
  );
});
