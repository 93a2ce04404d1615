import type { ParameterizedContext, Middleware } from 'koa';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Pool } from '../db/pool.js';
import type { RequestDb } from '../db/request-db.js';
import type { AdminScope, PortalScope } from '../db/request-transaction.js';
import type { Keyring } from '../security/keyring.js';
import type { RateLimits } from '../security/rate-limits.js';
import type { TenantDirectory } from './tenant-directory.js';
import type { LoginThrottle } from '../security/login-throttle.js';
import type { Endpoint } from '../../sdk/schemas/endpoint.js';

export interface AppState {
  requestId: string;
  /** The contract entry being served (set by mount() before the guards run). */
  endpoint?: Endpoint;
  /** The guards' checks of the scope, run again in every transaction of an endpoint with `transactions: 'own'`. */
  rechecks?: ((ctx: AppContext) => void)[];
  tenantSlug?: string;
  /** Set by the portal session guard for the rest of the request. */
  portal?: PortalScope;
  /** How the portal credential arrived: cookie requests need the CSRF defence. */
  portalTransport?: 'bearer' | 'cookie';
  /** Set by the admin credential guard: a staff session or an API key. */
  admin?: AdminScope;
  /** Set by the operator key guard. */
  platform?: boolean;
  /** The request's Idempotency-Key on endpoints flagged idempotent (e.g. to derive Stripe's own key). */
  idempotencyKey?: string;
  /** Set when this request claimed its idempotency key and must store its answer. */
  idempotencyClaim?: { principal: string; key: string };
  /** Run once the request transaction has committed (e.g. forget a cached tenant lookup). */
  afterCommit?: (() => void)[];
}

/** Defers `fn` until the request transaction commits; it never runs if it rolls back. */
export function afterCommit(ctx: AppContext, fn: () => void): void {
  (ctx.state.afterCommit ??= []).push(fn);
}

/** Called by the guards right after their transaction committed. */
export function runAfterCommit(ctx: AppContext): void {
  for (const fn of ctx.state.afterCommit?.splice(0) ?? []) fn();
}

export interface AppExtensions {
  /**
   * The request transaction (role and settings already set). On an endpoint with
   * `transactions: 'own'` it exists only inside `ctx.transaction(…)`.
   */
  db: RequestDb;
  /**
   * On an endpoint with `transactions: 'own'`: runs `fn` in a new short
   * transaction entered with the request's credential, which is checked again
   * (with the guards' permission and plan checks) before `fn` runs.
   */
  transaction<T>(fn: (db: RequestDb) => Promise<T>): Promise<T>;
}

export type AppContext = ParameterizedContext<AppState, AppExtensions>;
export type AppMiddleware = Middleware<AppState, AppExtensions>;

declare const guardAdds: unique symbol;

/**
 * A guard: middleware that, once it called `next`, has set `Adds` on the state
 * (the portal guard sets `portal`, the admin guard `admin`…). `mount()` reads it
 * so a handler's context says what its guards proved: no `ctx.state.admin`.
 */
export interface Guard<Adds extends object = object> extends AppMiddleware {
  /** Type only, never there at run time; a function type keeps guards of different `Adds` apart. */
  readonly [guardAdds]: (adds: Adds) => Adds;
}

/** Declares `middleware` a guard that sets `Adds` on the state before it calls `next`. */
export const guard = <Adds extends object = object>(middleware: AppMiddleware) => middleware as Guard<Adds>;

/** The context a handler receives after guards that set `Adds` on the state. */
export type GuardedContext<Adds extends object> = ParameterizedContext<AppState & Adds, AppExtensions>;

/** Ids and settings of a portal request, once the portal session guard passed. */
export type PortalState = { portal: PortalScope; portalTransport: 'bearer' | 'cookie' };
/** Once the admin credential guard passed. */
export type AdminState = { admin: AdminScope };
/** Once the operator key guard passed. */
export type PlatformState = { platform: true };
export type PortalContext = GuardedContext<PortalState>;
export type AdminContext = GuardedContext<AdminState>;

/** What route modules receive: no globals, everything passed in. */
export interface Deps {
  config: Config;
  pool: Pool;
  logger: Logger;
  loginThrottle: LoginThrottle;
  /** Forgot-password limits, per email and per IP. */
  rateLimits: RateLimits;
  keyring: Keyring;
  tenants: TenantDirectory;
}

/** Who did it and from where, for audit events. */
export interface RequestMeta {
  ip: string;
  userAgent: string | null;
  requestId: string;
}

export function requestMeta(ctx: AppContext): RequestMeta {
  return { ip: ctx.ip, userAgent: ctx.get('user-agent') || null, requestId: ctx.state.requestId };
}

/** Who acts and from where: every admin write is audited with it. */
export interface AdminAct {
  db: RequestDb;
  admin: AdminScope;
  meta: RequestMeta;
}

/** The act of a request that passed the admin credential guard. */
export function adminAct(ctx: AdminContext): AdminAct {
  return { db: ctx.db, admin: ctx.state.admin, meta: requestMeta(ctx) };
}
