import test from 'ava';
import { ValidationError } from '../../../sdk/errors.js';
import { demoStaff, startTestServer, type TestServer } from '../../helpers/server.js';
import { linkToken, startSmtp, type TestSmtp } from '../../helpers/smtp.js';

let s: TestServer;
let smtp: TestSmtp;
test.before(async () => {
  smtp = await startSmtp();
  s = await startTestServer({ env: { SMTP_URL: smtp.url } });
});
test.after.always(async () => {
  await s?.close();
  await smtp?.close();
});

test('welcome email over SMTP: a link backdated past 48 hours fails; a fresh one sets the password once; the outbox keeps no body', async (t) => {
  const ada = await s.staffLogin(demoStaff.ada);
  const [ned] = (await ada.contacts.list({ email: 'ned@northwind.example' })).data;
  await ada.contacts.enablePortalAccess(ned!.id, { send_welcome: true });
  await s.server.jobs.drain();
  const first = await smtp.waitFor('ned@northwind.example');
  t.is(first.subject, 'Your client portal at Acme Law');
  t.regex(first.text, /^Hello Ned,$/m);
  t.regex(first.html, /Set your password/);

  // Issued 48 hours and one second ago: expired.
  await s.db.owner.raw(
    `UPDATE one_time_tokens SET created_at = now() - interval '48 hours 1 second', expires_at = now() - interval '1 second'
      WHERE contact_id = ?`,
    [ned!.id],
  );
  const expired = await t.throwsAsync(
    s.portal('acme').auth.setPassword({ token: linkToken(first), password: 'ned-north-portal' }),
  );
  t.is((expired as ValidationError).code, 'link_invalid');

  smtp.messages.length = 0;
  await ada.contacts.enablePortalAccess(ned!.id, { send_welcome: true });
  await s.server.jobs.drain();
  const token = linkToken(await smtp.waitFor('ned@northwind.example'));
  t.deepEqual(await s.portal('acme').auth.setPassword({ token, password: 'ned-north-portal' }), {
    email: 'ned@northwind.example',
  });
  const again = await t.throwsAsync(s.portal('acme').auth.setPassword({ token, password: 'ned-north-portal-2' }));
  t.is((again as ValidationError).code, 'link_invalid');
  const login = await s.portal('acme').auth.login({ email: 'ned@northwind.example', password: 'ned-north-portal' });
  t.is(login.profile.contact.first_name, 'Ned');

  const outbox = await s.db
    .owner('email_outbox')
    .where({ to_address: 'ned@northwind.example' })
    .select('status', 'sealed_body');
  t.deepEqual(outbox, [
    { status: 'sent', sealed_body: null },
    { status: 'sent', sealed_body: null },
  ]);
});
