/**
 * How a guard runs the rest of a request in the scope its credential opened
 * (DESIGN §4). By default the guard's transaction holds the whole handler, so
 * the handler's writes commit or roll back together. An endpoint declared with
 * `transactions: 'own'` (and every upload) instead gets the credential checked
 * in a short transaction that ends before the handler runs; the handler then
 * opens short transactions of its own with `ctx.transaction()`, each entering
 * the same scope again, so a revoked session or a withdrawn permission stops it
 * there, and no connection waits on Stripe or on a stream.
 */
import type pg from 'pg';
import type { RequestDb } from '../db/request-db.js';
import { inScope } from '../db/request-transaction.js';
import { guard, runAfterCommit, type AppContext, type Guard } from './context.js';

/** Whether the endpoint being served runs its own transactions. */
export function ownsTransactions(ctx: AppContext): boolean {
  const endpoint = ctx.state.endpoint;
  return endpoint?.transactions === 'own' || endpoint?.kind === 'upload';
}

/** ctx.db of an endpoint that runs its own transactions, between them: any use is a bug. */
const outsideTransaction = new Proxy({} as RequestDb, {
  get() {
    throw new Error('This endpoint runs its own transactions: use ctx.transaction(db => …).');
  },
});

/**
 * Enters the scope of `preamble` (which checks the credential) and runs the
 * rest of the request: inside that transaction, or, for endpoints that own
 * their transactions, after it with `ctx.transaction` ready for the handler.
 * `enter` records the scope the preamble answered on the context.
 */
export async function runInScope<Scope>(
  ctx: AppContext,
  pool: pg.Pool,
  preamble: string,
  enter: (scope: Scope) => void,
  next: () => Promise<unknown>,
): Promise<void> {
  if (!ownsTransactions(ctx)) {
    await inScope<Scope, void>(pool, preamble, async (db, scope) => {
      ctx.db = db;
      enter(scope);
      await next();
    });
    runAfterCommit(ctx);
    return;
  }
  await inScope<Scope, void>(pool, preamble, async (_db, scope) => enter(scope));
  ctx.db = outsideTransaction;
  ctx.transaction = async <T>(fn: (db: RequestDb) => Promise<T>): Promise<T> => {
    const result = await inScope<Scope, T>(pool, preamble, async (db, scope) => {
      enter(scope);
      for (const check of ctx.state.rechecks ?? []) check(ctx);
      ctx.db = db;
      try {
        return await fn(db);
      } finally {
        ctx.db = outsideTransaction;
      }
    });
    runAfterCommit(ctx);
    return result;
  };
  await next();
}

/**
 * A guard's check of the scope (a permission, a plan, a role): run now, and
 * again in each transaction of an endpoint that owns its transactions.
 */
export function scopeCheck(check: (ctx: AppContext) => void): Guard {
  return guard(async (ctx, next) => {
    check(ctx);
    (ctx.state.rechecks ??= []).push(check);
    await next();
  });
}

/** ctx.transaction where no guard opened a scope (public endpoints): a bug to call. */
export function noScope(): Promise<never> {
  return Promise.reject(new Error('ctx.transaction() needs a guard that opened a scope'));
}
