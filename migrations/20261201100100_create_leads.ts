/**
 * Leads: the firm's pipeline of prospective clients. Staff-only: the portal role
 * gets no grant at all, so a portal query on leads is denied outright. The
 * normalised name, company and email are stored (generated) and indexed for
 * conflict checks.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE leads (
      tenant_id uuid NOT NULL REFERENCES tenants (id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      email text CHECK (length(email) BETWEEN 3 AND 254),
      phone text CHECK (length(phone) BETWEEN 1 AND 50),
      company text CHECK (length(company) BETWEEN 1 AND 200),
      stage text NOT NULL DEFAULT 'new'
        CHECK (stage IN ('new', 'contacted', 'qualified', 'proposal', 'won', 'lost')),
      source text CHECK (length(source) BETWEEN 1 AND 100),
      owner_id uuid,
      value bigint CHECK (value >= 0),
      currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
      notes text CHECK (length(notes) BETWEEN 1 AND 10000),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      name_key text GENERATED ALWAYS AS (caseflow.normalize_party_name(name)) STORED,
      company_key text GENERATED ALWAYS AS (caseflow.normalize_party_name(company)) STORED,
      email_key text GENERATED ALWAYS AS (caseflow.normalize_email(email)) STORED,
      PRIMARY KEY (tenant_id, id),
      FOREIGN KEY (tenant_id, owner_id) REFERENCES staff_users (tenant_id, id)
    );
    CREATE INDEX leads_created ON leads (tenant_id, created_at DESC, id DESC);
    CREATE INDEX leads_stage ON leads (tenant_id, stage, created_at DESC, id DESC);
    CREATE INDEX leads_owner ON leads (tenant_id, owner_id, created_at DESC, id DESC);
    CREATE INDEX leads_name_key ON leads (tenant_id, name_key);
    CREATE INDEX leads_company_key ON leads (tenant_id, company_key) WHERE company_key IS NOT NULL;
    CREATE INDEX leads_email_key ON leads (tenant_id, email_key) WHERE email_key IS NOT NULL;
    ALTER TABLE leads ENABLE ROW LEVEL SECURITY;
    ALTER TABLE leads FORCE ROW LEVEL SECURITY;
    GRANT SELECT, INSERT, UPDATE ON leads TO caseflow_staff;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP TABLE leads`);
}
