import { newToken, tokenHash } from '../../../server/security/tokens.js';
import { idOf, ownerOf, type Db, type Ref } from './owner.js';

/**
 * A portal session of `contact`, written with the owner connection (an hour
 * long), answering its token: for sessions the API will not make, such as one
 * of a contact who has no portal access or is deactivated, or an admin preview
 * without its single-use link. A preview names its impersonator.
 */
export async function aPortalSession(
  db: Db,
  o: { contact: Ref; kind?: 'login' | 'preview'; impersonator?: Ref },
): Promise<string> {
  const owner = ownerOf(db);
  const contact = await owner('contacts')
    .where({ id: idOf(o.contact) })
    .first('tenant_id', 'id');
  const token = newToken('cfp');
  await owner('sessions').insert({
    tenant_id: contact.tenant_id,
    token_hash: tokenHash(token),
    audience: 'portal',
    kind: o.kind ?? (o.impersonator ? 'preview' : 'login'),
    contact_id: contact.id,
    impersonator_id: o.impersonator ? idOf(o.impersonator) : null,
    idle_timeout: owner.raw(`interval '1 hour'`),
    expires_at: owner.raw(`now() + interval '1 hour'`),
  });
  return token;
}
