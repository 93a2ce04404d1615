/**
 * What the portal role may see and write, read from the database catalogs
 * (never a hand-kept list), and the visibility rules checked against it. Shared
 * by the schema test (test/server/db/visibility-rules.test.ts) and the canary
 * crawl (test/server/walls/), so a table another capability adds later is
 * covered the moment its migration runs.
 */
import type { Knex } from 'knex';

export const PORTAL_ROLE = 'caseflow_portal';

/**
 * Tables the portal reads that are firm-wide, not one client's: they carry no
 * client_id. Each with the reason, and whether (and why) the portal may write it.
 */
export const firmWideTables: Record<string, { reason: string; writes?: string }> = {
  tenants: { reason: 'the firm itself: name, branding, address and public URL shown on every page and PDF' },
  staff_users: { reason: 'the firm’s people, by name only (column grants: tenant_id, id, first_name, last_name)' },
  announcements: { reason: 'published to every client of the firm; the policy shows only published ones' },
  tenant_keys: {
    reason: 'the firm’s wrapped data keys (wrapped by the master key), needed to seal outgoing mail',
    writes: 'a portal request that sends the first mail of a firm creates its key',
  },
  stripe_accounts: {
    reason: 'the firm’s payment settings a checkout needs (column grants: no webhook secret, no key digits)',
  },
  tenant_logos: { reason: 'the firm’s logo, shown in every page’s header and on every invoice PDF' },
};

/** Tables whose rows are the client itself: the policy pins `id`, not `client_id`. */
export const clientItselfTables: Record<string, string> = {
  clients: 'the client row itself: its id is the client (the policy pins id = caseflow.current_client())',
};

/**
 * Tables scoped by principal rather than by client: the row names its contact in
 * another form, and the policy pins that.
 */
export const perPrincipalTables: Record<string, { reason: string; pin: RegExp }> = {
  idempotency_keys: {
    reason:
      'shared by staff and portal principals; a portal row is keyed principal = contact:<id> and the policy pins it',
    pin: /principal = \('contact:'::text \|\| caseflow\.current_contact\(\)\)/,
  },
};

/** Internal sinks the request roles append to but never read back. */
export const writeOnlyTables: Record<string, string> = {
  audit_events: 'the audit log: the portal may INSERT its own actions, never SELECT (not even RETURNING)',
  email_outbox: 'mail is queued by the request, read and delivered by the worker role only',
  domain_events: 'what happened, recorded with the change; read by the worker role only, never by the portal',
};

/** Tables the portal may DELETE from, each with the reason (its policy confines it to its own rows). */
export const portalDeletable: Record<string, string> = {
  idempotency_keys: 'a failed request releases its own in-progress claim (own-transaction endpoints), so a retry runs',
};

/**
 * Internal tables: the portal holds no grant at all on them (when they exist).
 * Tables named like internal records are checked too (see `internalByName`).
 */
export const internalTables = [
  'api_keys',
  'invoice_internal_notes',
  'client_credits',
  'sessions',
  'one_time_tokens',
  'password_reset_requests',
  'stripe_events',
  'invoice_counters',
  'rate_limits',
  'leads',
  'matter_parties',
  'conflict_checks',
  'conflict_check_matches',
  'internal_notes',
  'matter_threads',
  'matter_thread_messages',
  'practice_areas',
  'financial_reports',
  'reports',
];
/** A table with one of these words in its name is internal unless listed as client-visible here. */
export const internalByName = /(internal|thread|lead|conflict|report|api_key|audit)/;

export interface ColumnInfo {
  name: string;
  type: string;
  nullable: boolean;
  portalSelect: boolean;
  portalInsert: boolean;
  portalUpdate: boolean;
}

export interface TableInfo {
  name: string;
  rls: boolean;
  forced: boolean;
  portalSelect: boolean;
  portalInsert: boolean;
  portalUpdate: boolean;
  portalDelete: boolean;
  columns: ColumnInfo[];
}

/** Every table of the public schema, with what the portal role may do on it and each column. */
export async function tables(db: Knex): Promise<TableInfo[]> {
  const { rows } = await db.raw<{ rows: (Omit<TableInfo, 'columns'> & { oid: number })[] }>(
    `SELECT c.oid::int AS oid, c.relname AS name, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
            has_any_column_privilege(:role, c.oid, 'SELECT') AS "portalSelect",
            has_any_column_privilege(:role, c.oid, 'INSERT') AS "portalInsert",
            has_any_column_privilege(:role, c.oid, 'UPDATE') AS "portalUpdate",
            has_table_privilege(:role, c.oid, 'DELETE') AS "portalDelete"
       FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
      ORDER BY c.relname`,
    { role: PORTAL_ROLE },
  );
  const columns = await db.raw<{ rows: (ColumnInfo & { oid: number })[] }>(
    `SELECT a.attrelid::int AS oid, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
            NOT a.attnotnull AS nullable,
            has_column_privilege(:role, a.attrelid, a.attname, 'SELECT') AS "portalSelect",
            has_column_privilege(:role, a.attrelid, a.attname, 'INSERT') AS "portalInsert",
            has_column_privilege(:role, a.attrelid, a.attname, 'UPDATE') AS "portalUpdate"
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY a.attrelid, a.attnum`,
    { role: PORTAL_ROLE },
  );
  return rows.map(({ oid, ...t }) => ({
    ...t,
    columns: columns.rows.filter((c) => c.oid === oid).map(({ oid: _, ...c }) => c),
  }));
}

export interface PolicyInfo {
  table: string;
  name: string;
  permissive: boolean;
  cmd: 'ALL' | 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE';
  qual: string | null;
  withCheck: string | null;
}

/** The policies that apply to the portal role (its own, and any to PUBLIC). */
export async function portalPolicies(db: Knex): Promise<PolicyInfo[]> {
  const { rows } = await db.raw<{ rows: PolicyInfo[] }>(
    `SELECT tablename AS "table", policyname AS name, permissive = 'PERMISSIVE' AS permissive, cmd,
            qual, with_check AS "withCheck"
       FROM pg_policies
      WHERE schemaname = 'public' AND (:role = ANY (roles) OR 'public' = ANY (roles))
      ORDER BY tablename, policyname`,
    { role: PORTAL_ROLE },
  );
  return rows;
}

export interface ForeignKeyInfo {
  table: string;
  name: string;
  references: string;
  /** Pairs of (local column, referenced column). */
  pairs: [string, string][];
}

export async function foreignKeys(db: Knex): Promise<ForeignKeyInfo[]> {
  const { rows } = await db.raw<{ rows: { table: string; name: string; references: string; pairs: string[][] }[] }>(
    `SELECT c.conrelid::regclass::text AS "table", c.conname AS name, c.confrelid::regclass::text AS "references",
            array(SELECT ARRAY[la.attname::text, ra.attname::text]
                    FROM unnest(c.conkey, c.confkey) AS k(l, r)
                    JOIN pg_attribute la ON la.attrelid = c.conrelid AND la.attnum = k.l
                    JOIN pg_attribute ra ON ra.attrelid = c.confrelid AND ra.attnum = k.r) AS pairs
       FROM pg_constraint c
      WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
      ORDER BY 1, 2`,
  );
  return rows.map((r) => ({ ...r, pairs: r.pairs.map((p) => [p[0]!, p[1]!] as [string, string]) }));
}

const clientPin = /\bclient_id = caseflow\.current_client\(\)/;
const contactPin = /\bcontact_id = caseflow\.current_contact\(\)/;
const idPin = /\bid = caseflow\.current_client\(\)/;

/** The portal-readable tables whose rows belong to one client (everything but the listed exceptions). */
export function clientScoped(all: TableInfo[]): TableInfo[] {
  return all.filter(
    (t) =>
      t.portalSelect &&
      !(t.name in firmWideTables) &&
      !(t.name in clientItselfTables) &&
      !(t.name in perPrincipalTables),
  );
}

/**
 * Every breach of the visibility rules, as sentences naming the table (empty
 * when the schema keeps them). See DESIGN §4.
 */
export async function visibilityProblems(db: Knex): Promise<string[]> {
  const all = await tables(db);
  const policies = await portalPolicies(db);
  const fks = await foreignKeys(db);
  const byName = new Map(all.map((t) => [t.name, t]));
  const problems: string[] = [];
  const hasColumn = (t: TableInfo | undefined, c: string) => !!t?.columns.some((x) => x.name === c);

  for (const t of all) {
    const portalAny = t.portalSelect || t.portalInsert || t.portalUpdate || t.portalDelete;
    if (portalAny && (!t.rls || !t.forced))
      problems.push(`${t.name}: the portal has a grant but row-level security is not enabled and forced`);
    const internal = internalTables.includes(t.name) || internalByName.test(t.name);
    if (t.name in writeOnlyTables) {
      if (t.portalSelect || t.portalUpdate || t.portalDelete)
        problems.push(
          `${t.name}: write-only for the portal (${writeOnlyTables[t.name]}), but it may read or change it`,
        );
      continue;
    }
    if (internal && portalAny) problems.push(`${t.name}: internal table, but the portal holds a grant on it`);
    if (t.portalDelete && !(t.name in portalDeletable)) problems.push(`${t.name}: the portal may DELETE rows`);
  }

  const staff = byName.get('staff_users');
  const staffColumns = staff?.columns.filter((c) => c.portalSelect).map((c) => c.name) ?? [];
  if (staff && staffColumns.join(',') !== 'tenant_id,id,first_name,last_name')
    problems.push(
      `staff_users: the portal may read ${staffColumns.join(', ')} (only tenant_id, id, first_name, last_name)`,
    );
  if (staff && (staff.portalInsert || staff.portalUpdate)) problems.push('staff_users: the portal may write it');

  for (const t of all.filter((x) => x.portalSelect && x.name in firmWideTables)) {
    if ((t.portalInsert || t.portalUpdate) && !firmWideTables[t.name]!.writes)
      problems.push(`${t.name}: firm-wide table the portal may write, with no reason listed`);
  }
  for (const t of all.filter((x) => x.portalSelect && x.name in clientItselfTables)) {
    const reads = policies.filter((p) => p.table === t.name && ['SELECT', 'ALL'].includes(p.cmd) && p.permissive);
    if (reads.length === 0 || reads.some((p) => !idPin.test(p.qual ?? '')))
      problems.push(`${t.name}: its portal read policy does not pin id = caseflow.current_client()`);
    if (t.portalInsert || t.portalUpdate) problems.push(`${t.name}: the portal may write the client row`);
  }
  for (const t of all.filter((x) => x.portalSelect && x.name in perPrincipalTables)) {
    const { pin } = perPrincipalTables[t.name]!;
    for (const p of policies.filter((x) => x.table === t.name && x.permissive)) {
      if (!pin.test(p.qual ?? p.withCheck ?? '') || (p.cmd !== 'SELECT' && !pin.test(p.withCheck ?? p.qual ?? '')))
        problems.push(`${t.name}: policy ${p.name} does not pin the contact principal`);
    }
  }

  for (const t of clientScoped(all)) {
    const clientId = t.columns.find((c) => c.name === 'client_id');
    if (!clientId) {
      problems.push(
        `${t.name}: the portal can read it but it has no client_id column (add one, or list it as firm-wide with the reason)`,
      );
    } else if (clientId.nullable) {
      problems.push(`${t.name}: client_id is nullable`);
    }
    const reads = policies.filter((p) => p.table === t.name && ['SELECT', 'ALL'].includes(p.cmd) && p.permissive);
    if (reads.length === 0) problems.push(`${t.name}: no portal read policy`);
    for (const p of reads)
      if (!clientPin.test(p.qual ?? '')) problems.push(`${t.name}: read policy ${p.name} does not pin client_id`);

    for (const fk of fks.filter((f) => f.table === t.name)) {
      const target = byName.get(fk.references);
      const targetIsClient = fk.references in clientItselfTables;
      const targetScoped = targetIsClient || hasColumn(target, 'client_id');
      if (!targetScoped) continue;
      const wanted: [string, string] = ['client_id', targetIsClient ? 'id' : 'client_id'];
      if (!fk.pairs.some(([l, r]) => l === wanted[0] && r === wanted[1]))
        problems.push(
          `${t.name}: foreign key ${fk.name} to ${fk.references} omits client_id (it must map client_id to ${fk.references}.${wanted[1]})`,
        );
    }

    if (t.portalInsert || t.portalUpdate) {
      const writes = policies.filter(
        (p) => p.table === t.name && p.permissive && ['INSERT', 'UPDATE', 'ALL'].includes(p.cmd),
      );
      const contact = t.columns.find((c) => c.name === 'contact_id');
      for (const p of writes) {
        const check = p.withCheck ?? p.qual ?? '';
        if (!clientPin.test(check))
          problems.push(`${t.name}: write policy ${p.name} does not pin client_id in WITH CHECK`);
        // An update that cannot change contact_id (no column grant) may act on a row another
        // contact of the same client opened (closing that contact's checkout): only inserts must pin it.
        const mustPinContact = contact && (p.cmd !== 'UPDATE' || contact.portalUpdate);
        if (mustPinContact && !contactPin.test(check))
          problems.push(`${t.name}: write policy ${p.name} does not pin contact_id in WITH CHECK`);
      }
      if (writes.length === 0) problems.push(`${t.name}: the portal may write it but no policy says which rows`);
      if (t.columns.find((c) => c.name === 'client_id')?.portalUpdate)
        problems.push(`${t.name}: the portal may UPDATE client_id`);
    }
  }
  return problems;
}
