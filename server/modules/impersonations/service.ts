import type { z } from 'zod';
import type { ImpersonationCreateRequest, ImpersonationLink } from '../../../sdk/schemas/impersonations.js';
import type { PortalLoginResponse } from '../../../sdk/schemas/portal-auth.js';
import { tenantPublicUrl, type Config } from '../../config.js';
import type { Pool } from '../../db/pool.js';
import type { RequestDb } from '../../db/request-db.js';
import { enterTenant, inScope, type AdminScope, type TenantScope } from '../../db/request-transaction.js';
import { BadRequestError, ConflictError, NotFoundError } from '../../errors.js';
import type { RequestMeta } from '../../http/context.js';
import { LINK_INVALID_MESSAGE } from '../../security/one-time-tokens.js';
import { markAllRead } from '../announcements/service.js';
import * as apiKeys from '../api-keys/service.js';
import * as clients from '../clients/service.js';
import * as contacts from '../contacts/service.js';
import * as staff from '../staff/service.js';
import * as tenants from '../tenants/lookup.js';
import { adminActor, recordAudit } from '../audit/service.js';
import { profileOf } from '../portal-auth/service.js';
import { consumeImpersonationLink, issueImpersonationLink, type Impersonator } from './links.js';
import { linkStillHonoured, openPreviewSession } from './preview-session.js';

// Every sentence of "login as client", in one place for review.
export const messages = {
  clientNotFound: 'No such client.',
  noPrimaryContact: (client: string) =>
    `${client} has no primary contact. Mark one of its contacts as primary first ` +
    '(`caseflow contacts set-primary <email>`), then ask for the link again.',
  primaryInactive: (client: string, name: string) =>
    `${name}, the primary contact of ${client}, is deactivated. Reactivate them, or mark an active contact ` +
    'as primary, then ask for the link again.',
  noAdminBehindKey:
    'This API key was not created by a current admin of the firm, so no admin can answer for the preview. ' +
    "Use an admin's own login, or a key created by a current admin.",
  linkInvalid: LINK_INVALID_MESSAGE,
};

const label = (client: { number: number; name: string }) => `Client ${client.number} ${client.name}`;

/**
 * The admin behind a request: the staff user itself, or for an admin API key the
 * admin who created it, as long as they are still an active admin (the preview
 * session must name a person whose demotion or deactivation ends it).
 */
async function impersonatorOf(db: RequestDb, scope: AdminScope): Promise<Impersonator> {
  if (scope.principal_type === 'staff') return { staffUserId: scope.principal_id, apiKeyId: null };
  const creator = await apiKeys.creatorOf(db, scope.principal_id);
  if (!creator || !(await staff.isActiveAdmin(db, creator))) {
    throw new ConflictError('no_admin_behind_key', messages.noAdminBehindKey);
  }
  return { staffUserId: creator, apiKeyId: scope.principal_id };
}

/**
 * "Login as client" (admins only; the route checks the role): a single-use link,
 * valid for IMPERSONATION_LINK_SECONDS, that opens a preview of the portal as the
 * client's primary contact. Portal access is not needed: previewing before
 * onboarding is a main use. The link is built from the firm's public URL.
 */
export async function create(
  deps: { config: Config },
  db: RequestDb,
  scope: AdminScope,
  clientId: string,
  body: z.output<typeof ImpersonationCreateRequest>,
  meta: RequestMeta,
): Promise<z.input<typeof ImpersonationLink>> {
  const client = await clients.find(db, clientId);
  if (!client) throw new NotFoundError('resource_missing', messages.clientNotFound);
  const primary = await contacts.primaryOf(db, clientId);
  if (!primary) throw new ConflictError('no_primary_contact', messages.noPrimaryContact(label(client)));
  if (!primary.active) {
    throw new ConflictError(
      'primary_contact_inactive',
      messages.primaryInactive(label(client), `${primary.first_name} ${primary.last_name}`),
    );
  }
  const impersonator = await impersonatorOf(db, scope);
  const reason = body.reason ?? null;
  const link = await issueImpersonationLink(
    db,
    primary.id,
    impersonator,
    deps.config.IMPERSONATION_LINK_SECONDS,
    reason,
  );
  const publicUrl = await tenants.currentPublicUrl(db);
  const base = tenantPublicUrl(deps.config, { tenant_slug: scope.tenant_slug, public_url: publicUrl });
  await recordAudit(
    db,
    {
      action: 'impersonation.link_created',
      ...adminActor(scope),
      subjectType: 'contact',
      subjectId: primary.id,
      data: {
        client_id: client.id,
        reason,
        impersonator_id: impersonator.staffUserId,
        expires_at: link.expiresAt.toISOString(),
      },
    },
    meta,
  );
  return {
    url: `${base}/clients/impersonate#token=${link.token}`,
    expires_at: link.expiresAt.toISOString(),
    contact: { id: primary.id, first_name: primary.first_name, last_name: primary.last_name },
    client: { id: client.id, number: client.number, name: client.name },
  };
}

/**
 * Redeems a link on the firm's host, in one caseflow_auth transaction: the link is
 * consumed, the admin (and key) and the contact are checked again, a `preview`
 * session is opened (bearer only: it never replaces a cookie session), every
 * published announcement is marked read for the contact, and the start is
 * audited. Any failure rolls all of it back: no session without a good link.
 */
export function redeem(
  deps: { config: Config; pool: Pool },
  slug: string,
  token: string,
  meta: RequestMeta,
): Promise<z.input<typeof PortalLoginResponse>> {
  return inScope<TenantScope, z.input<typeof PortalLoginResponse>>(
    deps.pool,
    enterTenant(slug, 'caseflow_auth'),
    async (db, tenant) => {
      const link = await consumeImpersonationLink(db, token);
      if (!link) throw new BadRequestError('link_invalid', messages.linkInvalid);
      if (!(await linkStillHonoured(db, link))) throw new BadRequestError('link_invalid', messages.linkInvalid);
      const session = await openPreviewSession(db, deps.config, link, meta);
      const announcementsRead = await markAllRead(db, link.contact_id);
      await recordAudit(
        db,
        {
          action: 'impersonation.started',
          actorType: 'staff',
          actorId: link.impersonator_id,
          subjectType: 'contact',
          subjectId: link.contact_id,
          data: {
            reason: link.reason,
            session_id: session.id,
            api_key_id: link.impersonator_key_id,
            announcements_marked_read: announcementsRead,
          },
        },
        meta,
      );
      const { expires_at } = session;
      const impersonator = await staff.staffName(db, link.impersonator_id);
      const profile = await profileOf(db, link.contact_id, tenant, { kind: 'preview', expires_at, impersonator });
      return { session: { kind: 'preview', expires_at: expires_at.toISOString(), token: session.token }, profile };
    },
  );
}
