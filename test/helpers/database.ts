import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Knex } from 'knex';
import { ownerKnex } from '../../server/db/database.js';
import { seedDemo } from '../../server/db/demo.js';

export interface TestDatabase {
  ownerUrl: string;
  appUrl: string;
  /** The job queue's login (caseflow_jobs). */
  jobsUrl: string;
  name: string;
  /** Owner connection (bypasses RLS): arrange rows and check what was written. */
  owner: Knex;
  close(): Promise<void>;
}

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests with "npm test"`);
  return value;
}

/** A fresh database cloned from the run's migrated template, seeded with the demo firms unless asked not to. */
export async function createTestDatabase(options: { seed?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = env('CASEFLOW_TEST_SERVER_URL');
  const template = env('CASEFLOW_TEST_TEMPLATE');
  const name = `cf_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  const ownerUrl = new URL(serverUrl);
  ownerUrl.pathname = `/${name}`;
  const appUrl = new URL(ownerUrl);
  appUrl.username = 'caseflow_app';
  appUrl.password = env('CASEFLOW_TEST_APP_PASSWORD');
  const jobsUrl = new URL(ownerUrl);
  jobsUrl.username = 'caseflow_jobs';
  jobsUrl.password = env('CASEFLOW_TEST_JOBS_PASSWORD');
  const owner = ownerKnex(ownerUrl.toString());
  if (options.seed !== false) await seedDemo(owner);
  return {
    ownerUrl: ownerUrl.toString(),
    appUrl: appUrl.toString(),
    jobsUrl: jobsUrl.toString(),
    name,
    owner,
    close: async () => {
      await owner.destroy();
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      await admin.end();
    },
  };
}
