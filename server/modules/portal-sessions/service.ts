import type { z } from 'zod';
import type { MintedPortalSession } from '../../../sdk/schemas/portal-sessions.js';
import type { Config } from '../../config.js';
import type { RequestDb } from '../../db/request-db.js';
import type { AdminScope } from '../../db/request-transaction.js';
import { ConflictError } from '../../errors.js';
import type { RequestMeta } from '../../http/context.js';
import { newToken, tokenHash } from '../../security/tokens.js';
import { adminActor, recordAudit } from '../audit/service.js';
import type { Row } from '../../db/model.js';
import type { SessionModel } from '../../security/models.js';

/**
 * Mints a portal session for the firm's own single sign-on: short-lived
 * (MINTED_SESSION_SECONDS, idle and absolute alike), for an active contact with
 * portal access, and recording who minted it; every audit row taken with it
 * carries that minter beside the contact.
 */
export async function mint(
  deps: { config: Config },
  db: RequestDb,
  scope: AdminScope,
  contactId: string,
  meta: RequestMeta,
): Promise<z.input<typeof MintedPortalSession>> {
  const token = newToken('cfp');
  const [session] = await db.query<{ session_id: string; expires_at: Row<SessionModel>['expires_at'] }>(
    'SELECT * FROM caseflow.mint_portal_session($1, $2, make_interval(secs => $3), $4, $5)',
    [contactId, tokenHash(token), deps.config.MINTED_SESSION_SECONDS, scope.principal_type, scope.principal_id],
  );
  if (!session) {
    throw new ConflictError(
      'contact_not_eligible',
      'Portal sessions can be minted only for an active contact of this firm with portal access.',
    );
  }
  await recordAudit(
    db,
    {
      action: 'portal_session.minted',
      ...adminActor(scope),
      subjectType: 'contact',
      subjectId: contactId,
      data: { session_id: session.session_id },
    },
    meta,
  );
  return { token, kind: 'minted', contact_id: contactId, expires_at: session.expires_at.toISOString() };
}
