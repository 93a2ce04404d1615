import { createHash } from 'node:crypto';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { Pool } from '../db/pool.js';
import { RateLimitError } from '../errors.js';

export interface ForgotPasswordLimits {
  perEmail: number;
  perIp: number;
  windowSeconds: number;
}

/**
 * Request limits other than failed logins (see login-throttle.ts), in the same
 * PostgreSQL table. Forgot-password requests are counted per email and per IP
 * whether or not the email exists, so the limit itself reveals nothing; spending
 * it only delays reset emails, it never stops a real user from logging in.
 */
export class RateLimits {
  private readonly forgotByEmail: RateLimiterPostgres;
  private readonly forgotByIp: RateLimiterPostgres;

  constructor(pool: Pool, limits: ForgotPasswordLimits) {
    const common = {
      storeClient: pool,
      storeType: 'pool',
      tableName: 'rate_limits',
      tableCreated: true,
      duration: limits.windowSeconds,
    };
    this.forgotByEmail = new RateLimiterPostgres({ ...common, keyPrefix: 'forgot_email', points: limits.perEmail });
    this.forgotByIp = new RateLimiterPostgres({ ...common, keyPrefix: 'forgot_ip', points: limits.perIp });
  }

  async forgotPassword(scope: string, email: string, ip: string): Promise<void> {
    const emailKey = `${scope}:${createHash('sha256').update(email).digest('hex')}`;
    try {
      await Promise.all([this.forgotByEmail.consume(emailKey), this.forgotByIp.consume(ip)]);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        throw new RateLimitError(
          'Too many password reset requests. Wait a while, then try again.',
          Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)),
        );
      }
      throw rejection;
    }
  }
}
