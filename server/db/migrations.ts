import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Knex } from 'knex';
import { applySqlObjects } from './sql-objects.js';

/** The repository's migrations folder, found from this file so any working directory works. */
export const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');

interface MigrationModule {
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
}

/** Loads migrations as ES modules (knex's own loader expects CommonJS). */
class FolderSource implements Knex.MigrationSource<string> {
  async getMigrations(): Promise<string[]> {
    return fs
      .readdirSync(migrationsDir)
      .filter((f) => /^\d{14}_[a-z0-9_]+\.ts$/.test(f))
      .sort();
  }
  getMigrationName(migration: string): string {
    return migration;
  }
  async getMigration(migration: string): Promise<MigrationModule> {
    return (await import(pathToFileURL(path.join(migrationsDir, migration)).href)) as MigrationModule;
  }
}

export const migratorConfig: Knex.MigratorConfig = {
  migrationSource: new FolderSource(),
  tableName: 'knex_migrations',
};

/** The newest migration this code knows; /readyz compares the database against it. */
export async function latestKnownMigration(): Promise<string> {
  const all = await new FolderSource().getMigrations();
  return all[all.length - 1] ?? '';
}

/**
 * The versioned migrations, then the repeatable step that brings functions,
 * policies and triggers to their files in server/db/sql/. Answers the migrations applied.
 */
export async function migrateLatest(owner: Knex): Promise<string[]> {
  const [, applied] = (await owner.migrate.latest(migratorConfig)) as [number, string[]];
  await applySqlObjects(owner);
  return applied;
}

export async function migrateDown(owner: Knex): Promise<string[]> {
  const [, reverted] = (await owner.migrate.down(migratorConfig)) as [number, string[]];
  return reverted;
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
}

export async function migrationStatus(owner: Knex): Promise<MigrationStatus> {
  const [completed, pending] = (await owner.migrate.list(migratorConfig)) as [
    { name: string }[] | string[],
    { file: string }[] | string[],
  ];
  const name = (m: { name: string } | { file: string } | string) =>
    typeof m === 'string' ? m : 'name' in m ? m.name : m.file;
  return { applied: completed.map(name), pending: pending.map(name) };
}
