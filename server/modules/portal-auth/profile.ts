/**
 * The contact's own settings (PATCH /portal/me): today their language. The portal
 * role may update this one column of its own row only (the policy
 * contacts_portal_language, which also narrows the UPDATE to that row); an admin preview may not change it for the client.
 */
import type { z } from 'zod';
import type { PortalProfile, PortalProfileUpdate } from '../../../sdk/schemas/portal-auth.js';
import type { RequestDb } from '../../db/request-db.js';
import type { PortalScope } from '../../db/request-transaction.js';
import { AuthenticationError, PermissionError } from '../../errors.js';
import type { RequestMeta } from '../../http/context.js';
import { portalActor, recordAudit } from '../audit/service.js';
import { findPortalContact, setLanguage } from '../contacts/credentials.js';
import { me, messages } from './service.js';

export const profileMessages = {
  previewForbidden:
    "An admin preview cannot change the client's settings: the client chooses their language themselves.",
};

/** Sets the contact's language (null: the firm's default); a change is audited with its old and new value. */
export async function updateProfile(
  db: RequestDb,
  scope: PortalScope,
  body: z.output<typeof PortalProfileUpdate>,
  meta: RequestMeta,
): Promise<z.input<typeof PortalProfile>> {
  if (scope.session_kind === 'preview')
    throw new PermissionError('preview_forbidden', profileMessages.previewForbidden);
  const before = await findPortalContact(db, scope.contact_id);
  if (!before) throw new AuthenticationError('session_invalid', messages.sessionEnded);
  if (before.language !== body.language) {
    await setLanguage(db, scope.contact_id, body.language);
    await recordAudit(
      db,
      {
        action: 'portal.language_changed',
        ...portalActor(scope),
        subjectType: 'contact',
        subjectId: scope.contact_id,
        data: { from: before.language, to: body.language },
      },
      meta,
    );
  }
  return me(db, scope);
}
