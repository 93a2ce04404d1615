import { newToken, tokenHash } from '../../../server/security/tokens.js';
import { firmId, ownerOf, type Db } from './owner.js';
import { uniqueName } from './unique.js';

export interface ApiKeyRow {
  tenant_id: string;
  id: string;
  name: string;
  role: 'admin' | 'staff';
  scopes: string[];
  prefix: string;
  created_by: string | null;
  revoked_at: Date | null;
}

/**
 * An API key of `firm`, written with the owner connection as
 * `caseflow apikeys create` does: no staff user made it (`created_by` is null).
 * Answers the row and its secret.
 */
export async function anApiKey(
  db: Db,
  o: { firm: string; role?: 'admin' | 'staff'; name?: string; scopes?: string[]; prefixLength?: number },
): Promise<{ key: ApiKeyRow; token: string }> {
  const owner = ownerOf(db);
  const token = newToken('cfa');
  const [key] = await owner('api_keys')
    .insert({
      tenant_id: await firmId(db, o.firm),
      name: o.name ?? uniqueName('key'),
      role: o.role ?? 'admin',
      ...(o.scopes ? { scopes: o.scopes } : {}),
      prefix: token.slice(0, o.prefixLength ?? 8),
      key_hash: tokenHash(token),
    })
    .returning(['tenant_id', 'id', 'name', 'role', 'scopes', 'prefix', 'created_by', 'revoked_at']);
  return { key: key as ApiKeyRow, token };
}
