/**
 * Every message that used to leak a field path, a schema word or minor units
 * (issue 14), as a person now reads it: each refused field is { path, code,
 * message }, and the envelope's own message is the first field's sentence.
 */
import test from 'ava';
import { ParamCode } from '../../../sdk/schemas/common.js';
import { aClient, anInvoice } from '../../helpers/factories/index.js';
import { demo, demoStaff, startTestServer, type TestServer } from '../../helpers/server.js';
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

interface Refusal {
  status: number;
  message: string;
  params: unknown;
}

/** Sends a raw request and keeps what a person (message) and code (params) read of the refusal. */
async function refusal(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${s.baseUrl}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'caseflow-tenant': 'acme', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const { error } = (await res.json()) as { error: { message: string; params?: unknown } };
  return { status: res.status, message: error.message, params: error.params } satisfies Refusal;
}

async function resetToken(email: string): Promise<string> {
  const before = smtp.messages.length;
  await s.portal('acme').auth.forgotPassword({ email });
  await s.server.jobs.drain();
  const mail = smtp.messages.slice(before).find((m) => m.to.includes(email));
  if (!mail) throw new Error(`no reset email to ${email}`);
  return linkToken(mail);
}

test.serial('a common password: password_common and a sentence without "Invalid body.password"', async (t) => {
  const token = await resetToken(demo.nora.email);
  const message = 'This password is one of the most common passwords; choose another.';
  t.deepEqual(await refusal('POST', '/portal/auth/set-password', { token, password: 'password1' }), {
    status: 400,
    message,
    params: [{ path: 'body.password', code: 'password_common', message }],
  });
});

test.serial('a short and a long new password carry their own codes', async (t) => {
  const token = await resetToken(demo.nora.email);
  t.deepEqual(await refusal('POST', '/portal/auth/set-password', { token, password: 'short' }), {
    status: 400,
    message: 'Choose a password of at least 8 characters.',
    params: [
      { path: 'body.password', code: 'password_too_short', message: 'Choose a password of at least 8 characters.' },
    ],
  });
  t.deepEqual(await refusal('POST', '/portal/auth/set-password', { token, password: 'x'.repeat(257) }), {
    status: 400,
    message: 'Choose a password of at most 256 characters.',
    params: [
      { path: 'body.password', code: 'password_too_long', message: 'Choose a password of at most 256 characters.' },
    ],
  });
});

test.serial('an email over 254 characters: too_long, without "Too big: expected string"', async (t) => {
  const email = `${'a'.repeat(250)}@example.com`;
  const message = 'Enter an email address of at most 254 characters.';
  t.deepEqual(await refusal('POST', '/portal/auth/forgot-password', { email }), {
    status: 400,
    message,
    params: [{ path: 'body.email', code: 'too_long', message }],
  });
});

test.serial('an email that is not one, a missing field and a field the request does not take', async (t) => {
  t.deepEqual(await refusal('POST', '/portal/auth/forgot-password', { email: 'nora' }), {
    status: 400,
    message: 'Enter an email address such as name@example.com.',
    params: [
      { path: 'body.email', code: 'invalid_format', message: 'Enter an email address such as name@example.com.' },
    ],
  });
  t.deepEqual(await refusal('POST', '/portal/auth/login', { email: demo.nora.email }), {
    status: 400,
    message: 'Password is required.',
    params: [{ path: 'body.password', code: 'required', message: 'Password is required.' }],
  });
  const unknown = 'This request does not take a field named “admin”; remove it.';
  t.deepEqual(await refusal('POST', '/portal/auth/login', { ...demo.nora, admin: true }), {
    status: 400,
    message: unknown,
    params: [{ path: 'body.admin', code: 'unknown_field', message: unknown }],
  });
});

test.serial('two fields refused: the envelope says how many and which, each param its own sentence', async (t) => {
  t.deepEqual(await refusal('POST', '/portal/auth/login', { email: 42, password: ['x'] }), {
    status: 400,
    message: '2 fields need attention: Email address, Password. Email address must be text.',
    params: [
      { path: 'body.email', code: 'invalid_type', message: 'Email address must be text.' },
      { path: 'body.password', code: 'invalid_type', message: 'Password must be text.' },
    ],
  });
});

test.serial('a page size over 100: too_large in words, not "expected number to be <=100"', async (t) => {
  const portal = s.portal('acme');
  await portal.auth.login(demo.nora);
  t.deepEqual(
    await refusal('GET', '/portal/invoices?limit=101', undefined, { authorization: `Bearer ${portal.token}` }),
    {
      status: 400,
      message: 'Page size must be at most 100.',
      params: [{ path: 'query.limit', code: 'too_large', message: 'Page size must be at most 100.' }],
    },
  );
});

test.serial('an amount of zero: no minor units, and one above the balance in the currency', async (t) => {
  const ada = await s.staffLogin(demoStaff.ada);
  const client = await aClient(s, { name: 'Messages Test LLC' });
  const invoice = await anInvoice(s, { client, amount: 46_250 });
  const headers = { authorization: `Bearer ${ada.token}`, 'idempotency-key': 'messages-zero' };
  t.deepEqual(await refusal('POST', `/admin/invoices/${invoice.id}/payments`, { amount: 0 }, headers), {
    status: 400,
    message: 'The amount must be more than zero.',
    params: [{ path: 'body.amount', code: 'too_small', message: 'The amount must be more than zero.' }],
  });
  const above = await refusal(
    'POST',
    `/admin/invoices/${invoice.id}/payments`,
    { amount: 50_000 },
    {
      ...headers,
      'idempotency-key': 'messages-above',
    },
  );
  t.is(above.status, 400);
  t.is(above.message, 'The payment of 500.00 USD is more than the balance due of 462.50 USD.');
});

test.serial('the codes are listed in the OpenAPI document', async (t) => {
  const doc = (await (await fetch(`${s.baseUrl}/api/v1/openapi.json`)).json()) as {
    components: { schemas: Record<string, { enum?: string[]; properties?: Record<string, unknown> }> };
  };
  t.deepEqual(doc.components.schemas.ParamCode!.enum, ParamCode.options);
  t.deepEqual(Object.keys(doc.components.schemas.ErrorParam!.properties!), ['path', 'code', 'message']);
  for (const code of ['required', 'unknown_field', 'too_long', 'password_common', 'invalid'])
    t.true(ParamCode.options.includes(code as ParamCode), code);
});
