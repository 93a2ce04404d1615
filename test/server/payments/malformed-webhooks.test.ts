/**
 * Correctly signed but malformed Stripe events: each is a 400 (malformed), never
 * a 500 that Stripe would retry for days, and nothing is recorded. A well-formed
 * event we do not handle is still a 200. Serial: the tests count rows.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import test from 'ava';
import Stripe from 'stripe';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { connectStripe, sentInvoice, type StripeKeys } from '../../helpers/stripe.js';

let s: TestServer;
let keys: StripeKeys;
let acmeId: string;
const signer = new Stripe('sk_test_signer_only');

test.before(async () => {
  s = await startTestServer({ stripe: true });
  keys = (await connectStripe(s, 'acme')).keys;
  acmeId = (await s.db.owner('tenants').where({ slug: 'acme' }).first()).id;
});
test.after.always(async () => s?.close());

/** Posts exactly these bytes, signed with Acme's webhook secret. */
async function post(payload: string) {
  const header = signer.webhooks.generateTestHeaderString({ payload, secret: keys.webhook_secret });
  const res = await fetch(`${s.baseUrl}/api/v1/webhooks/stripe/acme`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': header },
    body: payload,
  });
  return { status: res.status, body: await res.json() };
}

const envelope = (type: string, object: unknown) => ({
  id: `evt_test_${randomBytes(8).toString('hex')}`,
  object: 'event',
  api_version: Stripe.API_VERSION,
  created: Math.floor(Date.now() / 1000),
  data: { object },
  livemode: false,
  pending_webhooks: 1,
  request: { id: null, idempotency_key: null },
  type,
});

const intent = (metadata: Record<string, string>, extra: Record<string, unknown> = {}) => ({
  id: `pi_test_${randomBytes(8).toString('hex')}`,
  object: 'payment_intent',
  amount: 500,
  amount_received: 500,
  currency: 'usd',
  status: 'succeeded',
  metadata,
  ...extra,
});

const counts = async () => ({
  events: Number((await s.db.owner('stripe_events').count('* as n').first())!.n),
  payments: Number((await s.db.owner('payments').count('* as n').first())!.n),
  audit: Number((await s.db.owner('audit_events').count('* as n').first())!.n),
});

test.serial(
  'signed events of the wrong shape are 400 malformed_event naming the field, and record nothing',
  async (t) => {
    const invoice = await sentInvoice(s, { amount: 500 });
    const ours = { tenant_id: acmeId, invoice_id: invoice.id };
    const cases: [string, unknown, string][] = [
      ['an array', [], 'This Stripe event is malformed at the event: Invalid input: expected object, received array.'],
      [
        'an object without an id',
        {},
        'This Stripe event is malformed at id: Invalid input: expected string, received undefined.',
      ],
      [
        'a NUL in the id',
        { ...envelope('customer.created', {}), id: 'evt_\u0000' },
        'This Stripe event is malformed at id: must be plain text: it contains an invisible NUL character or a broken character.',
      ],
      [
        'a type that is not a string',
        { ...envelope('customer.created', {}), type: 42 },
        'This Stripe event is malformed at type: Invalid input: expected string, received number.',
      ],
      [
        'no data object',
        { ...envelope('customer.created', {}), data: null },
        'This Stripe event is malformed at data: Invalid input: expected object, received null.',
      ],
      [
        'an amount that is not a number',
        envelope('payment_intent.succeeded', intent(ours, { amount_received: '500' })),
        'This Stripe event is malformed at data.object.amount_received: Invalid input: expected number, received string.',
      ],
      [
        'a session without an id',
        envelope('checkout.session.expired', { object: 'checkout.session' }),
        'This Stripe event is malformed at data.object.id: Invalid input: expected string, received undefined.',
      ],
      [
        'an invoice_id that is not a uuid',
        envelope('payment_intent.succeeded', intent({ tenant_id: acmeId, invoice_id: 'INV-0001' })),
        'This Stripe event is malformed at metadata.invoice_id: Invalid UUID.',
      ],
    ];
    const before = await counts();
    for (const [label, event, message] of cases) {
      const answer = await post(JSON.stringify(event));
      t.is(answer.status, 400, label);
      t.is(answer.body.error.code, 'malformed_event', label);
      t.is(answer.body.error.message, message, label);
    }
    t.deepEqual(await counts(), before);
  },
);

test.serial(
  'an event paying an unknown invoice or another firm’s is 400 unknown_invoice and records nothing',
  async (t) => {
    const bluebirdInvoice = await sentInvoice(s, { firm: 'bluebird', amount: 500 });
    const before = await counts();
    for (const invoiceId of [randomUUID(), bluebirdInvoice.id]) {
      const answer = await post(
        JSON.stringify(envelope('payment_intent.succeeded', intent({ tenant_id: acmeId, invoice_id: invoiceId }))),
      );
      t.is(answer.status, 400);
      t.deepEqual(answer.body.error, {
        type: 'invalid_request',
        code: 'unknown_invoice',
        message: `This Stripe event pays invoice ${invoiceId}, which this firm does not have.`,
        request_id: answer.body.error.request_id,
      });
    }
    t.deepEqual(await counts(), before);
    t.is((await s.db.owner('payments').where({ invoice_id: bluebirdInvoice.id })).length, 0);
  },
);

test.serial('a well-formed event we do not handle answers 200 ignored', async (t) => {
  const event = envelope('customer.updated', { id: 'cus_test_1', object: 'customer', name: 42 });
  const answer = await post(JSON.stringify(event));
  t.deepEqual(answer, { status: 200, body: { received: true, ignored: true } });
  t.like(await s.db.owner('stripe_events').where({ id: event.id }).first(), {
    type: 'customer.updated',
    outcome: 'ignored',
  });
});

test.serial(
  'a payment naming a contact the firm does not have is recorded without a payer (the money is never refused)',
  async (t) => {
    const invoice = await sentInvoice(s, { amount: 700 });
    const object = intent(
      { tenant_id: acmeId, invoice_id: invoice.id, contact_id: randomUUID() },
      { amount: 700, amount_received: 700 },
    );
    const answer = await post(JSON.stringify(envelope('payment_intent.succeeded', object)));
    t.deepEqual(answer, { status: 200, body: { received: true } });
    await s.server.jobs.drain();
    const rows = await s.db.owner('payments').where({ invoice_id: invoice.id });
    t.is(rows.length, 1);
    t.like(rows[0], { amount: 700, contact_id: null, stripe_payment_intent_id: object.id });
  },
);
