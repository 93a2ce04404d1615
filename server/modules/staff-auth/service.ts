import type { z } from 'zod';
import type { AdminLoginResponse, AdminMe } from '../../../sdk/schemas/staff-auth.js';
import type { Config } from '../../config.js';
import type { Pool } from '../../db/pool.js';
import type { RequestDb } from '../../db/request-db.js';
import { enterTenant, inScope, type AdminScope, type TenantScope } from '../../db/request-transaction.js';
import { BadRequestError } from '../../errors.js';
import { STAFF_SESSION_PREFIX } from '../../http/admin-auth.js';
import type { RequestMeta } from '../../http/context.js';
import type { LoginThrottle } from '../../security/login-throttle.js';
import { redeemPasswordLink } from '../../security/one-time-tokens.js';
import { INVALID_CREDENTIALS_MESSAGE, openLoginSession, passwordLogin } from '../../security/password-login.js';
import { checkNewPassword } from '../../security/password-policy.js';
import { hashPassword } from '../../security/passwords.js';
import { endSessionsOf } from '../../security/sessions.js';
import { adminActor, recordAudit } from '../audit/service.js';
import * as apiKeys from '../api-keys/service.js';
import * as staff from '../staff/service.js';

export const messages = {
  invalidCredentials: INVALID_CREDENTIALS_MESSAGE,
  notASession: 'API keys have no session to end; revoke the key instead.',
};

/** Email + password login of a staff user (see passwordLogin): only active users get in. */
export function login(
  deps: { config: Config; pool: Pool; loginThrottle: LoginThrottle },
  slug: string,
  credentials: { email: string; password: string },
  meta: RequestMeta,
): Promise<z.input<typeof AdminLoginResponse>> {
  return passwordLogin<staff.StaffCredential, z.input<typeof AdminLoginResponse>>(deps, slug, credentials, meta, {
    throttleScope: `staff:${slug}`,
    find: staff.findCredential,
    mayLogIn: (user) => user.active,
    refused: (user) => ({
      action: 'staff.login_failed',
      actorType: 'anonymous',
      subjectType: 'staff_user',
      subjectId: user?.id ?? null,
    }),
    succeed: async (db, user) => {
      const session = await openLoginSession(db, deps.config, meta, { staffUserId: user.id }, STAFF_SESSION_PREFIX);
      await recordAudit(
        db,
        {
          action: 'staff.login_succeeded',
          actorType: 'staff',
          actorId: user.id,
          subjectType: 'session',
          subjectId: session.id,
        },
        meta,
      );
      const row = await staff.retrieve(db, user.id);
      return { token: session.token, expires_at: session.expires_at.toISOString(), user: row! };
    },
  });
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
    const user = (await staff.retrieve(db, scope.principal_id))!;
    name = `${user.first_name} ${user.last_name}`;
    email = user.email;
  } else {
    name = (await apiKeys.nameOf(db, scope.principal_id))!;
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
    firm: { slug: scope.tenant_slug, name: scope.tenant_name, plan: scope.plan, currency: scope.currency },
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
    await endSessionsOf(db, { staffUserId: link.accountId });
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
