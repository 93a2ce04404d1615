/**
 * Canaries for the crawl: a unique marker in every field and record the portal
 * must never show. What counts as never-see is read from the database, not
 * listed by hand:
 *  - every column the portal role lacks SELECT on (whole internal tables too),
 *    in every row;
 *  - every text column of every row the portal cannot see in its session's
 *    scope (other clients, other firms, drafts, unpublished announcements…),
 *    found by reading each table's primary keys as caseflow_portal.
 * The pass runs as the owner (RLS bypassed) and tries each column in turn inside
 * a savepoint; a column that refuses arbitrary text must be explained (a fixed
 * vocabulary CHECK is recognised; anything else goes in `refusals` with the reason).
 */
import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { PORTAL_ROLE } from '../../helpers/visibility.js';

/** One marker per run; every canary contains it, so a scan looks for this string alone (case-insensitively). */
export const marker = `cnry${randomBytes(4).toString('hex')}`;
let counter = 0;
/** A fresh canary, e.g. "CANARY cnry1a2b3c4d-0007 payments.note". */
export const canary = (kind: string) => `CANARY ${marker}-${String(++counter).padStart(4, '0')} ${kind}`;
export const canaryEmail = () => `${marker}-${String(++counter).padStart(4, '0')}@canary.example`;

/**
 * Secret numbers (when the column exists) get a distinctive value in every row,
 * which the scan recognises however it is formatted (987654321, 9,876,543.21).
 */
export const secretNumbers = ['staff_users.hourly_rate', 'leads.value'];
export const secretNumber = 987_654_321;
const secretNumberPattern = /(?<![0-9A-Fa-f])9[,.\s\u00a0\u202f']?876[,.\s\u00a0\u202f']?543(?:[.,]?21)?(?![0-9])/;

/** Tables that are not application data (the migrator's bookkeeping). */
export const notData: Record<string, string> = {
  knex_migrations: 'the migrator’s list of applied files: no tenant data, and /readyz compares it',
  knex_migrations_lock: 'the migrator’s lock flag',
};

/**
 * Cells that keep their value so the crawl can run: the crawled contact must
 * still log in. The column is still seeded in every other row.
 */
export const keep: { table: string; column: string; reason: string }[] = [
  { table: 'contacts', column: 'password_hash', reason: 'the crawled contact logs in with her password' },
];

/** Columns that refuse any text (not a fixed-vocabulary CHECK), each with the reason. Key: table.column. */
export const refusals: Record<string, string> = {
  'tenants.primary_color': 'a #rrggbb colour (CHECK): the firm’s brand colour, public on every page anyway',
  'stripe_accounts.secret_key_last4': 'exactly four characters (CHECK): the last digits of the secret key',
  'stripe_accounts.publishable_key': 'pk_test_/pk_live_… (CHECK): public by design (Stripe.js shows it to payers)',
  'stripe_events.id': 'Stripe’s event id evt_… (CHECK): an opaque id the server never renders',
  'tenant_logos.sha256': 'the logo’s SHA-256 in hex (CHECK): its public file name on the firm’s host',
  'domain_events.type': 'an event name like invoice.sent (CHECK): a name from the public event catalogue',
};

/** A CHECK that allows only listed values: `x = ANY (ARRAY[…])`, `x <@ ARRAY[…]`, `x = 'one'::text`. */
const vocabularyCheck = String.raw`^CHECK \(\(\w+ (= ANY \(ARRAY\[|<@ ARRAY\[|= '[^']*'::text\)\)$)`;

const textTypes =
  /^(text|character varying(\(\d+\))?|character\(\d+\)|jsonb|json|text\[\]|character varying(\(\d+\))?\[\])$/;

interface Column {
  name: string;
  type: string;
  portalSelect: boolean;
  vocabulary: boolean;
  generated: boolean;
}
interface Table {
  name: string;
  pk: string[];
  hasTenant: boolean;
  hasClient: boolean;
  portalSelect: boolean;
  columns: Column[];
}

export async function catalog(db: Knex): Promise<Table[]> {
  const { rows } = await db.raw<{
    rows: { name: string; pk: string[] | null; portal: boolean; columns: Column[] }[];
  }>(
    `SELECT c.relname AS name,
            (SELECT array_agg(a.attname::text ORDER BY k.n) FROM pg_index i, unnest(i.indkey) WITH ORDINALITY AS k(attnum, n)
               JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
              WHERE i.indrelid = c.oid AND i.indisprimary) AS pk,
            has_any_column_privilege(?, c.oid, 'SELECT') AS portal,
            (SELECT json_agg(json_build_object(
                      'name', a.attname, 'type', format_type(a.atttypid, a.atttypmod),
                      'portalSelect', has_column_privilege(?, c.oid, a.attname, 'SELECT'),
                      'generated', a.attgenerated <> '',
                      'vocabulary', EXISTS (SELECT 1 FROM pg_constraint k
                                             WHERE k.conrelid = c.oid AND k.contype = 'c' AND k.conkey = ARRAY[a.attnum]
                                               AND pg_get_constraintdef(k.oid) ~ ?)) ORDER BY a.attnum)
               FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS columns
       FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
      ORDER BY c.relname`,
    [PORTAL_ROLE, PORTAL_ROLE, vocabularyCheck],
  );
  return rows
    .filter((r) => !(r.name in notData))
    .map((r) => ({
      name: r.name,
      pk: r.pk ?? [],
      portalSelect: r.portal,
      hasTenant: r.columns.some((c) => c.name === 'tenant_id'),
      hasClient: r.columns.some((c) => c.name === 'client_id'),
      columns: r.columns,
    }));
}

export interface PortalView {
  tenantId: string;
  clientId: string;
  contactId: string;
}

/** The primary keys of the rows of `table` the portal sees in this scope (as JSON text per key column). */
async function visibleKeys(db: Knex, table: Table, view: PortalView): Promise<Record<string, string>[]> {
  if (!table.portalSelect) return [];
  const pkVisible = table.pk.every((k) => table.columns.find((c) => c.name === k)?.portalSelect);
  if (!pkVisible) throw new Error(`${table.name}: the portal reads it but not its primary key; teach canaries.ts how`);
  return db.transaction(async (trx) => {
    await trx.raw(
      `SELECT set_config('caseflow.tenant_id', ?, true), set_config('caseflow.client_id', ?, true),
              set_config('caseflow.contact_id', ?, true)`,
      [view.tenantId, view.clientId, view.contactId],
    );
    await trx.raw(`SET LOCAL ROLE ${PORTAL_ROLE}`);
    const cols = table.pk.map((k) => `${ident(k)}::text AS ${ident(k)}`).join(', ');
    const { rows } = await trx.raw<{ rows: Record<string, string>[] }>(`SELECT ${cols} FROM ${ident(table.name)}`);
    return rows;
  });
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The SQL value forms tried in turn: plain text, an email address, a URL, the bare marker. */
function forms(column: Column): string[] {
  const tag = `'${marker}-' || substr(md5(random()::text), 1, 6)`;
  const label = `' ${column.name}'`;
  if (column.type === 'jsonb' || column.type === 'json')
    return [
      `jsonb_build_object('canary', 'CANARY ' || ${tag} || ${label})::${column.type}`,
      `jsonb_build_array(jsonb_build_object('name', 'CANARY ' || ${tag} || ${label}))::${column.type}`,
    ];
  if (column.type.endsWith('[]'))
    return [`ARRAY['CANARY ' || ${tag}]`, `ARRAY['https://' || ${tag} || '.canary.example']`];
  return [
    `'CANARY ' || ${tag} || ${label}`,
    `${tag} || '@canary.example'`,
    `'https://' || ${tag} || '.canary.example'`,
    tag,
  ];
}

export interface SeedReport {
  /** Cells written (rows × columns). */
  cells: number;
  /** Cells of secret numbers given the distinctive value (see secretNumbers). */
  numbers: number;
  /** table.column → why no canary is there (vocabulary, fixed width, listed refusal). */
  skipped: Record<string, string>;
  /** Columns that refused every form and are not explained: the suite fails on these. */
  unexplained: Record<string, string>;
  /** Never-see columns that hold no canary after the pass (a missing fixture row): the suite fails on these. */
  uncovered: string[];
}

/**
 * Writes canaries into every never-see cell (see the header) and checks that
 * every never-see column now holds one. `foreign` names a firm and a client the
 * view must not see: every table needs a row of that firm, and client tables a
 * row of that client, or the column is reported uncovered.
 */
export async function seedCanaries(
  db: Knex,
  view: PortalView,
  foreign: { tenantId: string; clientId: string },
): Promise<SeedReport> {
  const report: SeedReport = { cells: 0, numbers: 0, skipped: {}, unexplained: {}, uncovered: [] };
  for (const table of await catalog(db)) {
    const visible = await visibleKeys(db, table, view);
    const keyMatch = table.pk.map((k) => `v->>'${k}' = t.${ident(k)}::text`).join(' AND ');
    const isVisible = visible.length
      ? `EXISTS (SELECT 1 FROM jsonb_array_elements(CAST(? AS jsonb)) v WHERE ${keyMatch})`
      : 'false';
    const visibleBindings = visible.length ? [JSON.stringify(visible)] : [];
    for (const column of table.columns.filter((c) => textTypes.test(c.type))) {
      const key = `${table.name}.${column.name}`;
      const kept = keep.find((k) => k.table === table.name && k.column === column.name);
      // Hidden columns in every row; visible columns only in rows the view cannot see.
      let where = column.portalSelect ? `NOT ${isVisible}` : 'true';
      const bindings: string[] = column.portalSelect ? [...visibleBindings] : [];
      if (kept) {
        where += ` AND NOT (t.tenant_id = ? AND t.id = ?)`;
        bindings.push(view.tenantId, view.contactId);
      }
      if (column.generated) {
        report.skipped[key] = 'generated from another column (it holds that column’s canary, normalised)';
        continue;
      }
      const fixed = /^character\((\d+)\)$/.exec(column.type);
      if (fixed && Number(fixed[1]) < 16) {
        report.skipped[key] = `fixed-width code ${column.type} (ISO codes): too short for any canary`;
        continue;
      }
      let written: number | undefined;
      let lastError = '';
      // Every row first; then only the rows that already hold a value (a CHECK may tie NULL to another column).
      attempts: for (const [tier, rows] of [where, `${where} AND t.${ident(column.name)} IS NOT NULL`].entries())
        for (const value of forms(column)) {
          try {
            const count = await db.transaction(async (trx) => {
              const result = await trx.raw(
                `UPDATE ${ident(table.name)} t SET ${ident(column.name)} = ${value} WHERE ${rows}`,
                bindings,
              );
              return result.rowCount as number;
            });
            // The fallback counts only when it wrote something.
            if (tier === 1 && count === 0) continue;
            written = count;
            break attempts;
          } catch (error) {
            lastError = (error as Error).message;
          }
        }
      if (written === undefined) {
        if (column.vocabulary) report.skipped[key] = 'a fixed vocabulary (CHECK … IN (…)): no free text fits';
        else if (refusals[key]) report.skipped[key] = refusals[key];
        else report.unexplained[key] = lastError;
        continue;
      }
      report.cells += written;
    }
  }
  for (const table of await catalog(db))
    for (const column of table.columns.filter((c) => secretNumbers.includes(`${table.name}.${c.name}`))) {
      const result = await db.raw(`UPDATE ${ident(table.name)} SET ${ident(column.name)} = ?`, [secretNumber]);
      report.numbers += result.rowCount as number;
    }
  for (const key of Object.keys(refusals))
    if (!report.skipped[key]) report.unexplained[key] = 'listed in refusals, but it took a canary: remove the entry';
  report.uncovered = await uncovered(db, view, foreign, report);
  return report;
}

/** Never-see columns with no canary where one must be (see seedCanaries). */
async function uncovered(
  db: Knex,
  view: PortalView,
  foreign: { tenantId: string; clientId: string },
  report: SeedReport,
): Promise<string[]> {
  const missing: string[] = [];
  const fixture = (table: string, where: string) =>
    `${table}: no canary ${where} — add a fixture entry "${table}" in test/server/walls/fixtures.ts that creates one row of each firm and client`;
  for (const table of await catalog(db)) {
    for (const column of table.columns.filter((c) => textTypes.test(c.type))) {
      const key = `${table.name}.${column.name}`;
      if (report.skipped[key] || report.unexplained[key]) continue;
      const has = async (scope: string, bindings: string[]) => {
        const { rows } = await db.raw(
          `SELECT 1 FROM ${ident(table.name)} WHERE ${ident(column.name)}::text ILIKE ? ${scope} LIMIT 1`,
          [`%${marker}%`, ...bindings],
        );
        return rows.length > 0;
      };
      if (!column.portalSelect) {
        if (!(await has('', []))) missing.push(fixture(table.name, `in ${column.name} (hidden from the portal)`));
        continue;
      }
      if (table.hasTenant && !(await has('AND tenant_id = ?', [foreign.tenantId])))
        missing.push(fixture(table.name, `in ${column.name} of another firm’s row`));
      if (table.hasClient && !(await has('AND tenant_id = ? AND client_id = ?', [view.tenantId, foreign.clientId])))
        missing.push(fixture(table.name, `in ${column.name} of another client’s row`));
    }
  }
  return missing;
}

/** Every place a canary shows in `text` (a few characters around each), for failure messages. */
export function findCanaries(text: string): string[] {
  const found: string[] = [];
  const pattern = new RegExp(`.{0,40}${marker}.{0,40}`, 'gi');
  for (const match of text.matchAll(pattern)) found.push(match[0]);
  const number = new RegExp(`.{0,40}${secretNumberPattern.source}.{0,40}`, 'g');
  for (const match of text.matchAll(number)) found.push(match[0]);
  return found;
}
