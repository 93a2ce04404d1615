import type { z } from 'zod';
import type { List } from '../../../sdk/schemas/common.js';
import type {
  Contact,
  ContactCreateRequest,
  ContactListQuery,
  ContactUpdateRequest,
  PortalAccessRequest,
} from '../../../sdk/schemas/contacts.js';
import { PortalPermission } from '../../../sdk/schemas/contacts.js';
import { tenantPublicUrl, type Config } from '../../config.js';
import { isForeignKeyViolation, isUniqueViolation } from '../../db/errors.js';
import { currentTenant, type Row } from '../../db/model.js';
import type { RequestDb } from '../../db/request-db.js';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import { toList } from '../../http/pagination.js';
import type { Keyring } from '../../security/keyring.js';
import { issueOneTimeToken } from '../../security/one-time-tokens.js';
import { checkNewPassword } from '../../security/password-policy.js';
import { hashPassword } from '../../security/passwords.js';
import { adminActor, recordAudit } from '../audit/service.js';
import * as clients from '../clients/service.js';
import * as tenants from '../tenants/lookup.js';
import type { AdminAct } from '../../http/context.js';
import { enqueueEmail } from '../email/outbox.js';
import { contactWelcome } from '../email/templates.js';
import { contactReader } from '../../i18n/reader.js';
import { requireDeliverable, sameEmailSql } from '../email/addresses.js';
import { contactColumns, ContactModel, type AdminContactRow } from './models.js';
import { adminContact } from './serialize.js';

export const messages = {
  notFound: 'No such contact.',
  clientNotFound: 'No such client in this firm.',
  emailTaken: 'Another contact of this firm already uses this email.',
  inactive: 'This contact is deactivated: reactivate it first.',
  permissionsAdminOnly: "Only firm admins may change a contact's portal permissions.",
};

type ContactOut = z.input<typeof Contact>;

/** Staff may not read the password hash: every read names the admin API's columns. */
const selectContacts = (db: RequestDb) =>
  ContactModel.query(db.knex)
    .select(contactColumns.map((c) => `contacts.${c}`))
    .castTo<AdminContactRow[]>();

async function find(db: RequestDb, id: string, lock = false): Promise<AdminContactRow> {
  const builder = selectContacts(db).where('contacts.id', id);
  if (lock) builder.forNoKeyUpdate();
  const [contact] = await builder;
  if (!contact) throw new NotFoundError('resource_missing', messages.notFound);
  return contact;
}

function audit(act: AdminAct, action: string, contactId: string, data?: Record<string, unknown>): Promise<void> {
  return recordAudit(
    act.db,
    { action, ...adminActor(act.admin), subjectType: 'contact', subjectId: contactId, ...(data ? { data } : {}) },
    act.meta,
  );
}

/** Permissions as stored: each section once, in the schema's order. */
const canonical = (permissions: readonly string[]) => PortalPermission.options.filter((p) => permissions.includes(p));

/** Unique violations and unknown clients become 409 and 400; anything else is unexpected. */
function mapWriteError(error: unknown): unknown {
  if (isUniqueViolation(error, 'contacts_email')) return new ConflictError('email_taken', messages.emailTaken);
  if (isForeignKeyViolation(error)) return clientNotFound();
  return error;
}

const clientNotFound = () =>
  new ValidationError(
    messages.clientNotFound,
    [{ path: 'body.client_id', code: 'not_found', message: messages.clientNotFound }],
    'client_not_found',
  );

/** A client's primary contact (name and whether active), or undefined when it has none. */
export async function primaryOf(
  db: RequestDb,
  clientId: string,
): Promise<Pick<Row<ContactModel>, 'id' | 'first_name' | 'last_name' | 'active'> | undefined> {
  const [primary] = await ContactModel.query(db.knex)
    .select('id', 'first_name', 'last_name', 'active')
    .where({ client_id: clientId, is_primary: true })
    .castTo<Pick<Row<ContactModel>, 'id' | 'first_name' | 'last_name' | 'active'>[]>();
  return primary && { ...primary };
}

/** The firm's contacts, oldest first; the cursor is the id of the last contact seen. */
export async function list(db: RequestDb, query: ContactListQuery & { limit: number }): Promise<List<ContactOut>> {
  const builder = selectContacts(db)
    .orderBy([{ column: 'contacts.created_at' }, { column: 'contacts.id' }])
    .limit(query.limit + 1);
  if (query.client_id) builder.where('contacts.client_id', query.client_id);
  if (query.email) builder.whereRaw(sameEmailSql('contacts.email'), [query.email]);
  if (query.starting_after) {
    builder.whereRaw(
      '(contacts.created_at, contacts.id) > (SELECT c.created_at, c.id FROM contacts c WHERE c.id = ?)',
      [query.starting_after],
    );
  }
  return toList(await builder, query.limit, adminContact);
}

export async function retrieve(db: RequestDb, id: string): Promise<ContactOut> {
  return adminContact(await find(db, id));
}

/**
 * Makes `contactId` its client's only primary contact. The client row is locked
 * first so two moves of one client's flag queue up; then one UPDATE clears the old
 * flag and sets the new (the exclusion constraint is checked at statement end).
 * Answers the previous primary contact's id.
 */
async function movePrimary(db: RequestDb, clientId: string, contactId: string): Promise<string | null> {
  await clients.lockForUpdate(db, clientId);
  const previous = await ContactModel.query(db.knex)
    .select('id')
    .where({ client_id: clientId, is_primary: true })
    .first();
  await ContactModel.query(db.knex)
    .patch({ is_primary: ContactModel.raw('(id = ?)', [contactId]), updated_at: ContactModel.fn.now() } as never)
    .where('client_id', clientId)
    .where((w) => w.where('is_primary', true).orWhere('id', contactId));
  return previous?.id ?? null;
}

/** Adds a contact to a client (optionally as its primary contact). */
export async function create(
  deps: { config: Pick<Config, 'SMTP_UTF8'> },
  act: AdminAct,
  body: z.output<typeof ContactCreateRequest>,
): Promise<ContactOut> {
  const { db } = act;
  requireDeliverable(deps.config, body.email);
  if (!(await clients.exists(db, body.client_id))) throw clientNotFound();
  const row: Record<string, unknown> = {
    tenant_id: currentTenant(),
    client_id: body.client_id,
    first_name: body.first_name,
    last_name: body.last_name,
    email: body.email,
    title: body.title ?? null,
    phone: body.phone ?? null,
    text_direction: body.text_direction,
    language: body.language ?? null,
    receives_invoice_emails: body.receives_invoice_emails,
  };
  if (body.permissions) row.permissions = canonical(body.permissions);
  let id: string;
  try {
    const inserted = await ContactModel.query(db.knex)
      .insert(row as never)
      .returning('id')
      .castTo<Pick<Row<ContactModel>, 'id'>>();
    id = inserted.id;
  } catch (error) {
    throw mapWriteError(error);
  }
  await audit(act, 'contact.created', id, { client_id: body.client_id });
  if (body.is_primary) {
    const previous = await movePrimary(db, body.client_id, id);
    await audit(act, 'contact.primary_changed', id, { client_id: body.client_id, previous_contact_id: previous });
  }
  return retrieve(db, id);
}

type Changes = z.output<typeof ContactUpdateRequest>;

/**
 * Changes a contact's details; only what differs is written and audited
 * (permissions as their own event, with the sets before and after).
 */
export async function update(
  deps: { config: Pick<Config, 'SMTP_UTF8'> },
  act: AdminAct,
  id: string,
  body: Changes,
): Promise<ContactOut> {
  const { db } = act;
  if (body.email !== undefined) requireDeliverable(deps.config, body.email);
  const before = await find(db, id, true);
  const { permissions, ...details } = body;
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(details)) {
    if (value !== undefined && before[key as keyof typeof details] !== value) changed[key] = value;
  }
  const nextPermissions = permissions ? canonical(permissions) : undefined;
  const permissionsChanged = nextPermissions !== undefined && nextPermissions.join() !== before.permissions.join();
  if (permissionsChanged) changed.permissions = nextPermissions;
  if (Object.keys(changed).length === 0) return adminContact(before);
  try {
    await ContactModel.query(db.knex)
      .patch({ ...changed, updated_at: ContactModel.fn.now() } as never)
      .where({ id });
  } catch (error) {
    throw mapWriteError(error);
  }
  const fields = Object.keys(changed).filter((k) => k !== 'permissions');
  if (fields.length) await audit(act, 'contact.updated', id, { fields });
  if (permissionsChanged) {
    await audit(act, 'contact.permissions_changed', id, { from: before.permissions, to: nextPermissions });
  }
  return retrieve(db, id);
}

/** Makes an active contact its client's primary contact. */
export async function setPrimary(act: AdminAct, id: string): Promise<ContactOut> {
  const contact = await find(act.db, id, true);
  if (!contact.active) throw new ConflictError('contact_inactive', messages.inactive);
  if (contact.is_primary) return adminContact(contact);
  const previous = await movePrimary(act.db, contact.client_id, id);
  await audit(act, 'contact.primary_changed', id, { client_id: contact.client_id, previous_contact_id: previous });
  return retrieve(act.db, id);
}

/**
 * Deactivates or reactivates a contact. Deactivation ends its sessions and open
 * links at once (a database trigger, whatever path made the change) and leaves the
 * primary flag where it is. Doing it twice changes nothing.
 */
export async function setActive(act: AdminAct, id: string, active: boolean): Promise<ContactOut> {
  const [changed] = await ContactModel.query(act.db.knex)
    .patch({ active, updated_at: ContactModel.fn.now() } as never)
    .where({ id })
    .whereNot({ active })
    .returning('id')
    .castTo<Pick<Row<ContactModel>, 'id'>[]>();
  if (changed) await audit(act, active ? 'contact.reactivated' : 'contact.deactivated', id);
  return retrieve(act.db, id);
}

export interface PortalAccessDeps {
  config: Config;
  keyring: Keyring;
}

/**
 * Gives an active contact portal access and, if asked, either sets its password
 * (hashed before anything is written) or queues a welcome email with a fresh
 * single-use set-password link on the firm's public URL (the previous link dies).
 */
export async function enablePortalAccess(
  deps: PortalAccessDeps,
  act: AdminAct,
  id: string,
  body: z.output<typeof PortalAccessRequest>,
): Promise<ContactOut> {
  const { db, admin } = act;
  if (body.password !== undefined) checkNewPassword(body.password);
  const found = await find(db, id);
  if (!found.active) throw new ConflictError('contact_inactive', messages.inactive);
  // An address taken while SMTP_UTF8 was on cannot be sent to once it is off: say so before anything is written.
  if (body.send_welcome) requireDeliverable(deps.config, found.email, 'body.send_welcome');
  const passwordHash = body.password !== undefined ? await hashPassword(body.password) : undefined;

  const contact = await find(db, id, true);
  if (!contact.active) throw new ConflictError('contact_inactive', messages.inactive);
  if (!contact.portal_access) {
    await ContactModel.query(db.knex)
      .patch({ portal_access: true, updated_at: ContactModel.fn.now() } as never)
      .where({ id });
    await audit(act, 'contact.portal_access_enabled', id);
  }
  if (passwordHash !== undefined) {
    await db.query(`SELECT caseflow.set_contact_password($1, $2)`, [id, passwordHash]);
    await audit(act, 'contact.password_set', id);
  }
  if (body.send_welcome) {
    const { token, expiresAt } = await issueOneTimeToken(db, 'contact_welcome', { contactId: id });
    const publicUrl = await tenants.currentPublicUrl(db);
    const base = tenantPublicUrl(deps.config, { tenant_slug: admin.tenant_slug, public_url: publicUrl });
    const url = `${base}/clients/set-password#token=${token}`;
    const reader = contactReader(contact.language, admin);
    const email = contactWelcome({ reader, firm: admin.tenant_name, firstName: contact.first_name, url });
    await enqueueEmail(db, deps.keyring, admin.tenant_id, contact.email, email);
    await audit(act, 'contact.welcome_sent', id, { expires_at: expiresAt.toISOString() });
  }
  return retrieve(db, id);
}

/** Takes portal access away; the contact's login sessions and open links end at once (trigger). */
export async function disablePortalAccess(act: AdminAct, id: string): Promise<ContactOut> {
  const [changed] = await ContactModel.query(act.db.knex)
    .patch({ portal_access: false, updated_at: ContactModel.fn.now() } as never)
    .where({ id, portal_access: true })
    .returning('id')
    .castTo<Pick<Row<ContactModel>, 'id'>[]>();
  if (changed) await audit(act, 'contact.portal_access_disabled', id);
  return retrieve(act.db, id);
}
