import { createHash } from 'node:crypto';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { Pool } from '../db/pool.js';
import { RateLimitError } from '../errors.js';

/**
 * Failed logins are limited per account and IP, and per IP. There is no limit
 * per account alone, so an attacker cannot lock a real client out of their
 * account; the counters live in PostgreSQL, so every server shares them.
 */
export interface LoginLimits {
  /** Failures allowed for one account from one IP in `windowSeconds`. */
  perAccountAndIp: number;
  /** Failures allowed from one IP, whatever the account, in `windowSeconds`. */
  perIp: number;
  windowSeconds: number;
}

export const messages = {
  tooMany: 'Too many failed attempts. Wait a few minutes, then try again.',
};

export class LoginThrottle {
  private readonly byAccountAndIp: RateLimiterPostgres;
  private readonly byIp: RateLimiterPostgres;

  constructor(pool: Pool, limits: LoginLimits) {
    const common = { storeClient: pool, storeType: 'pool', tableName: 'rate_limits', tableCreated: true };
    // A fixed window from the first failure: once spent, refused until it ends.
    const duration = limits.windowSeconds;
    this.byAccountAndIp = new RateLimiterPostgres({
      ...common,
      duration,
      keyPrefix: 'login_account_ip',
      points: limits.perAccountAndIp,
    });
    this.byIp = new RateLimiterPostgres({ ...common, duration, keyPrefix: 'login_ip', points: limits.perIp });
  }

  /** Refuses with 429 before any password is checked when either counter is spent. */
  async check(scope: string, email: string, ip: string): Promise<void> {
    const [account, address] = await Promise.all([
      this.byAccountAndIp.get(accountKey(scope, email, ip)),
      this.byIp.get(ip),
    ]);
    const wait = Math.max(blockedFor(account, this.byAccountAndIp.points), blockedFor(address, this.byIp.points));
    if (wait > 0) throw new RateLimitError(messages.tooMany, wait);
  }

  async recordFailure(scope: string, email: string, ip: string): Promise<void> {
    await Promise.all([this.byAccountAndIp.penalty(accountKey(scope, email, ip)), this.byIp.penalty(ip)]);
  }

  /** A success clears the account's counter for this IP (not the IP's). */
  async recordSuccess(scope: string, email: string, ip: string): Promise<void> {
    await this.byAccountAndIp.delete(accountKey(scope, email, ip));
  }
}

// Emails are personal data: the counter's key carries a digest, never the address.
function accountKey(scope: string, email: string, ip: string): string {
  return `${scope}:${createHash('sha256').update(email).digest('hex')}:${ip}`;
}

function blockedFor(res: RateLimiterRes | null, points: number): number {
  if (!res || res.consumedPoints < points) return 0;
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}
