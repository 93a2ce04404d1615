import type { Config } from '../../config.js';
import type { RequestDb } from '../../db/request-db.js';
import type { RequestMeta } from '../../http/context.js';
import { newToken, tokenHash } from '../../security/tokens.js';
import type { ConsumedImpersonationLink } from './links.js';
import type { Row } from '../../db/model.js';
import type { SessionModel } from '../../security/models.js';

/**
 * Whether a consumed link may still open a preview: the contact is active, the
 * admin is still an active admin and, if a key asked for the link, the key is
 * an unrevoked admin key (caseflow_auth, in the link's firm).
 */
export async function linkStillHonoured(db: RequestDb, link: ConsumedImpersonationLink): Promise<boolean> {
  const rows = await db.query(
    `SELECT 1
       FROM contacts c, staff_users su
      WHERE c.id = $1 AND c.active
        AND su.id = $2 AND su.active AND su.role = 'admin'
        AND ($3::uuid IS NULL OR EXISTS (SELECT FROM api_keys k
                                          WHERE k.id = $3 AND k.revoked_at IS NULL AND k.role = 'admin'))`,
    [link.contact_id, link.impersonator_id, link.impersonator_key_id],
  );
  return rows.length > 0;
}

/**
 * Opens the `preview` session of the link's contact, recording the admin (and
 * key) as impersonator: PREVIEW_SESSION_SECONDS at most, idle timeout no longer
 * than that. Only the token's SHA-256 is stored; the token goes back as a bearer.
 */
export async function openPreviewSession(
  db: RequestDb,
  config: Config,
  link: ConsumedImpersonationLink,
  meta: RequestMeta,
): Promise<{ token: string; id: string; expires_at: Date }> {
  const token = newToken('cfp');
  const lifetime = config.PREVIEW_SESSION_SECONDS;
  const [session] = await db.query<Pick<Row<SessionModel>, 'id' | 'expires_at'>>(
    `INSERT INTO sessions (tenant_id, token_hash, audience, kind, contact_id, impersonator_id, impersonator_key_id,
                           idle_timeout, expires_at, ip, user_agent)
     VALUES (caseflow.current_tenant(), $1, 'portal', 'preview', $2, $3, $4,
             make_interval(secs => $5), now() + make_interval(secs => $6), $7, $8)
     RETURNING id, expires_at`,
    [
      tokenHash(token),
      link.contact_id,
      link.impersonator_id,
      link.impersonator_key_id,
      Math.min(config.SESSION_IDLE_SECONDS, lifetime),
      lifetime,
      meta.ip || null,
      meta.userAgent,
    ],
  );
  return { token, ...session! };
}
