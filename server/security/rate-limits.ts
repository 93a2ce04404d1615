import { createHash } from 'node:crypto';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { Pool } from '../db/pool.js';
import { RateLimitError } from '../errors.js';

export interface ForgotPasswordLimits {
  /** Reset emails actually sent to one address per window (beyond it, requests are silently dropped). */
  perEmail: number;
  /** Forgot-password requests from one IP per window (beyond it, 429). */
  perIp: number;
  windowSeconds: number;
}

/**
 * Request limits other than failed logins (see login-throttle.ts), in the same
 * PostgreSQL table. Forgot-password requests are limited per IP only, which hurts
 * just the flooder; per address, the reset emails actually sent are capped by the
 * reset request job, silently: the answer is the same 202 whether the email is known,
 * unknown or capped, so a stranger can neither probe addresses nor lock the owner
 * out of resets with a 429.
 */
export class RateLimits {
  private readonly resetEmailsSent: RateLimiterPostgres;
  private readonly forgotByIp: RateLimiterPostgres;

  constructor(pool: Pool, limits: ForgotPasswordLimits) {
    const common = {
      storeClient: pool,
      storeType: 'pool',
      tableName: 'rate_limits',
      tableCreated: true,
      duration: limits.windowSeconds,
    };
    this.resetEmailsSent = new RateLimiterPostgres({ ...common, keyPrefix: 'reset_sent', points: limits.perEmail });
    this.forgotByIp = new RateLimiterPostgres({ ...common, keyPrefix: 'forgot_ip', points: limits.perIp });
  }

  /** Counts one forgot-password request from this IP; 429 once the IP spent its window. */
  async forgotPassword(ip: string): Promise<void> {
    try {
      await this.forgotByIp.consume(ip);
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

  /**
   * Counts one reset email to this address of this firm; false (send nothing) once
   * the address got its share of the window. The key is a digest, never the address.
   */
  async mayEmailReset(tenantId: string, email: string): Promise<boolean> {
    const key = `${tenantId}:${createHash('sha256').update(email.toLowerCase()).digest('hex')}`;
    try {
      await this.resetEmailsSent.consume(key);
      return true;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return false;
      throw rejection;
    }
  }
}
