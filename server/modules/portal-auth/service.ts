import type { Knex } from 'knex';
import type { z } from 'zod';
import type { PortalProfile } from '../../../sdk/schemas/portal-profile.js';
import type { Config } from '../../config.js';
import { enterTenant, inScope, type PortalScope, type TenantScope } from '../../db/request-transaction.js';
import { AuthenticationError } from '../../errors.js';
import type { RequestMeta } from '../../http/context.js';
import { verifyPassword } from '../../security/passwords.js';
import { newToken, tokenHash } from '../../security/tokens.js';
import { recordAudit } from '../audit/service.js';
import { ContactCredential, PortalContact, Session } from './models.js';
import { portalProfile } from './serialize.js';

export const messages = {
  invalidCredentials: 'Email or password is incorrect.',
};

export interface LoginResult {
  token: string;
  session: { kind: 'login'; expires_at: Date };
  profile: z.input<typeof PortalProfile>;
}

function findContact(trx: Knex.Transaction, contactId: string): PromiseLike<PortalContact | undefined> {
  return PortalContact.query(trx)
    .select(
      'contacts.id',
      'contacts.first_name',
      'contacts.last_name',
      'contacts.email',
      'contacts.client_id',
      'clients.number as client_number',
      'clients.name as client_name',
    )
    .join('clients', (join) =>
      join.on('clients.tenant_id', 'contacts.tenant_id').andOn('clients.id', 'contacts.client_id'),
    )
    .where('contacts.id', contactId)
    .first();
}

/**
 * Email + password login. The password is checked between two short
 * transactions, so a slow hash never holds a database connection; the unknown
 * email path verifies against a dummy hash and writes the same audit row, so
 * neither the answer nor the work tells whether the account exists.
 */
export async function login(
  deps: { config: Config; knex: Knex },
  slug: string,
  credentials: { email: string; password: string },
  meta: RequestMeta,
): Promise<LoginResult> {
  const email = credentials.email.trim().toLowerCase();
  const contact = await inScope<TenantScope, ContactCredential | undefined>(
    deps.knex,
    enterTenant(slug, 'caseflow_auth'),
    async (trx) =>
      await ContactCredential.query(trx)
        .select('id', 'client_id', 'active', 'portal_access', 'password_hash')
        .whereRaw('lower(email) = ?', [email])
        .first(),
  );
  const passwordOk = await verifyPassword(contact?.password_hash, credentials.password);
  const allowed = passwordOk && contact !== undefined && contact.active && contact.portal_access;

  const result = await inScope<TenantScope, LoginResult | null>(
    deps.knex,
    enterTenant(slug, 'caseflow_auth'),
    async (trx, tenant) => {
      if (!allowed) {
        await recordAudit(
          trx,
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
      const token = newToken('cfp');
      const session = (await Session.query(trx)
        .insert({
          tenant_id: trx.raw('caseflow.current_tenant()'),
          token_hash: tokenHash(token),
          audience: 'portal',
          kind: 'login',
          contact_id: contact.id,
          idle_timeout: trx.raw('make_interval(secs => ?)', [deps.config.SESSION_IDLE_SECONDS]),
          expires_at: trx.raw(`now() + make_interval(secs => ?)`, [deps.config.SESSION_ABSOLUTE_SECONDS]),
          ip: meta.ip || null,
          user_agent: meta.userAgent,
        } as never)
        .returning(['id', 'kind', 'expires_at'])) as unknown as Session;
      await recordAudit(
        trx,
        {
          action: 'portal.login_succeeded',
          actorType: 'contact',
          actorId: contact.id,
          subjectType: 'session',
          subjectId: session.id,
        },
        meta,
      );
      const profileRow = (await findContact(trx, contact.id))!;
      const expires = { kind: 'login' as const, expires_at: session.expires_at };
      return { token, session: expires, profile: portalProfile(profileRow, tenant, expires) };
    },
  );
  if (!result) throw new AuthenticationError('invalid_credentials', messages.invalidCredentials);
  return result;
}

/** Ends the current session; further use of its token is refused at once. */
export async function logout(trx: Knex.Transaction, scope: PortalScope, meta: RequestMeta): Promise<void> {
  await trx.raw('SELECT caseflow.end_portal_session()');
  await recordAudit(
    trx,
    {
      action: 'portal.logout',
      actorType: 'contact',
      actorId: scope.contact_id,
      impersonatorId: scope.impersonator_id,
      subjectType: 'session',
      subjectId: scope.session_id,
    },
    meta,
  );
}

export async function me(trx: Knex.Transaction, scope: PortalScope): Promise<z.input<typeof PortalProfile>> {
  const contact = await findContact(trx, scope.contact_id);
  if (!contact) throw new AuthenticationError('session_invalid', 'Your session has ended. Log in again.');
  return portalProfile(contact, scope, { kind: scope.session_kind, expires_at: scope.session_expires_at });
}
