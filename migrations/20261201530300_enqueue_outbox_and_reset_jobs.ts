/**
 * The mail worker's polling gives way to jobs: a queued email and a recorded
 * password reset request each enqueue their job as their row is inserted (the
 * job runs once the transaction commits; a rollback takes the job with it).
 * Rows queued before this migration get their jobs here.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TRIGGER email_outbox_enqueue AFTER INSERT ON email_outbox
      FOR EACH ROW EXECUTE FUNCTION caseflow.enqueue_job('deliver_email', 'outbox_id', '8');
    CREATE TRIGGER password_reset_requests_enqueue AFTER INSERT ON password_reset_requests
      FOR EACH ROW EXECUTE FUNCTION caseflow.enqueue_job('process_reset_request', 'request_id', '8');
    SELECT graphile_worker.add_job('deliver_email', json_build_object('tenant_id', tenant_id, 'outbox_id', id),
                                   max_attempts => 8)
      FROM email_outbox WHERE status = 'pending';
    SELECT graphile_worker.add_job('process_reset_request',
                                   json_build_object('tenant_id', tenant_id, 'request_id', id), max_attempts => 8)
      FROM password_reset_requests WHERE processed_at IS NULL;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TRIGGER password_reset_requests_enqueue ON password_reset_requests;
    DROP TRIGGER email_outbox_enqueue ON email_outbox;
  `);
}
