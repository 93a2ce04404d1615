/**
 * Target (a): the floor the portal list is measured against. A bare Koa handler
 * with its own pg pool (same size as the app's), logged in as the owner, running
 * the one indexed query with explicit filters instead of the RLS request
 * transaction, and answering the very same JSON body.
 *
 * Target (c), only with BENCH_RLS_FLOOR=1, not budgeted: the same bare handler
 * but through the app's request transaction written with plain pg (caseflow_app
 * login, BEGIN + enter_portal_session + SET LOCAL ROLE in one round trip, the
 * query under RLS, COMMIT). It separates what the RLS design costs from what the
 * app's layers (knex, objection, middleware) add on top of it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import pg from 'pg';
import { installTypeParsers } from '../../server/db/types.js';
import { enterPortalSession } from '../../server/db/request-transaction.js';
import { tokenHash } from '../../server/security/tokens.js';
import { BENCH_TENANT, type BenchScope } from './setup.js';

export const PAGE_SIZE = 25;

const columns = `id, number, status, currency, issue_date, due_date, total, amount_paid, created_at,
       CASE WHEN status IN ('unpaid', 'partially_paid') AND due_date < (now() AT TIME ZONE $1)::date
            THEN 'overdue' ELSE status END AS display_status`;

/** The same columns and the same derived status as the service's list query, with explicit filters. */
export const baselineSql = `
SELECT ${columns}
  FROM invoices
 WHERE tenant_id = $2 AND client_id = $3 AND status <> 'draft'
 ORDER BY created_at DESC, id DESC
 LIMIT ${PAGE_SIZE + 1}`;

/** The same query as the RLS policy leaves it: no filters of its own. */
const rlsSql = `SELECT ${columns} FROM invoices ORDER BY created_at DESC, id DESC LIMIT ${PAGE_SIZE + 1}`;

interface Row {
  id: string;
  number: string;
  status: string;
  display_status: string;
  currency: string;
  issue_date: string;
  due_date: string | null;
  total: number;
  amount_paid: number;
  created_at: Date;
}

/** Field for field what serialize.ts's portalInvoiceSummary and toList produce, in the same order. */
function listBody(rows: Row[]) {
  const hasMore = rows.length > PAGE_SIZE;
  const page = hasMore ? rows.slice(0, PAGE_SIZE) : rows;
  return {
    data: page.map((r) => ({
      id: r.id,
      number: r.number,
      status: r.display_status,
      currency: r.currency,
      issue_date: r.issue_date,
      due_date: r.due_date,
      total: r.total,
      amount_paid: r.amount_paid,
      amount_due: r.status === 'cancelled' ? 0 : Math.max(r.total - r.amount_paid, 0),
      created_at: r.created_at.toISOString(),
    })),
    has_more: hasMore,
    next_cursor: hasMore ? page[page.length - 1]!.id : null,
  };
}

// The bare pools keep their connections between rounds (pg.Pool would drop them after
// 10 s idle and reconnect, with SCRAM, inside a measured round); the app's knex pool
// keeps them 30 s, longer than a target waits between its rounds.
export interface BaselineServer {
  port: number;
  /** True when no query is running or waiting for a connection. */
  idle(): boolean;
  close(): Promise<void>;
}

async function serve(pool: pg.Pool, handler: Koa.Middleware): Promise<BaselineServer> {
  const app = new Koa();
  app.use(async (ctx, next) => {
    if (ctx.method !== 'GET' || ctx.path !== '/invoices') {
      ctx.status = 404;
      return;
    }
    await next();
  });
  app.use(handler);
  const server = http.createServer(app.callback());
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    idle: () => pool.waitingCount === 0 && pool.idleCount === pool.totalCount,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await pool.end();
    },
  };
}

/** A pool that keeps its connections between rounds (no reconnect inside a measured round). */
function benchPool(connectionString: string, max: number, name: string): pg.Pool {
  installTypeParsers();
  const pool = new pg.Pool({ connectionString, max, idleTimeoutMillis: 0, application_name: name });
  pool.on('error', () => undefined); // idle connections end with the cluster at shutdown
  return pool;
}

/** (a): owner login, explicit filters, one round trip. */
export function startBaseline(ownerUrl: string, poolMax: number, scope: BenchScope): Promise<BaselineServer> {
  const pool = benchPool(ownerUrl, poolMax, 'caseflow-bench-baseline');
  const params = [scope.timezone, scope.tenantId, scope.clientId];
  return serve(pool, async (ctx) => {
    const { rows } = await pool.query<Row>(baselineSql, params);
    ctx.body = listBody(rows);
  });
}

/** (c): caseflow_app login, the app's request transaction in plain pg, three round trips. */
export function startRlsFloor(appUrl: string, poolMax: number): Promise<BaselineServer> {
  const pool = benchPool(appUrl, poolMax, 'caseflow-bench-rls-floor');
  return serve(pool, async (ctx) => {
    const match = /^Bearer ([A-Za-z0-9_-]{10,200})$/.exec(ctx.get('authorization'));
    if (!match) {
      ctx.status = 401;
      return;
    }
    const client = await pool.connect();
    try {
      const results = (await client.query(
        `BEGIN; ${enterPortalSession(BENCH_TENANT, tokenHash(match[1]!))}`,
      )) as unknown as pg.QueryResult[];
      const scope = results.find((r) => r.command === 'SELECT')?.rows[0] as { timezone: string };
      const { rows } = await client.query<Row>(rlsSql, [scope.timezone]);
      await client.query('COMMIT');
      ctx.body = listBody(rows);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  });
}
