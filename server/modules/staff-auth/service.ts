import type { z } from 'zod';
import type { AdminLoginResponse, AdminMe } from '../../../sdk/schemas/admin-auth.js';
import type { Config } from '../../config.js';
import type { Pool } from '../../db/pool.js';
import type { RequestDb } from '../../db/request-db.js';
import { enterTenant, inScope, type AdminScope, type TenantScope } from '../../db/request-transaction.js';
import { AuthenticationError, BadRequestError } from '../../errors.js';
import { STAFF_SESSION_PREFIX } from '../../http/admin-auth.js';
import type { RequestMeta } from '../../http/context.js';
import type { LoginThrottle } from '../../security/login-throttle.js';
import { redeemPasswordLink } from '../../security/one-time-tokens.js';
import { checkNewPassword } from '../../security/password-policy.js';
import { hashPassword, verifyPassword } from '../../security/passwords.js';
import { newToken, tokenHash } from '../../security/tokens.js';
import { adminActor, recordAudit } from '../audit/service.js';
import { staffColumns, staffUser, type StaffRow } from '../staff/serialize.js';

export const messages = {
  invalidCredentials: 'Email or password is incorrect.',
  notASession: 'API keys have no session to end; revoke the key instead.',
};

interface StaffCredential {
  id: string;
  active: boolean;
  password_hash: string | null;
}

/**
 * Staff email + password login, shaped like the portal's: the hash is checked
 * between two short transactions, unknown emails verify a dummy hash and write the
 * same audit row, failures are throttled per account+IP and per IP.
 */
export async function login(
  deps: { config: Config; pool: Pool; loginThrottle: LoginThrottle },
  slug: string,
  credentials: { email: string; password: string },
  meta: RequestMeta,
): Promise<z.input<typeof AdminLoginResponse>> {
  const email = credentials.email.trim().toLowerCase();
  const scope = `staff:${slug}`;
  await deps.loginThrottle.check(scope, email, meta.ip);
  const user = await inScope<TenantScope, StaffCredential | undefined>(
    deps.pool,
    enterTenant(slug, 'caseflow_auth'),
    async (db) =>
      (
        await db.query<StaffCredential>(
          'SELECT id, active, password_hash FROM staff_users WHERE tenant_id = caseflow.current_tenant() AND lower(email) = $1',
          [email],
        )
      )[0],
  );
  const passwordOk = await verifyPassword(user?.password_hash, credentials.password);
  const allowed = passwordOk && user !== undefined && user.active;

  const result = await inScope<TenantScope, z.input<typeof AdminLoginResponse> | null>(
    deps.pool,
    enterTenant(slug, 'caseflow_auth'),
    async (db) => {
      if (!allowed) {
        await recordAudit(
          db,
          {
            action: 'staff.login_failed',
            actorType: 'anonymous',
            subjectType: 'staff_user',
            subjectId: user?.id ?? null,
          },
          meta,
        );
        return null;
      }
      const token = newToken(STAFF_SESSION_PREFIX);
      const [session] = await db.query<{ id: string; expires_at: Date }>(
        `INSERT INTO sessions (tenant_id, token_hash, audience, kind, staff_user_id, idle_timeout, expires_at, ip, user_agent)
         VALUES (caseflow.current_tenant(), $1, 'staff', 'login', $2, make_interval(secs => $3),
                 now() + make_interval(secs => $4), $5, $6)
         RETURNING id, expires_at`,
        [
          tokenHash(token),
          user.id,
          deps.config.SESSION_IDLE_SECONDS,
          deps.config.SESSION_ABSOLUTE_SECONDS,
          meta.ip || null,
          meta.userAgent,
        ],
      );
      await recordAudit(
        db,
        {
          action: 'staff.login_succeeded',
          actorType: 'staff',
          actorId: user.id,
          subjectType: 'session',
          subjectId: session!.id,
        },
        meta,
      );
      const [row] = await db.query<StaffRow>(
        `SELECT ${staffColumns} FROM staff_users WHERE tenant_id = caseflow.current_tenant() AND id = $1`,
        [user.id],
      );
      return { token, expires_at: session!.expires_at.toISOString(), user: staffUser(row!) };
    },
  );
  if (!result) {
    await deps.loginThrottle.recordFailure(scope, email, meta.ip);
    throw new AuthenticationError('invalid_credentials', messages.invalidCredentials);
  }
  await deps.loginThrottle.recordSuccess(scope, email, meta.ip);
  return result;
}

export async function logout(db: RequestDb, scope: AdminScope, meta: RequestMeta): Promise<void> {
  if (scope.principal_type !== 'staff') throw new BadRequestError('not_a_session', messages.notASession);
  await db.query('SELECT caseflow.end_staff_session()');
  await recordAudit(
    db,
    { action: 'staff.logout', ...adminActor(scope), subjectType: 'session', subjectId: scope.session_id },
    meta,
  );
}

export async function me(db: RequestDb, scope: AdminScope): Promise<z.input<typeof AdminMe>> {
  let name: string;
  let email: string | null = null;
  if (scope.principal_type === 'staff') {
    const [user] = await db.query<{ first_name: string; last_name: string; email: string }>(
      'SELECT first_name, last_name, email FROM staff_users WHERE id = $1',
      [scope.principal_id],
    );
    name = `${user!.first_name} ${user!.last_name}`;
    email = user!.email;
  } else {
    const [key] = await db.query<{ name: string }>('SELECT name FROM api_keys WHERE id = $1', [scope.principal_id]);
    name = key!.name;
  }
  return {
    principal: {
      type: scope.principal_type,
      id: scope.principal_id,
      role: scope.role,
      scopes: scope.scopes,
      name,
      email,
    },
    firm: { slug: scope.tenant_slug, name: scope.tenant_name, plan: scope.plan },
  };
}

/** A staff user sets their password with an invite link (single use, 48 h); their other sessions end. */
export async function setPassword(
  deps: { pool: Pool },
  slug: string,
  body: { token: string; password: string },
  meta: RequestMeta,
): Promise<{ email: string }> {
  checkNewPassword(body.password);
  const hash = await hashPassword(body.password);
  return inScope<TenantScope, { email: string }>(deps.pool, enterTenant(slug, 'caseflow_auth'), async (db) => {
    const link = await redeemPasswordLink(db, body.token, ['staff_invite'], hash);
    // A new password ends the sessions made with the old one.
    await db.query(
      `UPDATE sessions SET revoked_at = now()
        WHERE tenant_id = caseflow.current_tenant() AND staff_user_id = $1 AND revoked_at IS NULL`,
      [link.accountId],
    );
    await recordAudit(
      db,
      {
        action: 'staff.password_set',
        actorType: 'staff',
        actorId: link.accountId,
        subjectType: 'staff_user',
        subjectId: link.accountId,
      },
      meta,
    );
    return { email: link.email };
  });
}
