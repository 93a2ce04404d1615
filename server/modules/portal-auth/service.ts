import type { z } from 'zod';
import type { PortalProfile } from '../../../sdk/schemas/portal-auth.js';
import type { Config } from '../../config.js';
import type { Pool } from '../../db/pool.js';
import type { RequestDb } from '../../db/request-db.js';
import type { PortalScope, TenantScope } from '../../db/request-transaction.js';
import { AuthenticationError } from '../../errors.js';
import type { RequestMeta } from '../../http/context.js';
import type { LoginThrottle } from '../../security/login-throttle.js';
import { INVALID_CREDENTIALS_MESSAGE, openLoginSession, passwordLogin } from '../../security/password-login.js';
import { endPortalSessionOfToken } from '../../security/sessions.js';
import { portalActor, recordAudit } from '../audit/service.js';
import { staffName } from '../staff/service.js';
import { findCredential, findPortalContact, type ContactCredential } from '../contacts/credentials.js';
import { portalProfile } from './serialize.js';

export const messages = {
  invalidCredentials: INVALID_CREDENTIALS_MESSAGE,
  sessionEnded: 'Your session has ended. Log in again.',
};

export interface LoginResult {
  token: string;
  session: { kind: 'login'; expires_at: Date };
  profile: z.input<typeof PortalProfile>;
}

/**
 * Email + password login of a contact (see passwordLogin): only an active contact
 * with portal access gets in. A cookie login also ends the browser's previous session.
 */
export function login(
  deps: { config: Config; pool: Pool; loginThrottle: LoginThrottle },
  slug: string,
  credentials: { email: string; password: string },
  meta: RequestMeta,
  /** The browser's current cookie session, if any: a new login replaces it (no fixation). */
  previousToken?: string,
): Promise<LoginResult> {
  return passwordLogin<ContactCredential, LoginResult>(deps, slug, credentials, meta, {
    throttleScope: slug,
    find: findCredential,
    mayLogIn: (contact) => contact.active && contact.portal_access,
    refused: (contact) => ({
      action: 'portal.login_failed',
      actorType: 'anonymous',
      subjectType: 'contact',
      subjectId: contact?.id ?? null,
    }),
    succeed: async (db, contact, tenant) => {
      if (previousToken) {
        await endPortalSessionOfToken(db, previousToken);
      }
      const session = await openLoginSession(db, deps.config, meta, { contactId: contact.id }, 'cfp');
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
      const profileRow = (await findPortalContact(db, contact.id))!;
      const expires = { kind: 'login' as const, expires_at: session.expires_at };
      return { token: session.token, session: expires, profile: portalProfile(profileRow, tenant, expires) };
    },
  });
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
  const impersonator = scope.impersonator_id ? await staffName(db, scope.impersonator_id) : null;
  return profileOf(db, scope.contact_id, scope, {
    kind: scope.session_kind,
    expires_at: scope.session_expires_at,
    impersonator,
  });
}

/** The portal profile of a contact, for /me and for the answers that open a session. */
export async function profileOf(
  db: RequestDb,
  contactId: string,
  tenant: TenantScope,
  session: Parameters<typeof portalProfile>[2],
): Promise<z.input<typeof PortalProfile>> {
  const contact = await findPortalContact(db, contactId);
  if (!contact) throw new AuthenticationError('session_invalid', messages.sessionEnded);
  return portalProfile(contact, tenant, session);
}
