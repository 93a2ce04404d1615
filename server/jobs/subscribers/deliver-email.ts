import { deliverEmail } from '../../modules/email/delivery.js';
import { defineRowJob } from '../subscriber.js';

/** Each queued email, after the transaction that queued it commits. */
export const deliverEmailJob = defineRowJob({
  name: 'deliver_email',
  idName: 'outbox_id',
  handle: (tenantId, outboxId, deps, attempt) => deliverEmail(deps, tenantId, outboxId, attempt),
});
