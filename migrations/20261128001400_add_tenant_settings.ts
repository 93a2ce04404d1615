/**
 * What a firm configures about itself: branding, the origins allowed to embed
 * its widgets, and the public URL its emailed links are built from.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE tenants
      ADD COLUMN primary_color text CHECK (primary_color ~ '^#[0-9a-f]{6}$'),
      ADD COLUMN logo_url text CHECK (logo_url ~ '^https://' AND length(logo_url) <= 2000),
      ADD COLUMN allowed_origins text[] NOT NULL DEFAULT '{}'
        CHECK (cardinality(allowed_origins) <= 50),
      ADD COLUMN public_url text CHECK (public_url ~ '^https{0,1}://[^/]+$');
    GRANT SELECT ON tenants TO caseflow_worker;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    REVOKE SELECT ON tenants FROM caseflow_worker;
    ALTER TABLE tenants DROP COLUMN primary_color, DROP COLUMN logo_url, DROP COLUMN allowed_origins, DROP COLUMN public_url;
  `);
}
