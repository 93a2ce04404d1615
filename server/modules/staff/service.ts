import type { z } from 'zod';
import type { List } from '../../../sdk/schemas/common.js';
import type { StaffInviteRequest, StaffUpdateRequest, StaffUser } from '../../../sdk/schemas/staff.js';
import { tenantPublicUrl, type Config } from '../../config.js';
import type { RequestDb } from '../../db/request-db.js';
import type { AdminScope } from '../../db/request-transaction.js';
import { ConflictError, NotFoundError, PermissionError } from '../../errors.js';
import type { RequestMeta } from '../../http/context.js';
import { keysetSql, Params, toList } from '../../http/pagination.js';
import type { Keyring } from '../../security/keyring.js';
import { issueOneTimeToken } from '../../security/one-time-tokens.js';
import { adminActor, recordAudit } from '../audit/service.js';
import { enqueueEmail } from '../email/outbox.js';
import { staffInvite } from '../email/templates.js';
import { staffColumns, staffUser, type StaffRow } from './serialize.js';

type Staff = z.input<typeof StaffUser>;

export async function list(db: RequestDb, page: { limit: number; starting_after?: string }): Promise<List<Staff>> {
  const params = new Params();
  const keyset = keysetSql('staff_users', params, page);
  const rows = await db.query<StaffRow>(
    `SELECT ${staffColumns} FROM staff_users ${keyset.where ? `WHERE ${keyset.where}` : ''} ${keyset.orderAndLimit}`,
    params.values,
  );
  return toList(rows, page.limit, staffUser);
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === '23505';
}

/**
 * Invites a staff user: the row, a single-use set-password link (48 h) and the
 * invitation email, in one transaction. The link is built from the firm's public URL.
 */
export async function invite(
  deps: { config: Config; keyring: Keyring },
  db: RequestDb,
  scope: AdminScope,
  body: z.output<typeof StaffInviteRequest>,
  meta: RequestMeta,
): Promise<Staff> {
  let row: StaffRow;
  try {
    [row] = (await db.query<StaffRow>(
      `INSERT INTO staff_users (tenant_id, email, first_name, last_name, role)
       VALUES (caseflow.current_tenant(), $1, $2, $3, $4)
       RETURNING ${staffColumns}`,
      [body.email.trim().toLowerCase(), body.first_name, body.last_name, body.role],
    )) as [StaffRow];
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new ConflictError('email_taken', `A staff user with the email ${body.email} already exists.`);
  }
  await sendInvite(deps, db, scope, row);
  await recordAudit(
    db,
    {
      action: 'staff.invited',
      ...adminActor(scope),
      subjectType: 'staff_user',
      subjectId: row.id,
      data: { role: row.role },
    },
    meta,
  );
  return staffUser(row);
}

/** A fresh single-use set-password link (the previous one dies) and the invitation email. */
async function sendInvite(
  deps: { config: Config; keyring: Keyring },
  db: RequestDb,
  scope: AdminScope,
  user: StaffRow,
): Promise<void> {
  const link = await issueOneTimeToken(db, 'staff_invite', { staffUserId: user.id });
  const [tenant] = await db.query<{ public_url: string | null }>(
    'SELECT public_url FROM tenants WHERE id = caseflow.current_tenant()',
  );
  const base = tenantPublicUrl(deps.config, { tenant_slug: scope.tenant_slug, public_url: tenant!.public_url });
  await enqueueEmail(
    db,
    deps.keyring,
    scope.tenant_id,
    user.email,
    staffInvite({
      firm: scope.tenant_name,
      firstName: user.first_name,
      url: `${base}/staff/set-password#token=${link.token}`,
    }),
  );
}

/**
 * Sends an active staff user a new invitation: how an admin lets in someone whose
 * first link expired, or who lost their password (the password stays until the
 * new link is used).
 */
export async function resendInvite(
  deps: { config: Config; keyring: Keyring },
  db: RequestDb,
  scope: AdminScope,
  id: string,
  meta: RequestMeta,
): Promise<Staff> {
  const [row] = await db.query<StaffRow>(`SELECT ${staffColumns} FROM staff_users WHERE id = $1`, [id]);
  if (!row) throw new NotFoundError('staff_user_missing', 'No staff user with this id at this firm.');
  if (!row.active)
    throw new ConflictError('staff_user_inactive', 'This staff user is deactivated: reactivate them first.');
  await sendInvite(deps, db, scope, row);
  await recordAudit(
    db,
    { action: 'staff.invite_resent', ...adminActor(scope), subjectType: 'staff_user', subjectId: id },
    meta,
  );
  return staffUser(row);
}

export const messages = {
  adminsOnly: 'Only firm admins may change staff users; you may change your own phone.',
};

/**
 * Renames, re-roles, (de)activates a staff user or changes their phone or hourly
 * rate. Admins change anyone; a staff member may change their own phone and
 * nothing else. An admin cannot demote or deactivate themselves (so a firm never
 * locks its last admin out by accident). Deactivation ends the user's sessions
 * at once (a database trigger).
 */
export async function update(
  db: RequestDb,
  scope: AdminScope,
  id: string,
  body: z.output<typeof StaffUpdateRequest>,
  meta: RequestMeta,
): Promise<Staff> {
  const [before] = await db.query<StaffRow>(`SELECT ${staffColumns} FROM staff_users WHERE id = $1 FOR UPDATE`, [id]);
  if (!before) throw new NotFoundError('staff_user_missing', 'No staff user with this id at this firm.');
  const self = scope.principal_type === 'staff' && scope.principal_id === id;
  const ownPhoneOnly = self && Object.keys(body).every((field) => field === 'phone');
  if (scope.role !== 'admin' && !ownPhoneOnly) throw new PermissionError('admin_required', messages.adminsOnly);
  if (self && (body.active === false || body.role === 'staff')) {
    throw new ConflictError('cannot_change_self', 'You cannot demote or deactivate yourself; ask another admin.');
  }
  const [row] = await db.query<StaffRow>(
    `UPDATE staff_users
        SET first_name = coalesce($2, first_name), last_name = coalesce($3, last_name),
            role = coalesce($4, role), active = coalesce($5, active),
            phone = CASE WHEN $6::boolean THEN $7 ELSE phone END,
            hourly_rate = CASE WHEN $8::boolean THEN $9::bigint ELSE hourly_rate END,
            updated_at = now()
      WHERE id = $1
      RETURNING ${staffColumns}`,
    [
      id,
      body.first_name ?? null,
      body.last_name ?? null,
      body.role ?? null,
      body.active ?? null,
      body.phone !== undefined,
      body.phone ?? null,
      body.hourly_rate !== undefined,
      body.hourly_rate ?? null,
    ],
  );
  const changes: Record<string, unknown> = {};
  for (const field of ['first_name', 'last_name', 'role', 'active', 'phone', 'hourly_rate'] as const) {
    if (row![field] !== before[field]) changes[field] = { from: before[field], to: row![field] };
  }
  const action =
    'active' in changes
      ? row!.active
        ? 'staff.reactivated'
        : 'staff.deactivated'
      : 'role' in changes
        ? 'staff.role_changed'
        : 'staff.updated';
  await recordAudit(
    db,
    { action, ...adminActor(scope), subjectType: 'staff_user', subjectId: id, data: changes },
    meta,
  );
  return staffUser(row!);
}
