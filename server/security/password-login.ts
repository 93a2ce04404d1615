import { normalizeEmail } from '../../sdk/email-address.js';
import type { Config } from '../config.js';
import type { Pool } from '../db/pool.js';
import type { RequestDb } from '../db/request-db.js';
import { enterTenant, inScope, type TenantScope } from '../db/request-transaction.js';
import { AuthenticationError } from '../errors.js';
import type { RequestMeta } from '../http/context.js';
import { recordAudit, type AuditEvent } from '../modules/audit/service.js';
import type { LoginThrottle } from './login-throttle.js';
import { verifyPassword } from './passwords.js';
import { newToken, tokenHash } from './tokens.js';
import type { Row } from '../db/model.js';
import type { SessionModel } from './models.js';

export const INVALID_CREDENTIALS_MESSAGE = 'Email or password is incorrect.';

export interface PasswordLoginSteps<Account, Result> {
  /** The throttle's counters for this kind of account (portal and staff logins are counted apart). */
  throttleScope: string;
  /** The account with this email (in its normal form; matched ignoring case) and its password hash, if any. */
  find(db: RequestDb, email: string): Promise<Account | undefined>;
  /** Whether a matching password lets this account in (active, portal access…). */
  mayLogIn(account: Account): boolean;
  /** The audit event of a refusal (written whether or not the account exists). */
  refused(account: Account | undefined): AuditEvent;
  /** Opens the session and builds the answer, in the second transaction. */
  succeed(db: RequestDb, account: Account, tenant: TenantScope): Promise<Result>;
}

/**
 * Email + password login, for contacts and staff alike. The password is checked
 * between two short caseflow_auth transactions, so a slow hash never holds a
 * database connection; an unknown email verifies a dummy hash and writes the same
 * audit row, so neither the answer nor the work tells whether the account exists.
 * Failures are throttled per account+IP and per IP.
 */
export async function passwordLogin<Account extends { password_hash: string | null }, Result>(
  deps: { pool: Pool; loginThrottle: LoginThrottle },
  slug: string,
  credentials: { email: string; password: string },
  meta: RequestMeta,
  steps: PasswordLoginSteps<Account, Result>,
): Promise<Result> {
  // The address in its normal form finds the account (any case, any script: see sameEmailSql);
  // the throttle counts it lower-cased, so a change of case is the same account.
  const email = normalizeEmail(credentials.email);
  const throttleKey = email.toLowerCase();
  await deps.loginThrottle.check(steps.throttleScope, throttleKey, meta.ip);
  const account = await inScope<TenantScope, Account | undefined>(deps.pool, enterTenant(slug, 'caseflow_auth'), (db) =>
    steps.find(db, email),
  );
  const passwordOk = await verifyPassword(account?.password_hash, credentials.password);
  const allowed = passwordOk && account !== undefined && steps.mayLogIn(account);
  const result = await inScope<TenantScope, { value: Result } | null>(
    deps.pool,
    enterTenant(slug, 'caseflow_auth'),
    async (db, tenant) => {
      if (!allowed) {
        await recordAudit(db, steps.refused(account), meta);
        return null; // commit the audit row, then refuse
      }
      return { value: await steps.succeed(db, account, tenant) };
    },
  );
  if (!result) {
    await deps.loginThrottle.recordFailure(steps.throttleScope, throttleKey, meta.ip);
    throw new AuthenticationError('invalid_credentials', INVALID_CREDENTIALS_MESSAGE);
  }
  await deps.loginThrottle.recordSuccess(steps.throttleScope, throttleKey, meta.ip);
  return result.value;
}

/**
 * Opens a `login` session for a contact or a staff user with the configured idle
 * and absolute timeouts; only the token's SHA-256 is stored.
 */
export async function openLoginSession(
  db: RequestDb,
  config: Config,
  meta: RequestMeta,
  holder: { contactId: string } | { staffUserId: string },
  tokenPrefix: string,
): Promise<{ token: string; id: string; expires_at: Date }> {
  const token = newToken(tokenPrefix);
  const portal = 'contactId' in holder;
  const [session] = await db.query<Pick<Row<SessionModel>, 'id' | 'expires_at'>>(
    `INSERT INTO sessions (tenant_id, token_hash, audience, kind, contact_id, staff_user_id, idle_timeout, expires_at, ip, user_agent)
     VALUES (caseflow.current_tenant(), $1, $2, 'login', $3, $4, make_interval(secs => $5),
             now() + make_interval(secs => $6), $7, $8)
     RETURNING id, expires_at`,
    [
      tokenHash(token),
      portal ? 'portal' : 'staff',
      portal ? holder.contactId : null,
      portal ? null : holder.staffUserId,
      config.SESSION_IDLE_SECONDS,
      config.SESSION_ABSOLUTE_SECONDS,
      meta.ip || null,
      meta.userAgent,
    ],
  );
  return { token, ...session! };
}
