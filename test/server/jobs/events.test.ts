import test from 'ava';
import { eventCatalogue, type EventType } from '../../../sdk/schemas/events.js';
import type { AdminClient } from '../../../sdk/admin-client.js';
import { aClient } from '../../helpers/factories/index.js';
import { demoStaff, startTestServer, type TestServer } from '../../helpers/server.js';

let s: TestServer;
let ada: AdminClient;
let adaId: string;
test.before(async () => {
  s = await startTestServer();
  ada = await s.staffLogin(demoStaff.ada);
  adaId = (await s.db.owner('staff_users').where({ email: demoStaff.ada.email }).first('id')).id;
});
test.after.always(async () => s?.close());

/** The events recorded about one subject, oldest first, each checked against the catalogue's schema. */
async function eventsOf(subjectId: string) {
  const rows = await s.db
    .owner('domain_events')
    .where({ subject_id: subjectId })
    .orderBy('occurred_at')
    .select('type', 'actor_type', 'actor_id', 'data');
  for (const row of rows) eventCatalogue[row.type as EventType].parse(row.data);
  return rows;
}

test('sending, paying and cancelling invoices record their domain events in the same transaction as the change', async (t) => {
  const client = await aClient(s, { admin: ada });
  const lines = [{ description: 'Advice', quantity: '1', unit_price: 20000 }];

  const paid = await ada.invoices.create({ client_id: client.id, lines });
  t.deepEqual(await eventsOf(paid.id), [], 'a draft is not news');
  const sent = await ada.invoices.send(paid.id);
  await ada.invoices.send(paid.id); // a resend is no new event
  const payment = await ada.invoices.pay(paid.id, { amount: 5000 });
  t.deepEqual(await eventsOf(paid.id), [
    {
      type: 'invoice.sent',
      actor_type: 'staff',
      actor_id: adaId,
      data: { invoice_id: paid.id, number: sent.number },
    },
    {
      type: 'payment.recorded',
      actor_type: 'staff',
      actor_id: adaId,
      data: {
        invoice_id: paid.id,
        payment_id: payment.payment.id,
        method: 'manual',
        amount: 5000,
        currency: sent.currency,
      },
    },
  ]);

  const cancelled = await ada.invoices.create({ client_id: client.id, lines });
  const cancelledSent = await ada.invoices.send(cancelled.id);
  await ada.invoices.cancel(cancelled.id);
  t.deepEqual(
    (await eventsOf(cancelled.id)).map((e) => [e.type, e.data]),
    [
      ['invoice.sent', { invoice_id: cancelled.id, number: cancelledSent.number }],
      ['invoice.cancelled', { invoice_id: cancelled.id, number: cancelledSent.number }],
    ],
  );

  // A refused change records nothing: cancelling it again is a 409, and no second event.
  await t.throwsAsync(ada.invoices.cancel(cancelled.id));
  t.is((await eventsOf(cancelled.id)).length, 2);
});
