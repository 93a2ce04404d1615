/**
 * How conflict checks compare names and emails: two IMMUTABLE SQL functions, so
 * tables can keep the normalised form in STORED generated columns with ordinary
 * indexes. (An expression index on the function would not do: under row-level
 * security PostgreSQL refuses to use a non-leakproof function of a column as an
 * index condition, while `key_column = $1` is leakproof.)
 *
 * A name is case-folded (with ICU's "und-x-icu" collation: the same on every
 * server, whatever the database's locale), its accents removed (translate() over a fixed table, so
 * no `unaccent` extension is needed), apostrophes and dots dropped ("O'Brien" →
 * "obrien", "L.L.C." → "llc"), other punctuation turned into spaces, whitespace
 * collapsed, and trailing company suffixes removed ("Northwind Traders, LLC" →
 * "northwind traders"). An email is trimmed and lower-cased.
 *
 * Changing either function later means recomputing every stored key: replace it
 * in a new migration and rewrite the generated columns there.
 */
import type { Knex } from 'knex';

// Letters of Latin-1 and Latin Extended-A/B whose canonical decomposition is one ASCII letter
// plus marks ("é" → "e"), and the few that have no decomposition but an obvious plain form.
function accentTable(): { from: string; to: string } {
  let from = '';
  let to = '';
  for (let code = 0xc0; code <= 0x24f; code++) {
    const ch = String.fromCodePoint(code);
    const plain = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    if (plain !== ch && /^[A-Za-z]$/.test(plain)) {
      from += ch;
      to += plain;
    }
  }
  const extra: [string, string][] = [
    ['Ø', 'O'],
    ['ø', 'o'],
    ['Đ', 'D'],
    ['đ', 'd'],
    ['Ð', 'D'],
    ['ð', 'd'],
    ['Ł', 'L'],
    ['ł', 'l'],
    ['Ħ', 'H'],
    ['ħ', 'h'],
    ['Ŧ', 'T'],
    ['ŧ', 't'],
    ['ı', 'i'],
  ];
  for (const [a, b] of extra) {
    from += a;
    to += b;
  }
  return { from, to };
}

/** Company suffixes ignored at the end of a name (after dots are dropped: "L.L.C." is "llc"). */
export const COMPANY_SUFFIXES = [
  'llc',
  'llp',
  'lllp',
  'lp',
  'pllc',
  'pc',
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'co',
  'company',
  'ltd',
  'limited',
  'plc',
  'gmbh',
  'ag',
  'kg',
  'sa',
  'sas',
  'sarl',
  'srl',
  'spa',
  'bv',
  'nv',
  'pty',
  'ab',
  'oy',
];

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

export async function up(knex: Knex): Promise<void> {
  const { from, to } = accentTable();
  await knex.raw(`
    CREATE FUNCTION caseflow.normalize_party_name(name text) RETURNS text
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $fn$
      SELECT regexp_replace(
        btrim(regexp_replace(
          regexp_replace(
            regexp_replace(
              -- ICU's case folding (the database's own locale may be C, which lower-cases ASCII only),
              -- then back to "C", so the character classes below mean the same on every server
              (lower(replace(replace(replace(replace(replace(replace(replace(
                translate(name, ${quote(from)}, ${quote(to)}),
                'ß', 'ss'), 'Æ', 'AE'), 'æ', 'ae'), 'Œ', 'OE'), 'œ', 'oe'), 'Þ', 'TH'), 'þ', 'th')
                COLLATE "und-x-icu")) COLLATE "C",
              -- combining marks of decomposed input, apostrophes, dots: dropped
              '[\\u0300-\\u036f''’‘.\`´]', '', 'g'),
            -- every other punctuation mark separates words
            '[[:punct:]“”„«»‹›–—―…·•¡¿§]', ' ', 'g'),
          '[[:space:]\\u00a0\\u2000-\\u200b\\u202f\\u3000]+', ' ', 'g')),
        '( (${COMPANY_SUFFIXES.join('|')}))+$', '')
    $fn$;
    COMMENT ON FUNCTION caseflow.normalize_party_name(text) IS
      'A name as conflict checks compare it: case-folded, unaccented, without punctuation or company suffixes';

    CREATE FUNCTION caseflow.normalize_email(email text) RETURNS text
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $fn$ SELECT lower(btrim(email)) $fn$;
    COMMENT ON FUNCTION caseflow.normalize_email(text) IS 'An email as conflict checks compare it: trimmed, lower case';
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP FUNCTION caseflow.normalize_email(text);
    DROP FUNCTION caseflow.normalize_party_name(text);
  `);
}
