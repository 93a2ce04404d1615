/**
 * Tenants are the firms. Request roles see only the tenant of the request; the
 * authentication role looks tenants up by slug; the platform role manages them.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE tenants (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9]){0,1}$'),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      plan text NOT NULL DEFAULT 'growth' CHECK (plan IN ('solo', 'growth', 'multi_practice')),
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
      locale text NOT NULL DEFAULT 'en-US',
      currency char(3) NOT NULL DEFAULT 'USD' CHECK (currency ~ '^[A-Z]{3}$'),
      timezone text NOT NULL DEFAULT 'UTC',
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
    ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
    GRANT SELECT ON tenants TO caseflow_staff, caseflow_portal, caseflow_auth;
    GRANT SELECT, INSERT, UPDATE ON tenants TO caseflow_platform;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP TABLE tenants`);
}
