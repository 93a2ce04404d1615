/**
 * Target (a): the floor the portal list is measured against. A bare Koa handler
 * with its own pg pool (same size as the app's), logged in as the owner, running
 * the one indexed query with explicit filters instead of the RLS request
 * transaction, and answering the very same JSON body.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import pg from 'pg';
import { installTypeParsers } from '../../server/db/types.js';
import type { BenchScope } from './setup.js';

export const PAGE_SIZE = 25;

/** The same columns and the same derived status as the service's list query. */
export const baselineSql = `
SELECT id, number, status, currency, issue_date, due_date, total, amount_paid, created_at,
       CASE WHEN status IN ('unpaid', 'partially_paid') AND due_date < (now() AT TIME ZONE $3)::date
            THEN 'overdue' ELSE status END AS display_status
  FROM invoices
 WHERE tenant_id = $1 AND client_id = $2 AND status <> 'draft'
 ORDER BY created_at DESC, id DESC
 LIMIT ${PAGE_SIZE + 1}`;

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

export interface BaselineServer {
  port: number;
  /** True when no query is running or waiting for a connection. */
  idle(): boolean;
  close(): Promise<void>;
}

export async function startBaseline(ownerUrl: string, poolMax: number, scope: BenchScope): Promise<BaselineServer> {
  installTypeParsers();
  const pool = new pg.Pool({ connectionString: ownerUrl, max: poolMax, application_name: 'caseflow-bench-baseline' });
  const params = [scope.tenantId, scope.clientId, scope.timezone];
  const app = new Koa();
  app.use(async (ctx) => {
    if (ctx.method !== 'GET' || ctx.path !== '/invoices') {
      ctx.status = 404;
      return;
    }
    const { rows } = await pool.query<Row>(baselineSql, params);
    const hasMore = rows.length > PAGE_SIZE;
    const page = hasMore ? rows.slice(0, PAGE_SIZE) : rows;
    ctx.body = {
      // Field for field what serialize.ts's portalInvoiceSummary produces, in the same order.
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
  });
  const server = http.createServer(app.callback());
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
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
