/**
 * A matter is filed under at most one practice area of its own firm (the foreign
 * key includes tenant_id). Reports group revenue by it.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE matters
      ADD COLUMN practice_area_id uuid,
      ADD CONSTRAINT matters_practice_area_fkey FOREIGN KEY (tenant_id, practice_area_id)
        REFERENCES practice_areas (tenant_id, id);
    CREATE INDEX matters_practice_area ON matters (tenant_id, practice_area_id) WHERE practice_area_id IS NOT NULL;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP INDEX matters_practice_area;
    ALTER TABLE matters DROP CONSTRAINT matters_practice_area_fkey, DROP COLUMN practice_area_id;
  `);
}
