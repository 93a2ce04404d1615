import { purgeExpiredIdempotencyKeys } from '../../http/idempotency.js';
import { defineCron } from '../subscriber.js';
import { acrossFirms } from '../worker-scope.js';

/** Idempotency keys past their 24 hours, every firm's, in batches of 500. */
export const purgeIdempotencyKeysCron = defineCron({
  name: 'purge_idempotency_keys',
  pattern: '17 * * * *',
  async run(deps) {
    while (await acrossFirms(deps.pool, (db) => purgeExpiredIdempotencyKeys(db)));
  },
});
