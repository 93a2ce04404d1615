/**
 * The normalisation conflict checks compare by (caseflow.normalize_party_name and
 * normalize_email, SQL IMMUTABLE functions behind stored generated columns), and
 * proof that a check is an index lookup under row-level security with 100k contacts.
 */
import test from 'ava';
import pg from 'pg';
import { candidateSql } from '../../../server/modules/conflict-checks/search.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.js';

let db: TestDatabase;
let acmeId: string;

test.before(async () => {
  db = await createTestDatabase();
  acmeId = (await db.owner('tenants').where({ slug: 'acme' }).first()).id;
});
test.after.always(async () => db?.close());

const normalize = async (name: string): Promise<string> =>
  (await db.owner.raw(`SELECT caseflow.normalize_party_name(?) AS key`, [name])).rows[0].key;

const nameCases: [string, string][] = [
  // company suffixes, with and without punctuation, several in a row
  ['Northwind Traders, LLC', 'northwind traders'],
  ['northwind traders', 'northwind traders'],
  ['NORTHWIND TRADERS INC.', 'northwind traders'],
  ['Initrode Ltd', 'initrode'],
  ['Initrode Limited', 'initrode'],
  ['Müller GmbH & Co. KG', 'muller'],
  ['Banco Ejemplo S.A.', 'banco ejemplo'],
  ['Smith & Jones L.L.P.', 'smith jones'],
  ['Acme Corp.', 'acme'],
  // a suffix is only ignored at the end, and never when it is the whole name
  ['Inc', 'inc'],
  ['Co-operative Bank', 'co operative bank'],
  // accents, precomposed and decomposed (e + combining acute)
  ['Zoë Ørsted', 'zoe orsted'],
  ['ÉCOLE Française', 'ecole francaise'],
  ['e\u0301cole', 'ecole'],
  ['Łukasz Wałęsa', 'lukasz walesa'],
  ['Straße', 'strasse'],
  ['Œuvre Æther', 'oeuvre aether'],
  // apostrophes and dots dropped, other punctuation separates words
  ["O'Brien", 'obrien'],
  ['O’Brien', 'obrien'],
  ['J.R.R. Tolkien', 'jrr tolkien'],
  ['Smith-Jones/Partners', 'smith jones partners'],
  ['“Quoted” — name…', 'quoted name'],
  // case and whitespace
  ['  Ada\t\tLOVELACE \n', 'ada lovelace'],
  ['Ada\u00a0Lovelace', 'ada lovelace'],
  // letters outside the accent table are kept, case-folded whatever the database's locale
  ['ДМИТРИЙ Иванов', 'дмитрий иванов'],
  ['ΣΩΚΡΑΤΗΣ', 'σωκρατης'],
  ['東京 Legal, K.K.', '東京 legal kk'],
];

test('normalize_party_name: accents, company suffixes, punctuation, case and whitespace, case by case', async (t) => {
  const actual = await Promise.all(nameCases.map(async ([input]) => [input, await normalize(input)]));
  t.deepEqual(actual, nameCases);
});

test('normalize_email: trimmed and case-insensitive', async (t) => {
  const { rows } = await db.owner.raw(
    `SELECT caseflow.normalize_email(' Nora@NorthWind.Example  ') AS a, caseflow.normalize_email('nora@northwind.example') AS b`,
  );
  t.deepEqual(rows[0], { a: 'nora@northwind.example', b: 'nora@northwind.example' });
});

test('the functions are IMMUTABLE, and the key columns are stored generated columns of those functions', async (t) => {
  const { rows: functions } = await db.owner.raw(
    `SELECT proname, provolatile FROM pg_proc
      WHERE pronamespace = 'caseflow'::regnamespace AND proname IN ('normalize_party_name', 'normalize_email')
      ORDER BY proname`,
  );
  t.deepEqual(functions, [
    { proname: 'normalize_email', provolatile: 'i' },
    { proname: 'normalize_party_name', provolatile: 'i' },
  ]);
  const { rows: columns } = await db.owner.raw(
    `SELECT table_name, column_name, is_generated FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name IN ('name_key', 'company_key', 'email_key')
      ORDER BY table_name, column_name`,
  );
  t.deepEqual(
    columns.map((c: { table_name: string; column_name: string; is_generated: string }) => [
      c.table_name,
      c.column_name,
      c.is_generated,
    ]),
    [
      ['clients', 'name_key', 'ALWAYS'],
      ['contacts', 'email_key', 'ALWAYS'],
      ['contacts', 'name_key', 'ALWAYS'],
      ['leads', 'company_key', 'ALWAYS'],
      ['leads', 'email_key', 'ALWAYS'],
      ['leads', 'name_key', 'ALWAYS'],
      ['matter_parties', 'email_key', 'ALWAYS'],
      ['matter_parties', 'name_key', 'ALWAYS'],
    ],
  );
  const [contact] = await db
    .owner('contacts')
    .where({ email: 'nora@northwind.example' })
    .select('name_key', 'email_key');
  t.deepEqual(contact, { name_key: 'nora north', email_key: 'nora@northwind.example' });
});

test('with 100k contacts, the search is index scans under row-level security (caseflow_staff), never a scan of contacts', async (t) => {
  const northwind = await db.owner('clients').where({ tenant_id: acmeId, number: 1001 }).first();
  await db.owner.raw(
    `INSERT INTO contacts (tenant_id, client_id, first_name, last_name, email)
     SELECT ?, ?, 'Bulk' || g, 'Person', 'bulk' || g || '@scale.example' FROM generate_series(1, 100000) g`,
    [acmeId, northwind.id],
  );
  await db.owner.raw(`ANALYZE contacts; ANALYZE clients; ANALYZE leads; ANALYZE matter_parties`);
  const client = new pg.Client({ connectionString: db.appUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('caseflow.tenant_id', $1, true)`, [acmeId]);
    await client.query('SET LOCAL ROLE caseflow_staff');
    const params = [['bulk77 person', 'initrode'], ['bulk12@scale.example'], null, null];
    const { rows: plan } = await client.query(`EXPLAIN (FORMAT TEXT) ${candidateSql}`, params);
    const text = plan.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n');
    t.regex(text, /contacts_name_key/);
    t.regex(text, /contacts_email_key/);
    t.notRegex(text, /Seq Scan on contacts/);
    const { rows } = await client.query(candidateSql, params);
    t.deepEqual(rows.map((r: { kind: string; name: string }) => [r.kind, r.name]).sort(), [
      ['contact', 'Bulk12 Person'],
      ['contact', 'Bulk77 Person'],
      ['matter_party', 'Initrode Ltd'],
    ]);
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end();
  }
});
