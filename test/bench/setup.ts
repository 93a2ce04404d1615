/**
 * The bench's throwaway database: an embedded PostgreSQL in a temp folder, one
 * migrated and demo-seeded database, plus enough issued invoices for Northwind
 * (client 1001 of "acme") that every page of the portal list is a full 25 rows.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbedded, type EmbeddedCluster } from '../../server/db/embedded.js';
import { ownerKnex } from '../../server/db/database.js';
import { migrateLatest } from '../../server/db/migrations.js';
import { seedDemo } from '../../server/db/demo.js';

/** Durability is off in the bench cluster, as in tests: the figures are not those of a durable server. */
export const clusterSettings = { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' } as const;

export const BENCH_TENANT = 'acme';
export const BENCH_CLIENT_NUMBER = 1001;
export const EXTRA_INVOICES = 200;
/** The bench database's name (the scale database is cloned from it). */
export const BENCH_DATABASE = 'caseflow_bench';

export interface BenchScope {
  tenantId: string;
  clientId: string;
  timezone: string;
}

export interface BenchDatabase {
  tmp: string;
  ownerUrl: string;
  appUrl: string;
  /** The job queue's login (caseflow_jobs). */
  jobsUrl: string;
  scope: BenchScope;
  /** Non-draft invoices of the bench client (what the portal list walks). */
  issuedInvoices: number;
  embedded: EmbeddedCluster;
  close(): Promise<void>;
}

export async function startBenchDatabase(log: (line: string) => void): Promise<BenchDatabase> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'caseflow-bench-'));
  // As root the cluster runs as the postgres OS user, which must traverse this folder.
  fs.chmodSync(tmp, 0o711);
  let embedded: EmbeddedCluster | undefined;
  try {
    embedded = await startEmbedded({
      clusterDir: path.join(tmp, 'pg'),
      passwordFile: path.join(tmp, 'pg-password'),
      settings: { ...clusterSettings },
    });
    const cluster = embedded;
    if (cluster.relocatedFrom)
      log(`cluster relocated to ${cluster.clusterDir} (the postgres user cannot reach ${tmp})`);

    const name = BENCH_DATABASE;
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    const owner = new URL(cluster.url);
    owner.pathname = `/${name}`;
    const ownerUrl = owner.toString();
    const appPassword = randomBytes(16).toString('hex');
    const jobsPassword = randomBytes(16).toString('hex');

    const knex = ownerKnex(ownerUrl);
    let scope: BenchScope;
    let issuedInvoices: number;
    try {
      await migrateLatest(knex);
      await seedDemo(knex);
      await knex.raw(`ALTER ROLE caseflow_app PASSWORD '${appPassword}'`);
      await knex.raw(`ALTER ROLE caseflow_jobs PASSWORD '${jobsPassword}'`);
      const row = (await knex('clients')
        .join('tenants', 'tenants.id', 'clients.tenant_id')
        .where({ 'tenants.slug': BENCH_TENANT, 'clients.number': BENCH_CLIENT_NUMBER })
        .first('clients.tenant_id', 'clients.id', 'tenants.timezone')) as
        { tenant_id: string; id: string; timezone: string } | undefined;
      if (!row) throw new Error(`demo client ${BENCH_CLIENT_NUMBER} of ${BENCH_TENANT} is missing`);
      scope = { tenantId: row.tenant_id, clientId: row.id, timezone: row.timezone };
      // Issued invoices one hour apart, the newest an hour ago; a third of them past due (shown as overdue).
      await knex.raw(
        `INSERT INTO invoices (tenant_id, client_id, number, status, currency, issue_date, due_date,
                               subtotal, tax, total, amount_paid, sent_at, created_at, updated_at)
         SELECT ?, ?, 'BENCH-' || lpad(i::text, 5, '0'), 'unpaid', 'USD',
                (now() - make_interval(hours => ? - i + 1))::date,
                (now() - make_interval(hours => ? - i + 1))::date + CASE WHEN i % 3 = 0 THEN -1 ELSE 30 END,
                10000 + i * 137, 0, 10000 + i * 137, 0,
                now() - make_interval(hours => ? - i + 1), now() - make_interval(hours => ? - i + 1, mins => 1),
                now() - make_interval(hours => ? - i + 1)
           FROM generate_series(1, ?) AS i`,
        [
          scope.tenantId,
          scope.clientId,
          EXTRA_INVOICES,
          EXTRA_INVOICES,
          EXTRA_INVOICES,
          EXTRA_INVOICES,
          EXTRA_INVOICES,
          EXTRA_INVOICES,
        ],
      );
      await knex.raw('ANALYZE');
      const counted = (await knex('invoices')
        .where({ tenant_id: scope.tenantId, client_id: scope.clientId })
        .whereNot({ status: 'draft' })
        .count<{ count: string }[]>('* as count')
        .first()) as { count: string } | undefined;
      issuedInvoices = Number(counted?.count ?? 0);
    } finally {
      await knex.destroy();
    }
    if (issuedInvoices < 26) throw new Error(`only ${issuedInvoices} issued invoices: the list would not be full`);

    const app = new URL(ownerUrl);
    app.username = 'caseflow_app';
    app.password = appPassword;
    const jobs = new URL(ownerUrl);
    jobs.username = 'caseflow_jobs';
    jobs.password = jobsPassword;
    return {
      jobsUrl: jobs.toString(),
      tmp,
      ownerUrl,
      appUrl: app.toString(),
      scope,
      issuedInvoices,
      embedded: cluster,
      close: async () => {
        await cluster.stop();
        if (cluster.relocatedFrom) fs.rmSync(cluster.clusterDir, { recursive: true, force: true });
        fs.rmSync(tmp, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await embedded?.stop().catch(() => undefined);
    fs.rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
}
