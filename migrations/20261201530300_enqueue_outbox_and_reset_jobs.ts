/**
 * The mail worker's polling gives way to jobs: a queued email and a recorded
 * password reset request each enqueue their job as their row is inserted (the
 * triggers email_outbox_enqueue and password_reset_requests_enqueue, in
 * server/db/sql/triggers/; the job runs once the transaction commits, a
 * rollback takes the job with it). Rows queued before this migration get their
 * jobs here.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    SELECT graphile_worker.add_job('deliver_email', json_build_object('tenant_id', tenant_id, 'outbox_id', id),
                                   max_attempts => 8)
      FROM email_outbox WHERE status = 'pending';
    SELECT graphile_worker.add_job('process_reset_request',
                                   json_build_object('tenant_id', tenant_id, 'request_id', id), max_attempts => 8)
      FROM password_reset_requests WHERE processed_at IS NULL;
  `);
}

export async function down(): Promise<void> {
  // The jobs queued here are the queue's now: they run or die like any other.
}
