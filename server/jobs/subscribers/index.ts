/**
 * The registry of everything the job queue runs: one file per subscriber, row
 * job or cron task in this folder. A name here is the queue's task name
 * (`caseflow jobs list` shows it).
 */
import type { Work } from '../subscriber.js';
import { deliverEmailJob } from './deliver-email.js';
import { processResetRequestJob } from './process-reset-request.js';
import { purgeIdempotencyKeysCron } from './purge-idempotency-keys.js';

export const registry: Work[] = [deliverEmailJob, processResetRequestJob, purgeIdempotencyKeysCron];
