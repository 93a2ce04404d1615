import test from 'ava';
import { AuthenticationError, PermissionError, ValidationError } from '../../../sdk/errors.js';
import { passwordMessages } from '../../../server/modules/portal-auth/passwords.js';
import { hasherCalls } from '../../../server/security/passwords.js';
import { aPortalSession } from '../../helpers/factories/index.js';
import { demo, startTestServer, type TestServer } from '../../helpers/server.js';
import { linkToken, startSmtp, type TestSmtp } from '../../helpers/smtp.js';

let s: TestServer;
let smtp: TestSmtp;
test.before(async () => {
  smtp = await startSmtp();
  s = await startTestServer({ env: { SMTP_URL: smtp.url, FORGOT_PASSWORD_PER_EMAIL: '3' } });
});
test.after.always(async () => {
  await s?.close();
  await smtp?.close();
});

/** Asks for a reset link for `email` and returns the email it produced. */
async function resetMail(email: string) {
  const before = smtp.messages.length;
  await s.portal('acme').auth.forgotPassword({ email });
  await s.server.jobs.drain();
  const mail = smtp.messages.slice(before).find((m) => m.to.includes(email));
  if (!mail) throw new Error(`no reset email to ${email}`);
  return mail;
}

test.serial(
  'forgot password: the same status and body for a known and an unknown email, and both call the hasher',
  async (t) => {
    const answers = [];
    for (const email of [demo.gina.email, 'nobody@nowhere.example']) {
      const verifies = hasherCalls.verify;
      const res = await fetch(`${s.baseUrl}/api/v1/portal/auth/forgot-password`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'caseflow-tenant': 'acme' },
        body: JSON.stringify({ email }),
      });
      const body = await res.json();
      t.is(hasherCalls.verify, verifies + 1, email);
      answers.push({ status: res.status, body });
    }
    t.deepEqual(answers[0], answers[1]);
    t.deepEqual(answers[0], { status: 202, body: { message: passwordMessages.resetRequested } });
    // Both requests wrote the same rows: a reset request and an audit event.
    const requests = await s.db.owner('password_reset_requests').count('* as n').first();
    t.is(Number(requests!.n), 2);
    await s.server.jobs.drain();
    t.is(smtp.messages.filter((m) => m.to.includes('nobody@nowhere.example')).length, 0);
    const sent = smtp.messages.filter((m) => m.to.includes(demo.gina.email));
    t.is(sent.length, 1);
    t.is(sent[0]!.subject, 'Reset your Acme Law portal password');
    // The worker forgot the addresses once it acted on them.
    t.deepEqual(await s.db.owner('password_reset_requests').whereNotNull('email').select('id'), []);
  },
);

test.serial(
  'reset link: on the firm host, works once, ends the contact’s sessions, and the old password stops working',
  async (t) => {
    const session = await s.portal('acme').auth.login(demo.gina);
    const mail = await resetMail(demo.gina.email);
    t.regex(mail.text, new RegExp(`http://acme\\.localhost:${s.server.port}/clients/reset-password#token=cfl_`));
    t.regex(mail.html, /Choose a new password/);
    const token = linkToken(mail);

    const answer = await s.portal('acme').auth.setPassword({ token, password: 'globex-new-password-1' });
    t.deepEqual(answer, { email: demo.gina.email });
    const reuse = await t.throwsAsync(s.portal('acme').auth.setPassword({ token, password: 'globex-new-password-2' }));
    t.is((reuse as ValidationError).code, 'link_invalid');
    t.is(reuse!.message, passwordMessages.linkInvalid);

    await t.throwsAsync(s.portal('acme', session.session.token).me(), { instanceOf: AuthenticationError });
    await t.throwsAsync(s.portal('acme').auth.login(demo.gina), { instanceOf: AuthenticationError });
    const login = await s.portal('acme').auth.login({ email: demo.gina.email, password: 'globex-new-password-1' });
    t.is(login.profile.contact.email, demo.gina.email);
    const audit = await s.db.owner('audit_events').where({ action: 'portal.password_reset' }).select('actor_type');
    t.deepEqual(audit, [{ actor_type: 'contact' }]);
  },
);

test.serial('a new link kills the previous one; a link backdated past 48 hours fails', async (t) => {
  const first = linkToken(await resetMail(demo.nora.email));
  const second = linkToken(await resetMail(demo.nora.email));
  const old = await t.throwsAsync(s.portal('acme').auth.setPassword({ token: first, password: 'northwind-pass-123' }));
  t.is((old as ValidationError).code, 'link_invalid');
  await s.db.owner.raw(
    `UPDATE one_time_tokens SET expires_at = now() - interval '1 second' WHERE used_at IS NULL AND revoked_at IS NULL`,
  );
  const expired = await t.throwsAsync(
    s.portal('acme').auth.setPassword({ token: second, password: 'northwind-pass-123' }),
  );
  t.is((expired as ValidationError).code, 'link_invalid');
  // Links live 48 hours from issue.
  const [row] = await s.db
    .owner('one_time_tokens')
    .select(s.db.owner.raw(`extract(epoch FROM expires_at - created_at)::int AS seconds`))
    .where({ purpose: 'contact_reset' })
    .limit(1);
  t.is(row.seconds, 48 * 3600);
});

test.serial('a weak or common new password is refused with a precise message and consumes nothing', async (t) => {
  const token = linkToken(await resetMail(demo.nora.email));
  const short = await t.throwsAsync(s.portal('acme').auth.setPassword({ token, password: 'short' }));
  t.is(short!.message, 'Choose a password of at least 8 characters.');
  const common = await t.throwsAsync(s.portal('acme').auth.setPassword({ token, password: 'password1' }));
  t.is((common as ValidationError).code, 'password_too_common');
  const long = 'x'.repeat(200) + ' a passphrase well past 128 characters is kept whole';
  t.deepEqual(await s.portal('acme').auth.setPassword({ token, password: long }), { email: demo.nora.email });
  const login = await s.portal('acme').auth.login({ email: demo.nora.email, password: long });
  t.is(login.profile.contact.first_name, 'Nora');
  await t.throwsAsync(s.portal('acme').auth.login({ email: demo.nora.email, password: long.slice(0, 128) }), {
    instanceOf: AuthenticationError,
  });
});

test.serial(
  'forgot password is never refused per email: past the cap it still answers 202, known or not',
  async (t) => {
    for (const email of ['ghost@nowhere.example', demo.ian.email]) {
      for (let i = 0; i < 4; i++) {
        t.deepEqual(await s.portal('bluebird').auth.forgotPassword({ email }), {
          message: passwordMessages.resetRequested,
        });
      }
    }
  },
);

test.serial('change password: needs the current one, ends the other sessions, keeps this one', async (t) => {
  const login = { email: demo.ian.email, password: demo.ian.password };
  const other = await s.portal('bluebird').auth.login(login);
  const portal = s.portal('bluebird');
  await portal.auth.login(login);
  const wrong = await t.throwsAsync(
    portal.auth.changePassword({ current_password: 'not-it', new_password: 'initech-new-pass-9' }),
  );
  t.is((wrong as ValidationError).code, 'invalid_current_password');
  await portal.auth.changePassword({ current_password: login.password, new_password: 'initech-new-pass-9' });
  t.is((await portal.me()).contact.email, demo.ian.email);
  await t.throwsAsync(s.portal('bluebird', other.session.token).me(), { instanceOf: AuthenticationError });
  const relogin = await s.portal('bluebird').auth.login({ email: demo.ian.email, password: 'initech-new-pass-9' });
  t.is(relogin.profile.client.name, 'Initech');
});

test.serial('change password is refused inside an admin preview session', async (t) => {
  const [contact] = await s.db.owner('contacts').where({ email: demo.ian.email }).select('tenant_id', 'id');
  const [admin] = await s.db.owner('staff_users').where({ email: 'bea@bluebird.example' }).select('id');
  const token = await aPortalSession(s, { contact, impersonator: admin });
  const error = await t.throwsAsync(
    s.portal('bluebird', token).auth.changePassword({ current_password: 'x', new_password: 'whatever-it-is-1' }),
  );
  t.true(error instanceof PermissionError);
  t.is((error as PermissionError).code, 'preview_forbidden');
});

test.serial('after delivery the outbox body is purged, and the request roles cannot read the outbox', async (t) => {
  await resetMail(demo.gina.email);
  const rows = await s.db.owner('email_outbox').select('status', 'sealed_body');
  t.true(rows.length > 0);
  t.deepEqual([...new Set(rows.map((r) => `${r.status}:${r.sealed_body === null}`))], ['sent:true']);
  for (const role of ['caseflow_staff', 'caseflow_portal', 'caseflow_auth', 'caseflow_platform']) {
    const error = await t.throwsAsync(
      s.db.owner.transaction(async (trx) => {
        await trx.raw(`SET LOCAL ROLE ${role}`);
        await trx.raw('SELECT count(*) FROM email_outbox');
      }),
    );
    t.regex(error!.message, /permission denied for table email_outbox/, role);
  }
});
