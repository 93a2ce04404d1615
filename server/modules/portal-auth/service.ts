import type { z } from 'zod';
import type { PortalProfile } from '../../../sdk/schemas/portal-profile.js';
import type { Config } from '../../config.js';
import type { Pool } from '../../db/pool.js';
import type { RequestDb } from '../../db/request-db.js';
import { enterTenant, inScope, type PortalScope, type TenantScope } from '../../db/request-transaction.js';
import { AuthenticationError } from '../../errors.js';
import type { RequestMeta } from '../../http/context.js';
import type { LoginThrottle } from '../../security/login-throttle.js';
import { verifyPassword } from '../../security/passwords.js';
import { newToken, tokenHash } from '../../security/tokens.js';
import { portalActor, recordAudit } from '../audit/service.js';
import { ContactCredential, PortalContact, Session } from './models.js';
import { portalProfile } from './serialize.js';

export const messages = {
  invalidCredentials: 'Email or password is incorrect.',
  sessionEnded: 'Your session has ended. Log in again.',
};

export interface LoginResult {
  token: string;
  session: { kind: 'login'; expires_at: Date };
  profile: z.input<typeof PortalProfile>;
}

function findContact(db: RequestDb, contactId: string): Promise<PortalContact | undefined> {
  return db.first<PortalContact>(
    PortalContact.query()
      .select(
        'contacts.id',
        'contacts.first_name',
        'contacts.last_name',
        'contacts.email',
        'contacts.client_id',
        'clients.number as client_number',
        'clients.name as client_name',
        'contacts.permissions',
        'tenants.primary_color',
        'tenants.logo_url',
      )
      .join('clients', (join) =>
        join.on('clients.tenant_id', 'contacts.tenant_id').andOn('clients.id', 'contacts.client_id'),
      )
      .join('tenants', 'tenants.id', 'contacts.tenant_id')
      .where('contacts.id', contactId)
      .limit(1),
  );
}

/**
 * Email + password login. The password is checked between two short
 * transactions, so a slow hash never holds a database connection; the unknown
 * email path verifies against a dummy hash and writes the same audit row, so
 * neither the answer nor the work tells whether the account exists.
 */
export async function login(
  deps: { config: Config; pool: Pool; loginThrottle: LoginThrottle },
  slug: string,
  credentials: { email: string; password: string },
  meta: RequestMeta,
  /** The browser's current cookie session, if any: a new login replaces it (no fixation). */
  previousToken?: string,
): Promise<LoginResult> {
  const email = credentials.email.trim().toLowerCase();
  await deps.loginThrottle.check(slug, email, meta.ip);
  const contact = await inScope<TenantScope, ContactCredential | undefined>(
    deps.pool,
    enterTenant(slug, 'caseflow_auth'),
    (db) =>
      db.first<ContactCredential>(
        ContactCredential.query()
          .select('id', 'client_id', 'active', 'portal_access', 'password_hash')
          .whereRaw('lower(email) = ?', [email])
          .limit(1),
      ),
  );
  const passwordOk = await verifyPassword(contact?.password_hash, credentials.password);
  const allowed = passwordOk && contact !== undefined && contact.active && contact.portal_access;

  const result = await inScope<TenantScope, LoginResult | null>(
    deps.pool,
    enterTenant(slug, 'caseflow_auth'),
    async (db, tenant) => {
      if (!allowed) {
        await recordAudit(
          db,
          {
            action: 'portal.login_failed',
            actorType: 'anonymous',
            subjectType: 'contact',
            subjectId: contact?.id ?? null,
          },
          meta,
        );
        return null; // commit the audit row, then refuse
      }
      if (previousToken) {
        await db.query(
          `UPDATE sessions SET revoked_at = now()
            WHERE tenant_id = caseflow.current_tenant() AND token_hash = $1 AND audience = 'portal' AND revoked_at IS NULL`,
          [tokenHash(previousToken)],
        );
      }
      const token = newToken('cfp');
      const session = (await db.first<Session>(
        Session.query()
          .insert({
            tenant_id: Session.raw('caseflow.current_tenant()'),
            token_hash: tokenHash(token),
            audience: 'portal',
            kind: 'login',
            contact_id: contact.id,
            idle_timeout: Session.raw('make_interval(secs => ?)', [deps.config.SESSION_IDLE_SECONDS]),
            expires_at: Session.raw('now() + make_interval(secs => ?)', [deps.config.SESSION_ABSOLUTE_SECONDS]),
            ip: meta.ip || null,
            user_agent: meta.userAgent,
          } as never)
          .returning(['id', 'kind', 'expires_at']),
      ))!;
      await recordAudit(
        db,
        {
          action: 'portal.login_succeeded',
          actorType: 'contact',
          actorId: contact.id,
          subjectType: 'session',
          subjectId: session.id,
        },
        meta,
      );
      const profileRow = (await findContact(db, contact.id))!;
      const expires = { kind: 'login' as const, expires_at: session.expires_at };
      return { token, session: expires, profile: portalProfile(profileRow, tenant, expires) };
    },
  );
  if (!result) {
    await deps.loginThrottle.recordFailure(slug, email, meta.ip);
    throw new AuthenticationError('invalid_credentials', messages.invalidCredentials);
  }
  await deps.loginThrottle.recordSuccess(slug, email, meta.ip);
  return result;
}

/** Ends the current session; further use of its token is refused at once. */
export async function logout(db: RequestDb, scope: PortalScope, meta: RequestMeta): Promise<void> {
  await db.query('SELECT caseflow.end_portal_session()');
  await recordAudit(
    db,
    {
      action: 'portal.logout',
      ...portalActor(scope),
      subjectType: 'session',
      subjectId: scope.session_id,
    },
    meta,
  );
}

export async function me(db: RequestDb, scope: PortalScope): Promise<z.input<typeof PortalProfile>> {
  const contact = await findContact(db, scope.contact_id);
  if (!contact) throw new AuthenticationError('session_invalid', messages.sessionEnded);
  return portalProfile(contact, scope, { kind: scope.session_kind, expires_at: scope.session_expires_at });
}
