/**
 * International email addresses with SMTP_UTF8 off (the default): a domain in
 * any script is taken, stored in its normal form, unique ignoring case and
 * normalisation, and sent in punycode; a local part outside ASCII is refused
 * with a sentence.
 */
import test from 'ava';
import { ConflictError, ValidationError } from '../../../sdk/errors.js';
import type { AdminClient } from '../../../sdk/admin-client.js';
import { aClient } from '../../helpers/factories/index.js';
import { demoStaff, startTestServer, type TestServer } from '../../helpers/server.js';
import { linkToken, startSmtp, type TestSmtp } from '../../helpers/smtp.js';

let s: TestServer;
let smtp: TestSmtp;
let ada: AdminClient;
test.before(async () => {
  smtp = await startSmtp();
  s = await startTestServer({ env: { SMTP_URL: smtp.url } });
  ada = await s.staffLogin(demoStaff.ada);
});
test.after.always(async () => {
  await s?.close();
  await smtp?.close();
});

const zoe = 'zoe@ørsted.example';
const zoePunycode = 'zoe@xn--rsted-uua.example';
const password = 'zoe-orsted-portal-2026';

test.serial(
  'zoe@ørsted.example is invited (punycode on the wire), sets her password from the link and logs in however the domain is typed',
  async (t) => {
    const client = await aClient(s, { name: 'Ørsted Holding' });
    // Typed with the domain in capitals: stored with it lower-cased.
    const contact = await ada.contacts.create({
      client_id: client.id,
      first_name: 'Zoë',
      last_name: 'Ørsted',
      email: 'zoe@ØRSTED.example',
    });
    t.is(contact.email, zoe);
    t.is((await s.db.owner('contacts').where({ id: contact.id }).first('email')).email, zoe);

    await ada.contacts.enablePortalAccess(contact.id, { send_welcome: true });
    await s.server.jobs.drain();
    const mail = await smtp.waitFor('xn--rsted-uua.example');
    t.deepEqual(mail.envelope.to, [zoePunycode]);
    t.is(mail.rawTo, zoePunycode);
    t.false(mail.smtpUtf8);
    t.is(mail.subject, 'Your client portal at Acme Law');

    const set = await s.portal('acme').auth.setPassword({ token: linkToken(mail), password });
    t.deepEqual(set, { email: zoe });
    for (const typed of [
      zoe,
      'zoe@ØRSTED.EXAMPLE',
      'ZOE@Ørsted.Example',
      // Ø has no decomposition: NFD leaves it as it is (the café case below decomposes).
      zoe.normalize('NFD'),
      // What Chromium's <input type="email"> sends when she types her address.
      'zoe@xn--rsted-uua.example',
      'ZOE@XN--RSTED-UUA.EXAMPLE',
    ]) {
      const login = await s.portal('acme').auth.login({ email: typed, password });
      t.is(login.profile.contact.id, contact.id, typed);
      t.is(login.profile.contact.email, zoe);
    }
    // The list's email filter finds her the same way.
    t.deepEqual(
      (await ada.contacts.list({ email: 'ZOE@ØRSTED.EXAMPLE' })).data.map((c) => c.id),
      [contact.id],
    );
  },
);

test.serial(
  'a second contact ZOE@ØRSTED.EXAMPLE, or the same address decomposed, is the same address: 409',
  async (t) => {
    const client = await aClient(s);
    for (const email of ['ZOE@ØRSTED.EXAMPLE', 'Zoe@ørsted.example'.normalize('NFD')]) {
      const error = await t.throwsAsync(
        ada.contacts.create({ client_id: client.id, first_name: 'Zoe', last_name: 'Twice', email }),
        { instanceOf: ConflictError },
      );
      t.is(error.code, 'email_taken');
    }
  },
);

test.serial('the same address with a decomposed accent is stored composed (NFC) and found either way', async (t) => {
  const client = await aClient(s);
  const decomposed = 'rene@café.example'.normalize('NFD');
  t.not(decomposed, 'rene@café.example');
  const contact = await ada.contacts.create({
    client_id: client.id,
    first_name: 'René',
    last_name: 'Café',
    email: decomposed,
  });
  t.is(contact.email, 'rene@café.example');
  t.deepEqual(
    (await ada.contacts.list({ email: 'RENE@CAFÉ.EXAMPLE' })).data.map((c) => c.id),
    [contact.id],
  );
  t.deepEqual(
    (await ada.contacts.list({ email: 'RENE@CAFÉ.EXAMPLE'.normalize('NFD') })).data.map((c) => c.id),
    [contact.id],
  );
});

test.serial('a local part outside ASCII is refused while SMTP_UTF8 is off, with the sentence', async (t) => {
  const client = await aClient(s);
  const error = await t.throwsAsync(
    ada.contacts.create({
      client_id: client.id,
      first_name: 'Δοκιμή',
      last_name: 'Test',
      email: 'δοκιμή@παράδειγμα.δοκιμή',
    }),
    { instanceOf: ValidationError },
  );
  const sentence =
    'This address cannot receive email from this server: δοκιμή@παράδειγμα.δοκιμή has characters outside ASCII before the @, which needs an SMTP server with SMTPUTF8 (the operator sets SMTP_UTF8=true).';
  t.is(error.status, 400);
  t.is(error.code, 'email_undeliverable');
  t.is(error.message, sentence);
  t.deepEqual(error.params, [{ path: 'body.email', code: 'invalid', message: sentence }]);
  // A domain in Greek with an ASCII local part is fine.
  const ascii = await ada.contacts.create({
    client_id: client.id,
    first_name: 'Eleni',
    last_name: 'Test',
    email: 'eleni@παράδειγμα.δοκιμή',
  });
  t.is(ascii.email, 'eleni@παράδειγμα.δοκιμή');
  // Staff invitations and forgot-password say the same.
  const staff = await t.throwsAsync(
    ada.staff.invite({ email: 'δοκιμή@παράδειγμα.δοκιμή', first_name: 'D', last_name: 'T', role: 'staff' }),
    { instanceOf: ValidationError },
  );
  t.is(staff.message, sentence);
  const forgot = await t.throwsAsync(s.portal('acme').auth.forgotPassword({ email: 'δοκιμή@παράδειγμα.δοκιμή' }), {
    instanceOf: ValidationError,
  });
  t.is(forgot.message, sentence);
});

test.serial(
  'a domain with no punycode form, or no domain worth the name, is refused as a malformed address',
  async (t) => {
    const client = await aClient(s);
    for (const email of [
      'a@ex_ample.com',
      `a@${'ø'.repeat(70)}.example`,
      'a@localhost',
      'a@1.2.3.4',
      'a..b@example.com',
    ]) {
      const error = await t.throwsAsync(
        ada.contacts.create({ client_id: client.id, first_name: 'Bad', last_name: 'Domain', email }),
        { instanceOf: ValidationError },
        email,
      );
      t.deepEqual(
        error.params,
        [{ path: 'body.email', code: 'invalid_format', message: 'Enter an email address such as name@example.com.' }],
        email,
      );
    }
  },
);

test.serial('a forgotten password for zoe, typed in capitals, is emailed to her punycode domain', async (t) => {
  smtp.messages.length = 0;
  await s.portal('acme').auth.forgotPassword({ email: 'ZOE@ØRSTED.EXAMPLE' });
  await s.server.jobs.drain();
  const mail = await smtp.waitFor('xn--rsted-uua.example');
  t.deepEqual(mail.envelope.to, [zoePunycode]);
  t.regex(mail.text, /#token=cfl_/);
});
