/**
 * Subscribers run as caseflow_worker, naming the firm they act for
 * (caseflow.tenant_id), where the Stripe work used to run as caseflow_staff:
 * applying a stored webhook event and expiring Checkout Sessions. On the
 * billing tables the worker therefore gets the staff role's privileges, table
 * and column grants alike, under a policy that shows it only the firm it names
 * (<table>_worker_firm, in server/db/sql/policies/).
 */
import type { Knex } from 'knex';

const tables = [
  'invoices',
  'invoice_lines',
  'payments',
  'refunds',
  'client_credits',
  'checkout_sessions',
  'stripe_events',
  'stripe_accounts',
  'contacts',
  'staff_users',
];

export async function up(knex: Knex): Promise<void> {
  // A DO block takes no parameters: the table names are this file's constants.
  const list = tables.map((t) => `'${t}'`).join(', ');
  await knex.raw(`
    DO $$
    DECLARE t text; g record;
    BEGIN
      FOREACH t IN ARRAY ARRAY[${list}] LOOP
        FOR g IN SELECT privilege_type FROM information_schema.role_table_grants
                  WHERE grantee = 'caseflow_staff' AND table_schema = 'public' AND table_name = t LOOP
          EXECUTE format('GRANT %s ON %I TO caseflow_worker', g.privilege_type, t);
        END LOOP;
        FOR g IN SELECT privilege_type, column_name FROM information_schema.role_column_grants
                  WHERE grantee = 'caseflow_staff' AND table_schema = 'public' AND table_name = t
                    AND NOT EXISTS (SELECT FROM information_schema.role_table_grants tg
                                     WHERE tg.grantee = 'caseflow_staff' AND tg.table_schema = 'public'
                                       AND tg.table_name = t AND tg.privilege_type = role_column_grants.privilege_type)
        LOOP
          EXECUTE format('GRANT %s (%I) ON %I TO caseflow_worker', g.privilege_type, g.column_name, t);
        END LOOP;
      END LOOP;
    END $$;
  `);
}

export async function down(knex: Knex): Promise<void> {
  for (const t of tables) {
    if (t !== 'contacts') await knex.raw(`REVOKE ALL ON ?? FROM caseflow_worker`, [t]);
  }
  // What the worker held on contacts before (password reset emails).
  await knex.raw(`
    REVOKE ALL ON contacts FROM caseflow_worker;
    GRANT SELECT (tenant_id, id, first_name, email, active, portal_access) ON contacts TO caseflow_worker;
  `);
}
