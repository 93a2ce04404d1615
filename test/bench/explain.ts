/**
 * Query plans of both targets' list query, so index use is visible in the output:
 * (b) exactly as a portal request runs it (caseflow_app login, the session check
 * that sets the caseflow.* settings, SET LOCAL ROLE caseflow_portal, RLS), and
 * (a) as the baseline runs it (owner, explicit filters). Rolled back afterwards.
 */
import pg from 'pg';
import { tokenHash } from '../../server/security/tokens.js';
import { baselineSql } from './baseline-app.js';
import { BENCH_TENANT, type BenchScope } from './setup.js';
import type { TracedQuery } from './profile.js';

async function explain(client: pg.Client, query: TracedQuery): Promise<string> {
  const { rows } = await client.query<{ 'QUERY PLAN': string }>(
    `EXPLAIN (ANALYZE, BUFFERS) ${query.text}`,
    query.values,
  );
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

export async function explainPortal(appUrl: string, token: string, query: TracedQuery): Promise<string> {
  const client = new pg.Client({ connectionString: appUrl });
  await client.connect();
  try {
    await client.query(
      `BEGIN; SELECT * FROM caseflow.enter_portal_session('${BENCH_TENANT}', '\\x${tokenHash(token).toString('hex')}'::bytea); ` +
        `SET LOCAL ROLE caseflow_portal;`,
    );
    try {
      return await explain(client, query);
    } finally {
      await client.query('ROLLBACK');
    }
  } finally {
    await client.end();
  }
}

export async function explainBaseline(ownerUrl: string, scope: BenchScope): Promise<string> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    return await explain(client, { text: baselineSql, values: [scope.timezone, scope.tenantId, scope.clientId] });
  } finally {
    await client.end();
  }
}
