/**
 * Firm announcements to every client contact, and who has read which. The portal
 * reads only published announcements and records its own reads; the
 * authentication role marks them all read when an admin preview opens
 * (DESIGN §2: starting a preview marks the firm's current announcements read).
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE announcements (
      tenant_id uuid NOT NULL REFERENCES tenants (id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      body text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
      published_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      created_by_type text NOT NULL CHECK (created_by_type IN ('staff', 'api_key')),
      created_by_id uuid NOT NULL,
      PRIMARY KEY (tenant_id, id)
    );
    CREATE INDEX announcements_recent ON announcements (tenant_id, created_at DESC, id DESC);
    CREATE INDEX announcements_published ON announcements (tenant_id, published_at DESC, id DESC)
      WHERE published_at IS NOT NULL;
    ALTER TABLE announcements ENABLE ROW LEVEL SECURITY;
    ALTER TABLE announcements FORCE ROW LEVEL SECURITY;
    GRANT SELECT, INSERT (tenant_id, title, body, published_at, created_by_type, created_by_id),
          UPDATE (published_at)
      ON announcements TO caseflow_staff;
    -- Who wrote an announcement is staff information: the portal sees the text and the date.
    GRANT SELECT (tenant_id, id, title, body, published_at, created_at) ON announcements TO caseflow_portal;
    GRANT SELECT (tenant_id, id, published_at) ON announcements TO caseflow_auth;

    CREATE TABLE announcement_reads (
      tenant_id uuid NOT NULL REFERENCES tenants (id),
      announcement_id uuid NOT NULL,
      contact_id uuid NOT NULL,
      read_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, announcement_id, contact_id),
      FOREIGN KEY (tenant_id, announcement_id) REFERENCES announcements (tenant_id, id),
      FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id)
    );
    CREATE INDEX announcement_reads_contact ON announcement_reads (tenant_id, contact_id);
    ALTER TABLE announcement_reads ENABLE ROW LEVEL SECURITY;
    ALTER TABLE announcement_reads FORCE ROW LEVEL SECURITY;
    GRANT SELECT ON announcement_reads TO caseflow_staff;
    GRANT SELECT, INSERT (tenant_id, announcement_id, contact_id) ON announcement_reads TO caseflow_portal, caseflow_auth;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP TABLE announcement_reads; DROP TABLE announcements`);
}
