import type { z } from 'zod';
import type { ApiKey, ApiKeyCreateRequest, ApiKeyWithSecret } from '../../../sdk/schemas/api-keys.js';
import type { List } from '../../../sdk/schemas/common.js';
import type { RequestDb } from '../../db/request-db.js';
import type { AdminScope } from '../../db/request-transaction.js';
import { NotFoundError } from '../../errors.js';
import { API_KEY_PREFIX } from '../../http/admin-auth.js';
import type { RequestMeta } from '../../http/context.js';
import { keysetPage, toList } from '../../http/pagination.js';
import { currentTenant, type Row } from '../../db/model.js';
import { apiKeyColumns, ApiKeyModel } from './models.js';
import { newToken, tokenHash } from '../../security/tokens.js';
import { adminActor, recordAudit } from '../audit/service.js';

/** A key as the admin API reads it (never the hash). */
type ApiKeyRow = Pick<Row<ApiKeyModel>, (typeof apiKeyColumns)[number]>;

/** Staff may not read the key hash: every read names the admin API's columns. */
const selectKeys = (db: RequestDb) =>
  ApiKeyModel.query(db.knex)
    .select(...apiKeyColumns)
    .castTo<ApiKeyRow[]>();

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
  const rows = await keysetPage(selectKeys(db), 'api_keys', page);
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
  const row = await ApiKeyModel.query(db.knex)
    .insert({
      tenant_id: currentTenant(),
      name: body.name,
      role: body.role,
      scopes: body.scopes,
      prefix: secret.slice(0, 12),
      key_hash: tokenHash(secret),
      created_by: scope.principal_type === 'staff' ? scope.principal_id : null,
    } as never)
    .returning([...apiKeyColumns])
    .castTo<ApiKeyRow>();
  await recordAudit(
    db,
    {
      action: 'api_key.created',
      ...adminActor(scope),
      subjectType: 'api_key',
      subjectId: row.id,
      data: { role: body.role, scopes: body.scopes },
    },
    meta,
  );
  return { ...apiKey(row), secret };
}

/** Revokes a key; the next request with it is refused (the credential check reads revoked_at). */
export async function revoke(
  db: RequestDb,
  scope: AdminScope,
  id: string,
  meta: RequestMeta,
): Promise<z.input<typeof ApiKey>> {
  const [row] = await ApiKeyModel.query(db.knex)
    .patch({ revoked_at: ApiKeyModel.raw('coalesce(revoked_at, now())') } as never)
    .where({ id })
    .returning([...apiKeyColumns])
    .castTo<ApiKeyRow[]>();
  if (!row) throw new NotFoundError('api_key_missing', 'No API key with this id at this firm.');
  await recordAudit(
    db,
    { action: 'api_key.revoked', ...adminActor(scope), subjectType: 'api_key', subjectId: id },
    meta,
  );
  return apiKey(row);
}

/** A key's name (what the admin API's /me calls an API key principal). */
export async function nameOf(db: RequestDb, id: string): Promise<string | undefined> {
  const [row] = await selectKeys(db).where({ id });
  return row?.name;
}

/** The staff user who created a key (null: created by the platform or a key), or undefined when there is no such key. */
export async function creatorOf(db: RequestDb, id: string): Promise<string | null | undefined> {
  const [row] = await ApiKeyModel.query(db.knex)
    .select('created_by')
    .where({ id })
    .castTo<Pick<Row<ApiKeyModel>, 'created_by'>[]>();
  return row?.created_by;
}
