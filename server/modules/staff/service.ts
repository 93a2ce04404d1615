import type { z } from 'zod';
import type { List } from '../../../sdk/schemas/common.js';
import type { StaffInviteRequest, StaffUpdateRequest, StaffUser } from '../../../sdk/schemas/staff.js';
import { tenantPublicUrl, type Config } from '../../config.js';
import type { RequestDb } from '../../db/request-db.js';
import type { AdminScope } from '../../db/request-transaction.js';
import { ConflictError, NotFoundError, PermissionError } from '../../errors.js';
import type { RequestMeta } from '../../http/context.js';
import { keysetPage, toList } from '../../http/pagination.js';
import type { Keyring } from '../../security/keyring.js';
import { issueOneTimeToken } from '../../security/one-time-tokens.js';
import { adminActor, recordAudit } from '../audit/service.js';
import { enqueueEmail } from '../email/outbox.js';
import { staffInvite } from '../email/templates.js';
import { staffReader } from '../../i18n/reader.js';
import { requireDeliverable, sameEmailSql } from '../email/addresses.js';
import type { Row } from '../../db/model.js';
import { isUniqueViolation } from '../../db/errors.js';
import { currentTenant } from '../../db/model.js';
import * as tenants from '../tenants/lookup.js';
import { staffColumns, StaffUserModel } from './models.js';
import { staffUser, type StaffRow } from './serialize.js';

type Staff = z.input<typeof StaffUser>;

export async function list(db: RequestDb, page: { limit: number; starting_after?: string }): Promise<List<Staff>> {
  const rows = await keysetPage(selectStaff(db), 'staff_users', page);
  return toList(rows, page.limit, staffUser);
}

/** Staff may not read the password hash: every read names the admin API's columns. */
function selectStaff(db: RequestDb) {
  return StaffUserModel.query(db.knex)
    .select(...staffColumns)
    .castTo<StaffRow[]>();
}

/** The first admin of a new firm, as the platform created it. */
export type FirstAdmin = Pick<Row<StaffUserModel>, 'id' | 'email' | 'first_name' | 'last_name'> & { role: 'admin' };

/**
 * Adds a new firm's first admin (the platform's firm creation, acting for the
 * firm): the row only; the caller sends the invitation.
 */
export async function insertFirstAdmin(
  db: RequestDb,
  admin: { email: string; first_name: string; last_name: string },
): Promise<FirstAdmin> {
  const row = await StaffUserModel.query(db.knex)
    .insert({
      tenant_id: currentTenant(),
      email: admin.email.trim().toLowerCase(),
      first_name: admin.first_name,
      last_name: admin.last_name,
      role: 'admin',
    } as never)
    .returning(['id', 'email', 'first_name', 'last_name', 'role'])
    .castTo<FirstAdmin>();
  return { id: row.id, email: row.email, first_name: row.first_name, last_name: row.last_name, role: 'admin' };
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
  requireDeliverable(deps.config, body.email);
  let row: StaffRow;
  try {
    row = await StaffUserModel.query(db.knex)
      .insert({
        tenant_id: currentTenant(),
        email: body.email.trim().toLowerCase(),
        first_name: body.first_name,
        last_name: body.last_name,
        role: body.role,
      } as never)
      .returning([...staffColumns])
      .castTo<StaffRow>();
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
  const publicUrl = await tenants.currentPublicUrl(db);
  const base = tenantPublicUrl(deps.config, { tenant_slug: scope.tenant_slug, public_url: publicUrl });
  await enqueueEmail(
    db,
    deps.keyring,
    scope.tenant_id,
    user.email,
    staffInvite({
      reader: staffReader(scope),
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
  const [row] = await selectStaff(db).where({ id });
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
  const [before] = await selectStaff(db).where({ id }).forUpdate();
  if (!before) throw new NotFoundError('staff_user_missing', 'No staff user with this id at this firm.');
  const self = scope.principal_type === 'staff' && scope.principal_id === id;
  const ownPhoneOnly = self && Object.keys(body).every((field) => field === 'phone');
  if (scope.role !== 'admin' && !ownPhoneOnly) throw new PermissionError('admin_required', messages.adminsOnly);
  if (self && (body.active === false || body.role === 'staff')) {
    throw new ConflictError('cannot_change_self', 'You cannot demote or deactivate yourself; ask another admin.');
  }
  // Fields left out keep their value; phone and hourly_rate may be set to null.
  const fields = ['first_name', 'last_name', 'role', 'active', 'phone', 'hourly_rate'] as const;
  const [row] = await StaffUserModel.query(db.knex)
    .patch({
      ...Object.fromEntries(fields.filter((f) => body[f] !== undefined).map((f) => [f, body[f]])),
      updated_at: StaffUserModel.fn.now(),
    } as never)
    .where({ id })
    .returning([...staffColumns])
    .castTo<StaffRow[]>();
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

/** A staff user as a password login checks it (caseflow_auth may read the hash): a hot path, prepared SQL. */
export type StaffCredential = Pick<Row<StaffUserModel>, 'id' | 'active' | 'password_hash'>;

export async function findCredential(db: RequestDb, email: string): Promise<StaffCredential | undefined> {
  const [row] = await db.query<StaffCredential>(
    `SELECT id, active, password_hash FROM staff_users WHERE ${sameEmailSql('email', '$1')}`,
    [email],
  );
  return row;
}

/** One staff user as the admin API shows it, or undefined when there is none. */
export async function retrieve(db: RequestDb, id: string): Promise<Staff | undefined> {
  const [row] = await selectStaff(db).where({ id });
  return row && staffUser(row);
}

/** Whether the staff user is an active admin of the firm. */
export async function isActiveAdmin(db: RequestDb, id: string): Promise<boolean> {
  const [row] = await StaffUserModel.query(db.knex).select('id').where({ id, active: true, role: 'admin' });
  return row !== undefined;
}

/** A staff member's id and display name, or null (the portal role may read names only). */
export async function staffName(db: RequestDb, id: string): Promise<{ id: string; name: string } | null> {
  const [row] = await StaffUserModel.query(db.knex)
    .select('id', 'first_name', 'last_name')
    .where({ id })
    .castTo<Pick<Row<StaffUserModel>, 'id' | 'first_name' | 'last_name'>[]>();
  return row ? { id: row.id, name: `${row.first_name} ${row.last_name}` } : null;
}
