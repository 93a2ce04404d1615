/**
 * Firms no longer give a `logo_url` for the server to fetch: fetching a URL a
 * firm typed is a server-side request forgery waiting to happen (it reaches
 * whatever the server can reach), makes PDFs wait on someone else's network,
 * and tells a third party each time a client opens the portal. The logo is
 * now uploaded (PNG or JPEG, checked by its bytes, in `tenant_logos`) and
 * served from the firm's own host. The old URLs are dropped, not imported:
 * importing them would be the very fetch this removes; admins upload again.
 *
 * Also repairs the website check of 20261201700000, which knex stored wrong:
 * in knex.raw a "?" is a binding, so `'^https?://'` became `'^https$1://'`
 * and no firm could save a website. Written `s{0,1}` here instead.
 *
 * A portal login answers the profile, which names the logo's address: the
 * login role reads which logo a firm has (its hash and type), never its bytes.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE tenants DROP COLUMN logo_url;
    ALTER TABLE tenants
      DROP CONSTRAINT tenants_website_check,
      ADD CONSTRAINT tenants_website_check CHECK (website ~ '^https{0,1}://' AND length(website) <= 2000);
    GRANT SELECT (tenant_id, sha256, media_type) ON tenant_logos TO caseflow_auth;
  `);
}

export async function down(knex: Knex): Promise<void> {
  // The repaired check stays: the broken one refused every value.
  await knex.raw(`
    REVOKE SELECT (tenant_id, sha256, media_type) ON tenant_logos FROM caseflow_auth;
    ALTER TABLE tenants ADD COLUMN logo_url text CHECK (logo_url ~ '^https://' AND length(logo_url) <= 2000);
  `);
}
