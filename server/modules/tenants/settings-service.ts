import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { FirmSettings, FirmSettingsUpdate } from '../../../sdk/schemas/tenants.js';
import type { RequestDb } from '../../db/request-db.js';
import type { AdminScope } from '../../db/request-transaction.js';
import { AppError, BadRequestError } from '../../errors.js';
import type { Deps, RequestMeta } from '../../http/context.js';
import { logoPath } from '../../portal/branding.js';
import { adminActor, recordAudit } from '../audit/service.js';
import { enqueueEmail } from '../email/outbox.js';
import { readImage } from '../../../sdk/images.js';
import { paymentInstructionsChanged, type ChangedBy, type InstructionsText } from './settings-email.js';
import { staffReader } from '../../i18n/reader.js';

export const settingsMessages = {
  notImage: 'The logo must be a PNG or JPEG image.',
  tooLarge: (maxBytes: number) => `The logo must be at most ${maxBytes / 1024} KB.`,
  empty: 'The logo file is empty: choose a PNG or JPEG image.',
};

/** What a settings use case needs from its request. */
export interface SettingsCall {
  db: RequestDb;
  admin: AdminScope;
  meta: RequestMeta;
  afterCommit(fn: () => void): void;
}

type SettingsDeps = Pick<Deps, 'keyring' | 'tenants'>;
type SettingsView = z.input<typeof FirmSettings>;
type UpdateInput = z.output<typeof FirmSettingsUpdate>;

interface SettingsRow {
  id: string;
  slug: string;
  name: string;
  primary_color: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  locale: string;
  currency: string;
  timezone: string;
  invoice_prefix: string;
  allowed_origins: string[];
  payment_bank_details: string | null;
  payment_remit_to: string | null;
  payment_notes: string | null;
  payment_instructions_updated_at: Date | null;
  updated_at: Date;
  logo_media_type: 'image/png' | 'image/jpeg' | null;
  logo_bytes: number | null;
  logo_sha256: string | null;
  logo_width: number | null;
  logo_height: number | null;
  logo_updated_at: Date | null;
}

/** The firm's row and its logo's facts (never its bytes); row-level security narrows both to this firm. */
async function readRow(db: RequestDb, forUpdate = false): Promise<SettingsRow> {
  const [row] = await db.query<SettingsRow>(
    `SELECT t.id, t.slug, t.name, t.primary_color, t.address, t.phone, t.email, t.website, t.locale, t.currency,
            t.timezone, t.invoice_prefix, t.allowed_origins, t.payment_bank_details, t.payment_remit_to,
            t.payment_notes, t.payment_instructions_updated_at, t.updated_at,
            l.media_type AS logo_media_type, octet_length(l.content) AS logo_bytes, l.sha256 AS logo_sha256,
            l.width AS logo_width, l.height AS logo_height, l.updated_at AS logo_updated_at
       FROM tenants t LEFT JOIN tenant_logos l ON l.tenant_id = t.id${forUpdate ? ' FOR UPDATE OF t' : ''}`,
  );
  if (!row) throw new Error('the firm of this request has no row');
  return row;
}

function view(row: SettingsRow): SettingsView {
  return {
    name: row.name,
    primary_color: row.primary_color,
    logo:
      row.logo_sha256 && row.logo_media_type
        ? {
            url: logoPath(row.logo_sha256, row.logo_media_type),
            media_type: row.logo_media_type,
            bytes: Number(row.logo_bytes),
            width: row.logo_width!,
            height: row.logo_height!,
            updated_at: row.logo_updated_at!.toISOString(),
          }
        : null,
    address: row.address,
    phone: row.phone,
    email: row.email,
    website: row.website,
    locale: row.locale,
    currency: row.currency,
    timezone: row.timezone,
    invoice_prefix: row.invoice_prefix,
    allowed_origins: row.allowed_origins,
    payment_instructions: instructionsOf(row, row.payment_instructions_updated_at),
    updated_at: row.updated_at.toISOString(),
  };
}

function instructionsOf(row: SettingsRow, updatedAt: Date | null) {
  return {
    bank_details: row.payment_bank_details,
    remit_to: row.payment_remit_to,
    notes: row.payment_notes,
    updated_at: updatedAt ? updatedAt.toISOString() : null,
  };
}

export async function retrieve(db: RequestDb): Promise<SettingsView> {
  return view(await readRow(db));
}

/** The plain settings: each is its own column, named as in the request. */
const plainFields = [
  'primary_color',
  'address',
  'phone',
  'email',
  'website',
  'locale',
  'currency',
  'timezone',
  'invoice_prefix',
  'allowed_origins',
] as const;

/** The payment instructions' request keys and their columns. */
const instructionColumns = {
  bank_details: 'payment_bank_details',
  remit_to: 'payment_remit_to',
  notes: 'payment_notes',
} as const satisfies Record<keyof InstructionsText, keyof SettingsRow>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Who made a change, as a person reads it: the staff user's name and email, or the API key's name. */
/** Who made the change, for the warning: a staff user by name and email, an API key by its name. */
async function changedByOf(db: RequestDb, admin: AdminScope): Promise<ChangedBy> {
  if (admin.principal_type === 'staff') {
    const [user] = await db.query<{ first_name: string; last_name: string; email: string }>(
      'SELECT first_name, last_name, email FROM staff_users WHERE id = $1',
      [admin.principal_id],
    );
    return user
      ? { kind: 'staff', name: `${user.first_name} ${user.last_name}`, email: user.email }
      : { kind: 'staff', name: null };
  }
  const [key] = await db.query<{ name: string }>('SELECT name FROM api_keys WHERE id = $1', [admin.principal_id]);
  return { kind: 'api_key', name: key?.name ?? null };
}

/**
 * Changes what differs and nothing else. A change of the payment instructions
 * also dates them, is audited with the old and new text, and warns every
 * active admin by email in the same transaction (so it is sent only if the
 * change commits).
 */
export async function update(
  deps: SettingsDeps,
  { db, admin, meta, afterCommit }: SettingsCall,
  input: UpdateInput,
): Promise<SettingsView> {
  const current = await readRow(db, true);
  const patch: Record<string, unknown> = {};
  const fields: string[] = [];
  for (const field of plainFields) {
    const value = input[field];
    if (value !== undefined && !same(value, current[field])) {
      patch[field] = value;
      fields.push(field);
    }
  }
  const before: InstructionsText = {
    bank_details: current.payment_bank_details,
    remit_to: current.payment_remit_to,
    notes: current.payment_notes,
  };
  const after: InstructionsText = { ...before };
  for (const [key, column] of Object.entries(instructionColumns) as [keyof InstructionsText, string][]) {
    const value = input.payment_instructions?.[key];
    if (value !== undefined && value !== before[key]) {
      patch[column] = value;
      after[key] = value;
      fields.push(`payment_instructions.${key}`);
    }
  }
  if (fields.length === 0) return view(current);
  const instructionsChanged = fields.some((field) => field.startsWith('payment_instructions.'));

  const columns = Object.keys(patch);
  const sets = columns.map((column, i) =>
    column === 'allowed_origins' ? `${column} = $${i + 1}::text[]` : `${column} = $${i + 1}`,
  );
  sets.push('updated_at = now()');
  if (instructionsChanged) sets.push('payment_instructions_updated_at = now()');
  await db.query(
    `UPDATE tenants SET ${sets.join(', ')}`,
    columns.map((column) => patch[column]),
  );

  const subject = { ...adminActor(admin), subjectType: 'tenant', subjectId: current.id };
  await recordAudit(db, { action: 'settings.updated', ...subject, data: { fields } }, meta);
  if (instructionsChanged) {
    await recordAudit(
      db,
      { action: 'settings.payment_instructions_changed', ...subject, data: { old: before, new: after } },
      meta,
    );
  }
  const updated = await readRow(db);
  if (instructionsChanged) await warnAdmins(deps, db, admin, updated, before, after);
  if (fields.includes('allowed_origins')) afterCommit(() => deps.tenants.forget(current.slug));
  return view(updated);
}

/** Emails every active admin of the firm (the one who made the change too: their account may be the stolen one). */
async function warnAdmins(
  deps: SettingsDeps,
  db: RequestDb,
  admin: AdminScope,
  firm: SettingsRow,
  before: InstructionsText,
  after: InstructionsText,
): Promise<void> {
  const changedBy = await changedByOf(db, admin);
  // Staff read the firm's language; the change's own time is in its (possibly just changed) locale and time zone.
  const reader = staffReader(firm);
  const admins = await db.query<{ email: string; first_name: string }>(
    `SELECT email, first_name FROM staff_users WHERE role = 'admin' AND active ORDER BY email`,
  );
  for (const to of admins) {
    await enqueueEmail(
      db,
      deps.keyring,
      admin.tenant_id,
      to.email,
      paymentInstructionsChanged({
        reader,
        firm: admin.tenant_name,
        firstName: to.first_name,
        changedBy,
        changedAt: firm.payment_instructions_updated_at!,
        old: before,
        new: after,
      }),
    );
  }
}

/** Reads the whole upload (it is small), refusing what is not a sound PNG or JPEG. */
export function checkLogo(bytes: Buffer, maxBytes: number) {
  if (bytes.length === 0) throw new BadRequestError('logo_empty', settingsMessages.empty);
  if (bytes.length > maxBytes)
    throw new AppError(413, 'invalid_request', 'logo_too_large', settingsMessages.tooLarge(maxBytes));
  const image = readImage(bytes);
  if (!image) throw new AppError(415, 'invalid_request', 'logo_not_png_or_jpeg', settingsMessages.notImage);
  return image;
}

/** Stores the logo (replacing any other) in one short transaction, once its bytes were read and checked. */
export async function storeLogo(
  { db, admin, meta }: SettingsCall,
  bytes: Buffer,
  image: ReturnType<typeof checkLogo>,
): Promise<SettingsView> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await db.query(
    `INSERT INTO tenant_logos (tenant_id, media_type, content, sha256, width, height, updated_at)
     VALUES (caseflow.current_tenant(), $1, $2, $3, $4, $5, now())
     ON CONFLICT (tenant_id) DO UPDATE SET media_type = EXCLUDED.media_type, content = EXCLUDED.content,
       sha256 = EXCLUDED.sha256, width = EXCLUDED.width, height = EXCLUDED.height, updated_at = now()`,
    [image.mediaType, bytes, sha256, image.width, image.height],
  );
  await db.query('UPDATE tenants SET updated_at = now()');
  await recordAudit(
    db,
    {
      action: 'settings.updated',
      ...adminActor(admin),
      subjectType: 'tenant',
      subjectId: admin.tenant_id,
      data: { fields: ['logo'], logo: { media_type: image.mediaType, bytes: bytes.length, sha256 } },
    },
    meta,
  );
  return view(await readRow(db));
}

/** Removes the logo; removing none changes nothing. */
export async function deleteLogo({ db, admin, meta }: SettingsCall): Promise<SettingsView> {
  const removed = await db.query<{ sha256: string }>('DELETE FROM tenant_logos RETURNING sha256');
  if (removed.length > 0) {
    await db.query('UPDATE tenants SET updated_at = now()');
    await recordAudit(
      db,
      {
        action: 'settings.updated',
        ...adminActor(admin),
        subjectType: 'tenant',
        subjectId: admin.tenant_id,
        data: { fields: ['logo'], logo: null },
      },
      meta,
    );
  }
  return view(await readRow(db));
}
