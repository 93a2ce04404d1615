import type { z } from 'zod';
import type { ApiKey, ApiKeyCreateRequest, ApiKeyWithSecret } from '../../../sdk/schemas/api-keys.js';
import type { List } from '../../../sdk/schemas/common.js';
import type { RequestDb } from '../../db/request-db.js';
import type { AdminScope } from '../../db/request-transaction.js';
import { NotFoundError } from '../../errors.js';
import { API_KEY_PREFIX } from '../../http/admin-auth.js';
import type { RequestMeta } from '../../http/context.js';
import { keysetSql, Params, toList } from '../../http/pagination.js';
import { newToken, tokenHash } from '../../security/tokens.js';
import { adminActor, recordAudit } from '../audit/service.js';

interface ApiKeyRow {
  id: string;
  name: string;
  role: 'admin' | 'staff';
  scopes: 'portal_sessions:mint'[];
  prefix: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const columns = 'id, name, role, scopes, prefix, created_at, last_used_at, revoked_at';

function apiKey(row: ApiKeyRow): z.input<typeof ApiKey> {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    scopes: row.scopes,
    prefix: row.prefix,
    created_at: row.created_at.toISOString(),
    last_used_at: row.last_used_at?.toISOString() ?? null,
    revoked_at: row.revoked_at?.toISOString() ?? null,
  };
}

export async function list(
  db: RequestDb,
  page: { limit: number; starting_after?: string },
): Promise<List<z.input<typeof ApiKey>>> {
  const params = new Params();
  const keyset = keysetSql('api_keys', params, page);
  const rows = await db.query<ApiKeyRow>(
    `SELECT ${columns} FROM api_keys ${keyset.where ? `WHERE ${keyset.where}` : ''} ${keyset.orderAndLimit}`,
    params.values,
  );
  return toList(rows, page.limit, apiKey);
}

/** Creates a key; only its SHA-256 is stored, so the secret is shown in this answer alone. */
export async function create(
  db: RequestDb,
  scope: AdminScope,
  body: z.output<typeof ApiKeyCreateRequest>,
  meta: RequestMeta,
): Promise<z.input<typeof ApiKeyWithSecret>> {
  const secret = newToken(API_KEY_PREFIX);
  const [row] = await db.query<ApiKeyRow>(
    `INSERT INTO api_keys (tenant_id, name, role, scopes, prefix, key_hash, created_by)
     VALUES (caseflow.current_tenant(), $1, $2, $3, $4, $5, $6)
     RETURNING ${columns}`,
    [
      body.name,
      body.role,
      body.scopes,
      secret.slice(0, 12),
      tokenHash(secret),
      scope.principal_type === 'staff' ? scope.principal_id : null,
    ],
  );
  await recordAudit(
    db,
    {
      action: 'api_key.created',
      ...adminActor(scope),
      subjectType: 'api_key',
      subjectId: row!.id,
      data: { role: body.role, scopes: body.scopes },
    },
    meta,
  );
  return { ...apiKey(row!), secret };
}

/** Revokes a key; the next request with it is refused (the credential check reads revoked_at). */
export async function revoke(
  db: RequestDb,
  scope: AdminScope,
  id: string,
  meta: RequestMeta,
): Promise<z.input<typeof ApiKey>> {
  const [row] = await db.query<ApiKeyRow>(
    `UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 RETURNING ${columns}`,
    [id],
  );
  if (!row) throw new NotFoundError('api_key_missing', 'No API key with this id at this firm.');
  await recordAudit(
    db,
    { action: 'api_key.revoked', ...adminActor(scope), subjectType: 'api_key', subjectId: id },
    meta,
  );
  return apiKey(row);
}
