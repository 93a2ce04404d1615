import type { z } from 'zod';
import type { List, ListQuery } from '../../../sdk/schemas/common.js';
import type {
  Tenant as TenantSchema,
  TenantCreated,
  TenantCreateRequest,
  TenantStatus,
  TenantUpdateRequest,
} from '../../../sdk/schemas/tenants.js';
import { tenantPublicUrl } from '../../config.js';
import type { RequestDb } from '../../db/request-db.js';
import { actAsTenant } from '../../db/request-transaction.js';
import { ConflictError, NotFoundError } from '../../errors.js';
import type { Deps, RequestMeta } from '../../http/context.js';
import { keysetPage, toList } from '../../http/pagination.js';
import { issueOneTimeToken } from '../../security/one-time-tokens.js';
import { platformActor, recordAudit } from '../audit/service.js';
import { enqueueEmail } from '../email/outbox.js';
import { staffInvite } from '../email/templates.js';
import { staffReader } from '../../i18n/reader.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { Row } from '../../db/model.js';
import * as staff from '../staff/service.js';
import { requireDeliverable } from '../email/addresses.js';
import { FirmModel, tenantColumns } from './models.js';
import { platformTenant, platformTenantAdmin } from './serialize.js';

export const messages = {
  slugTaken: (slug: string) => `The slug "${slug}" is taken.`,
  notFound: (slug: string) => `No firm has the slug "${slug}".`,
};

/** What a platform use case needs from its request: the transaction, who asked from where, and after-commit work. */
export interface PlatformCall {
  db: RequestDb;
  meta: RequestMeta;
  afterCommit(fn: () => void): void;
}

type TenantDeps = Pick<Deps, 'config' | 'keyring' | 'tenants'>;
type TenantView = z.input<typeof TenantSchema>;

type Firm = Row<FirmModel>;

const selectFirms = (db: RequestDb) =>
  FirmModel.query(db.knex)
    .select(...tenantColumns)
    .castTo<Firm[]>();

async function find(db: RequestDb, slug: string, forUpdate = false): Promise<Firm> {
  const builder = selectFirms(db).where({ slug });
  if (forUpdate) builder.forUpdate();
  const [row] = await builder;
  if (!row) throw new NotFoundError('tenant_not_found', messages.notFound(slug));
  return row;
}

/**
 * Creates a firm and its first admin, who gets a single-use set-password link
 * (48 hours) on the firm's public URL. One transaction: a failure leaves no
 * firm, no admin and no email behind; the email's job runs after commit.
 */
export async function create(
  deps: TenantDeps,
  { db, meta, afterCommit }: PlatformCall,
  input: z.output<typeof TenantCreateRequest>,
): Promise<z.input<typeof TenantCreated>> {
  requireDeliverable(deps.config, input.admin.email, 'body.admin.email');
  let tenant: Firm;
  try {
    tenant = await FirmModel.query(db.knex)
      .insert({
        slug: input.slug,
        name: input.name,
        plan: input.plan,
        locale: input.locale,
        currency: input.currency,
        timezone: input.timezone,
        primary_color: input.primary_color ?? null,
        allowed_origins: input.allowed_origins,
        public_url: input.public_url ?? null,
      } as never)
      .returning(tenantColumns as never)
      .castTo<Firm>();
  } catch (error) {
    if (isUniqueViolation(error, 'tenants_slug_key')) {
      throw new ConflictError('slug_taken', messages.slugTaken(input.slug));
    }
    throw error;
  }
  await actAsTenant(db, tenant.id);

  const admin = await staff.insertFirstAdmin(db, input.admin);
  const { token } = await issueOneTimeToken(db, 'staff_invite', { staffUserId: admin.id });
  const base = tenantPublicUrl(deps.config, { tenant_slug: tenant.slug, public_url: tenant.public_url });
  await enqueueEmail(
    db,
    deps.keyring,
    tenant.id,
    admin.email,
    staffInvite({
      reader: staffReader(tenant),
      firm: tenant.name,
      firstName: admin.first_name,
      url: `${base}/staff/set-password#token=${token}`,
    }),
  );

  await recordAudit(
    db,
    {
      action: 'tenant.created',
      ...platformActor,
      subjectType: 'tenant',
      subjectId: tenant.id,
      data: { plan: tenant.plan },
    },
    meta,
  );
  await recordAudit(
    db,
    {
      action: 'staff.invited',
      ...platformActor,
      subjectType: 'staff_user',
      subjectId: admin.id,
      data: { role: 'admin' },
    },
    meta,
  );
  afterCommit(() => {
    // A lookup of this slug before it existed may be cached as "no origins".
    deps.tenants.forget(tenant.slug);
  });
  return { tenant: platformTenant(deps.config, tenant), admin: platformTenantAdmin(admin) };
}

/** Every firm, newest first (keyset pagination). */
export async function list(deps: TenantDeps, db: RequestDb, page: ListQuery): Promise<List<TenantView>> {
  const rows = await keysetPage(selectFirms(db), 'tenants', page);
  return toList(rows, page.limit, (row) => platformTenant(deps.config, row));
}

export async function retrieve(deps: TenantDeps, db: RequestDb, slug: string): Promise<TenantView> {
  return platformTenant(deps.config, await find(db, slug));
}

type UpdateInput = z.output<typeof TenantUpdateRequest>;
type Field = keyof UpdateInput;

/** The columns an update may set (the request schema allows no others either). */
const updatable: readonly Field[] = ['name', 'plan', 'public_url'];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Changes what the operator asked for, and only what differs: a plan change is
 * audited as such (from, to), the other fields by name. A downgrade is only a
 * column change: every record stays, the portal's plan gate does the rest.
 */
export async function update(
  deps: TenantDeps,
  { db, meta }: PlatformCall,
  slug: string,
  input: UpdateInput,
): Promise<TenantView> {
  const current = await find(db, slug, true);
  const changed = updatable.filter((field) => input[field] !== undefined && !same(input[field], current[field]));
  if (changed.length === 0) return platformTenant(deps.config, current);

  const [row] = await FirmModel.query(db.knex)
    .patch({
      ...Object.fromEntries(changed.map((field) => [field, input[field]])),
      updated_at: FirmModel.fn.now(),
    } as never)
    .where({ id: current.id })
    .returning(tenantColumns as never)
    .castTo<Firm[]>();

  await actAsTenant(db, current.id);
  const subject = { ...platformActor, subjectType: 'tenant', subjectId: current.id };
  if (changed.includes('plan')) {
    await recordAudit(
      db,
      { action: 'tenant.plan_changed', ...subject, data: { from: current.plan, to: row!.plan } },
      meta,
    );
  }
  const others = changed.filter((field) => field !== 'plan');
  if (others.length > 0) {
    await recordAudit(db, { action: 'tenant.updated', ...subject, data: { fields: others } }, meta);
  }
  return platformTenant(deps.config, row!);
}

/**
 * Disables or re-enables a firm. Every way in (hosts, portal and admin APIs,
 * CORS) checks the status, so a disabled firm answers 404 at once; its data is
 * untouched. Setting the status it already has changes nothing.
 */
export async function setStatus(
  deps: TenantDeps,
  { db, meta, afterCommit }: PlatformCall,
  slug: string,
  status: TenantStatus,
): Promise<TenantView> {
  const current = await find(db, slug, true);
  if (current.status === status) return platformTenant(deps.config, current);
  const [row] = await FirmModel.query(db.knex)
    .patch({ status, updated_at: FirmModel.fn.now() } as never)
    .where({ id: current.id })
    .returning(tenantColumns as never)
    .castTo<Firm[]>();
  await actAsTenant(db, current.id);
  await recordAudit(
    db,
    {
      action: status === 'disabled' ? 'tenant.disabled' : 'tenant.enabled',
      ...platformActor,
      subjectType: 'tenant',
      subjectId: current.id,
    },
    meta,
  );
  afterCommit(() => deps.tenants.forget(current.slug));
  return platformTenant(deps.config, row!);
}
