import { Model } from 'objection';
import { TenantModel } from '../db/model.js';

/** A rate limiter's counter (rate-limiter-flexible's table: not a firm's row). */
export class RateLimitModel extends Model {
  static override tableName = 'rate_limits';
  static override idColumn = 'key';
  declare key: string;
  declare points: number;
  /** Milliseconds since the epoch; null never expires. */
  declare expire: number | null;
}

/** One version of a firm's data key, wrapped by the master key. */
export class TenantKeyModel extends TenantModel {
  static override tableName = 'tenant_keys';
  static override idColumn = ['tenant_id', 'version'];
  declare version: number;
  declare wrapped_key: Buffer;
  declare created_at: Date;
}

/** A single-use link token (welcome, reset, staff invite, impersonation): only its hash is stored. */
export class OneTimeTokenModel extends TenantModel {
  static override tableName = 'one_time_tokens';
  declare token_hash: Buffer;
  declare purpose: 'contact_welcome' | 'contact_reset' | 'staff_invite' | 'impersonation';
  declare contact_id: string | null;
  declare staff_user_id: string | null;
  declare impersonator_id: string | null;
  declare impersonator_key_id: string | null;
  declare reason: string | null;
  declare created_at: Date;
  declare expires_at: Date;
  declare used_at: Date | null;
  declare revoked_at: Date | null;
}

/**
 * A login session, the portal's or a staff user's. Session checks read it with
 * prepared SQL as caseflow_auth (the token hash is readable by no other role).
 */
export class SessionModel extends TenantModel {
  static override tableName = 'sessions';
  declare token_hash: Buffer;
  declare audience: 'portal' | 'staff';
  declare kind: 'login' | 'preview' | 'minted';
  declare contact_id: string | null;
  declare staff_user_id: string | null;
  /** The admin behind a preview session. */
  declare impersonator_id: string | null;
  /** The API key behind a preview session opened by a key. */
  declare impersonator_key_id: string | null;
  declare minted_by_type: 'staff' | 'api_key' | null;
  declare minted_by_id: string | null;
  declare created_at: Date;
  declare last_seen_at: Date;
  /** An interval, as pg returns it. */
  declare idle_timeout: unknown;
  declare expires_at: Date;
  declare revoked_at: Date | null;
  declare ip: string | null;
  declare user_agent: string | null;
}
