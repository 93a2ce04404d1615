/**
 * Malformed requests for every operation of the OpenAPI document, drawn with
 * fast-check from a seed: valid-shaped bodies with one field wrong at a time
 * (so validation deeper than the first field is reached), fully random bodies,
 * raw bodies that are not JSON or not sent as JSON, bad path ids, bad query
 * parameters and bad headers. Every case is meant to be refused; a case that is
 * accidentally valid is harmless (path ids name nothing that exists).
 */
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';

export type Audience = 'public' | 'portal' | 'admin' | 'platform';

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  pattern?: string;
  /** All the patterns of merged allOf parts. */
  patterns?: string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  default?: unknown;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: JsonSchema;
}

export interface Operation {
  operationId: string;
  method: string;
  /** The path template with {name} placeholders, below /api/v1. */
  path: string;
  audience: Audience;
  pathParams: Parameter[];
  queryParams: Parameter[];
  body?: JsonSchema;
  /** An upload's media type (its request body is bytes, not JSON): it gets cases of its own. */
  upload?: string;
  idempotent: boolean;
  /** Headers the operation reads (downloads: Range, If-Range), besides the tenant's and the idempotency key. */
  headerParams: string[];
  /** Every method some operation takes on this path (a method outside them is a 405). */
  pathMethods: string[];
}

/**
 * The credentials the cases are sent with. Cases carry `{{name}}` placeholders,
 * replaced when sent, so a credential a case used up (a logout that went through)
 * can be replaced for the cases after it.
 */
export interface Credentials {
  contact: string;
  staffSession: string;
  adminSession: string;
  adminKey: string;
  operator: string;
}
const placeholders: Credentials = {
  contact: '{{contact}}',
  staffSession: '{{staffSession}}',
  adminSession: '{{adminSession}}',
  adminKey: '{{adminKey}}',
  operator: '{{operator}}',
};

/** The request's headers with the current credentials in place of the placeholders. */
export function withCredentials(headers: Record<string, string>, credentials: Credentials): Record<string, string> {
  const out = { ...headers };
  if (out.authorization)
    out.authorization = out.authorization.replace(
      /\{\{(\w+)\}\}/,
      (_m, name: string) => credentials[name as keyof Credentials],
    );
  return out;
}

/** Which credential a case was sent with, if one of ours. */
export function credentialOf(c: Case): keyof Credentials | undefined {
  return /\{\{(\w+)\}\}/.exec(c.headers.authorization ?? '')?.[1] as keyof Credentials | undefined;
}

export interface Case {
  op: string;
  kind: string;
  method: string;
  /** Raw request target: sent byte for byte (no URL normalisation of "..", "%00"). */
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components: { schemas: Record<string, JsonSchema> };
}

const audienceOf = (security: Record<string, unknown>[] | undefined): Audience => {
  const scheme = Object.keys(security?.[0] ?? {})[0];
  if (!scheme) return 'public';
  if (scheme.startsWith('portal')) return 'portal';
  if (scheme === 'platformKey') return 'platform';
  return 'admin';
};

/** Every operation of the document, with its schemas resolved against the components. */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, raw] of Object.entries(methods)) {
      const op = raw as {
        operationId: string;
        security?: Record<string, unknown>[];
        parameters?: Parameter[];
        requestBody?: { content: Record<string, { schema: JsonSchema }> };
      };
      const parameters = op.parameters ?? [];
      const body = op.requestBody?.content['application/json']?.schema;
      const upload = Object.keys(op.requestBody?.content ?? {}).find(
        (type) => type !== 'application/json' && type !== 'multipart/form-data',
      );
      ops.push({
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        audience: audienceOf(op.security),
        pathParams: parameters.filter((p) => p.in === 'path'),
        queryParams: parameters.filter((p) => p.in === 'query'),
        ...(body ? { body: resolveAll(body, doc) } : {}),
        ...(upload ? { upload } : {}),
        idempotent: parameters.some((p) => p.in === 'header' && p.name === 'Idempotency-Key'),
        headerParams: parameters.filter((p) => p.in === 'header').map((p) => p.name),
        pathMethods: Object.keys(methods).map((m) => m.toUpperCase()),
      });
    }
  }
  return ops;
}

function resolveAll(schema: JsonSchema, doc: OpenApiDocument, depth = 0): JsonSchema {
  if (depth > 20) return {};
  if (schema.$ref) {
    const id = schema.$ref.split('/').pop()!;
    return resolveAll(doc.components.schemas[id]!, doc, depth + 1);
  }
  const out: JsonSchema = { ...schema };
  if (schema.properties)
    out.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([k, v]) => [k, resolveAll(v, doc, depth + 1)]),
    );
  if (schema.items) out.items = resolveAll(schema.items, doc, depth + 1);
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const)
    if (schema[key]) out[key] = schema[key].map((s) => resolveAll(s, doc, depth + 1));
  return out;
}

// ---------------------------------------------------------------------------
// Ids drawn from the run's seed (mulberry32), so a seed reproduces every byte of every case.

let prng = 1;
/**
 * Ids of real rows for body fields of that name (client_id: a scratch client), so valid-shaped
 * bodies get past "no such client" and a wrong field reaches the service's own checks.
 */
let references: Record<string, string> = {};
function nextUint32(): number {
  prng = (prng + 0x6d2b79f5) | 0;
  let t = Math.imul(prng ^ (prng >>> 15), 1 | prng);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return (t ^ (t >>> 14)) >>> 0;
}
/** A version 4 UUID from the seeded generator: well-formed, and naming nothing in the database. */
function seededUuid(): string {
  const hex = Array.from({ length: 4 }, () => nextUint32().toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

// ---------------------------------------------------------------------------
// Valid-shaped values: the starting point that one wrong field is put into.

const typeOf = (s: JsonSchema): string | undefined => (Array.isArray(s.type) ? s.type[0] : s.type);

/** The non-null branch of a nullable schema, or the schema itself; allOf parts merged (their patterns all kept). */
function branch(schema: JsonSchema): JsonSchema {
  const alternatives = schema.anyOf ?? schema.oneOf;
  const s = alternatives ? (alternatives.find((a) => typeOf(a) !== 'null') ?? alternatives[0]!) : schema;
  if (!s.allOf?.length) return s;
  const { allOf, ...merged } = s;
  const patterns = [s.pattern, ...allOf.map((part) => part.pattern)].filter((p): p is string => !!p);
  for (const part of allOf) Object.assign(merged, part);
  return { ...merged, patterns };
}

const stringCandidates = [
  'USD',
  'acme-test',
  'Plain text',
  '#336699',
  'en-US',
  'UTC',
  'https://www.example.com',
  '1',
  `cfl_${'A'.repeat(43)}`,
  'sk_test_123456789012',
  'pk_test_123456789012',
  'whsec_123456789012',
  'abc',
  'a',
];
const hints: Record<string, string> = { locale: 'en-US', timezone: 'UTC', currency: 'USD', tax_rate: '0' };

function validString(s: JsonSchema, name: string): string {
  switch (s.format) {
    case 'uuid':
      return references[name] ?? seededUuid();
    case 'email':
      return `bad-input-${name}@example.com`;
    case 'date':
      return '2026-03-01';
    case 'date-time':
      return '2026-03-01T10:00:00Z';
    case 'uri':
      return 'https://example.com/bad-input';
  }
  const patterns = (s.patterns ?? (s.pattern ? [s.pattern] : [])).map((p) => new RegExp(p));
  const fits = (v: string) =>
    patterns.every((p) => p.test(v)) && v.length >= (s.minLength ?? 0) && v.length <= (s.maxLength ?? Infinity);
  const hinted = hints[name] ?? (/url$|origins$/.test(name) ? 'https://www.example.com' : undefined);
  for (const candidate of [hinted, `Bad input ${name}`, ...stringCandidates])
    if (candidate !== undefined && fits(candidate)) return candidate;
  return 'x'.repeat(Math.max(1, s.minLength ?? 1));
}

export function validValue(schema: JsonSchema, name = 'value'): unknown {
  const s = branch(schema);
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  switch (typeOf(s)) {
    case 'string':
      return validString(s, name);
    case 'integer':
    case 'number':
      return Math.min(Math.max(1, s.minimum ?? 1), s.maximum ?? Infinity);
    case 'boolean':
      return false;
    case 'array':
      return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => validValue(s.items ?? {}, name));
    case 'object':
    case undefined:
      if (!s.properties) return {};
      // Optional ids naming nothing would stop a valid-shaped body at "no such …": those are left out.
      return Object.fromEntries(
        Object.entries(s.properties)
          .filter(([k, v]) => (s.required ?? []).includes(k) || branch(v).format !== 'uuid' || k in references)
          .map(([k, v]) => [k, validValue(v, k)]),
      );
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------
// Bad values.

/** A JSON literal that JSON.stringify cannot produce (1e999 parses to Infinity); spliced in after stringify. */
const RAW = '\u0001raw:';
const raw = (literal: string) => `${RAW}${literal}\u0001`;
export function toJson(value: unknown): string {
  return JSON.stringify(value).replace(/"\\u0001raw:(.*?)\\u0001"/g, '$1');
}

const MB = 1024 * 1024;
const oneMegabyte = 'x'.repeat(MB + 16);
const almostOneMegabyte = 'y'.repeat(MB - 4096);
const nested = (depth: number): unknown => {
  let v: unknown = 'deep';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
};
const deep = nested(2000);

const badDates = ['0000-01-01', '99999-01-01', '2026-02-30', '2026-13-01', '-0001-01-01', '0001-01-01', '9999-12-31'];
const badTimestamps = [
  '0000-01-01T00:00:00Z',
  '99999-01-01T00:00:00Z',
  '2026-02-30T10:00:00Z',
  '2026-01-01T25:00:00Z',
  '2026-01-01T10:00:00',
  '0001-01-01T00:00:00+14:00',
  '9999-12-31T23:59:59-14:00',
];

/** Values wrong for any field: wrong types, broken text, extremes. */
const universalBad: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  -0.000001,
  1e308,
  -1e308,
  2 ** 53 + 1,
  2 ** 31,
  -(2 ** 63),
  raw('1e999'),
  raw('-1e999'),
  raw('123456789012345678901234567890'),
  raw('-0'),
  '',
  ' ',
  '\t\n',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'lone \udfff surrogate',
  '\ufeffbom',
  '\u202eevil',
  'NaN',
  'Infinity',
  'null',
  'true',
  '12',
  '-1',
  '1e999',
  '١٢٣',
  '１２３',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00',
  'not-a-uuid',
  '😀'.repeat(300),
  [],
  [null],
  ['a', 1],
  {},
  { $gt: '' },
  JSON.parse('{"__proto__":{"admin":true}}'),
  deep,
  oneMegabyte,
  almostOneMegabyte,
  'z'.repeat(70_000),
  ...badDates,
  ...badTimestamps,
];

/** Values wrong for this schema in particular: just past its bounds, another type. */
function specificBad(schema: JsonSchema): unknown[] {
  const s = branch(schema);
  const out: unknown[] = [];
  if (s.enum) out.push(`${String(s.enum[0])} `, String(s.enum[0]).toUpperCase(), 'not-one-of-them');
  switch (typeOf(s)) {
    case 'string':
      // Numbers written as text at their extremes (quantities, rates): valid for some patterns, and then large.
      out.push('0', '0.0000', '9999999999.9999', '999.9999', '-0', '00', '1.', '.5');
      if (s.maxLength !== undefined) out.push('m'.repeat(s.maxLength + 1));
      if (s.minLength) out.push('m'.repeat(s.minLength - 1));
      out.push(42, ['text'], { text: 'x' });
      if (s.format === 'uuid')
        out.push(seededUuid().toUpperCase() + 'x', seededUuid().slice(0, 35), '{' + seededUuid() + '}');
      if (s.format === 'email')
        out.push('no-at-sign', 'a@', '@b.example', 'a b@c.example', 'a@b@c.example', 'é@ü.example');
      if (s.format === 'date') out.push(...badDates, 20260301, '2026-3-1', '2026-03-01T00:00:00Z');
      if (s.format === 'date-time') out.push(...badTimestamps, 1767225600000, '2026-03-01');
      if (s.format === 'uri') out.push('javascript:alert(1)', 'not a url', 'http://', 'file:///etc/passwd');
      break;
    case 'integer':
    case 'number':
      if (s.maximum !== undefined) out.push(s.maximum + 1);
      if (s.minimum !== undefined) out.push(s.minimum - 1);
      out.push('1', 1.25, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 63, raw('1e400'), raw('1.0e2'));
      break;
    case 'boolean':
      out.push('true', 1, 0, 'yes');
      break;
    case 'array':
      out.push([], 'not-an-array', { 0: 'x' });
      if (s.maxItems !== undefined && s.maxItems < 1000)
        out.push(Array.from({ length: s.maxItems + 1 }, () => validValue(s.items ?? {})));
      out.push([validValue(s.items ?? {}), 'wrong-item'], [[validValue(s.items ?? {})]]);
      break;
    case 'object':
      out.push([], 'not-an-object', 7);
      break;
  }
  return out;
}

const badValue = (schema: JsonSchema): fc.Arbitrary<unknown> =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...specificBad(schema), ...universalBad.slice(0, 3)), weight: 3 },
    { arbitrary: fc.constantFrom(...universalBad), weight: 3 },
    { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 1 },
  );

// ---------------------------------------------------------------------------
// Where a wrong value can go in a valid-shaped body.

interface Slot {
  /** Keys from the body's root to the slot (array indices are numbers). */
  path: (string | number)[];
  schema: JsonSchema;
  /** The enclosing object's schema and this key, when the slot is a property. */
  required: boolean;
}

function slotsOf(schema: JsonSchema, value: unknown, path: (string | number)[] = [], required = true): Slot[] {
  const s = branch(schema);
  const here: Slot = { path, schema, required };
  if (typeOf(s) === 'array' && Array.isArray(value) && value.length)
    return [here, ...slotsOf(s.items ?? {}, value[0], [...path, 0], true)];
  if (s.properties && value && typeof value === 'object') {
    const nestedSlots = Object.entries(s.properties).flatMap(([k, v]) =>
      slotsOf(v, (value as Record<string, unknown>)[k], [...path, k], (s.required ?? []).includes(k)),
    );
    return path.length ? [here, ...nestedSlots] : nestedSlots;
  }
  return [here];
}

function setAt(root: unknown, path: (string | number)[], value: unknown, remove = false): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let target = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (remove) delete target[last];
  else target[last] = value;
  return copy;
}

/** The first free-text property (no format, no pattern of its own) of a body, if any. */
function firstTextSlot(schema: JsonSchema, value: unknown): (string | number)[] | undefined {
  return slotsOf(schema, value).find((slot) => {
    const s = branch(slot.schema);
    return typeOf(s) === 'string' && !s.format && !s.enum && (s.patterns ?? []).length <= 1 && slot.path.length > 0;
  })?.path;
}

const hasRequired = (schema: JsonSchema | undefined) => (branch(schema ?? {}).required?.length ?? 0) > 0;

// ---------------------------------------------------------------------------
// Paths, queries, headers.

const badPathValues = [
  'not-a-uuid',
  '%00',
  'a%00b',
  '..',
  '.',
  '%2e%2e',
  '%2E%2E%2F%2E%2E',
  '%2F',
  '%',
  '%zz',
  '%ff',
  '%ED%A0%80',
  '%F0%9F%98%80',
  'null',
  'undefined',
  '0',
  '-1',
  '%20',
  "'%20OR%201=1",
  'L'.repeat(5000),
  '0'.repeat(9000),
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '00000000-0000-0000-0000-00000000000g',
  'ACME',
  'acme-',
];

/** A path value that is well-formed but names nothing: reaching the handler answers 404. */
function harmlessPathValue(p: Parameter): string {
  if (p.schema.format === 'uuid') return seededUuid();
  if (p.name === 'tenant') return 'acme';
  if (p.name === 'slug') return 'no-such-firm-bad-input';
  return `bad-input-${seededUuid().slice(0, 8)}`;
}

const badQueryValues = [
  '',
  '0',
  '-1',
  '101',
  '1.5',
  '1e3',
  '1e999',
  'abc',
  '%00',
  'a%00b',
  '%zz',
  '%',
  '%ED%A0%80',
  'not-a-uuid',
  'q'.repeat(6000),
  '0000-01-01',
  '99999-01-01',
  '2026-02-30',
  'null',
  'true',
  '%5B%5D',
];

const contentTypes = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz',
  'application/xml',
  'application/json; charset=iso-8859-1',
  'application/json; charset=utf-16',
  'application/json; charset=nonsense',
  'application/vnd.api+json',
  'application/merge-patch+json',
  '*/*',
  'garbage',
  'application/json, text/plain',
];

const invalidJson = [
  '{',
  '{"a":',
  '{"a":1}}',
  "{'a':1}",
  '[1,2',
  'nul',
  'undefined',
  '{"a":1,}',
  '\ufeff{}',
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}',
  '{"a":"\\x41"}',
  '\u0000',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"admin":true}}}',
  '{"a":1,"a":2}',
  '1e999',
  '"a string"',
  'null',
  '[]',
  '42',
  'true',
  ' ',
  '['.repeat(100_000) + ']'.repeat(100_000),
  '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000),
];

const badTenantHeaders = ['ACME ', 'no-such-firm', '-', 'a'.repeat(300), '../acme', 'acme,bluebird', 'bluebird'];

export interface CaseFactory {
  /** Cases every operation gets, in a fixed order. */
  catalogue(op: Operation): Case[];
  /** Random cases for one operation. */
  random(op: Operation): fc.Arbitrary<Case>;
}

/** Range headers of every wrong shape: not bytes, reversed, past the end, empty, several, huge numbers, garbage. */
const badRanges = [
  'bytes=abc',
  'bytes=9-2',
  'bytes=999999999-',
  'bytes=-0',
  'bytes=-',
  'bytes=',
  'items=0-1',
  'bytes=0-1,3-4',
  'bytes=0-99999999999999999999999',
  'bytes=-99999999999999999999999',
  'bytes=1e3-2e3',
  'bytes=0x10-0x20',
  'bytes =0-1',
  '\u00ff\u00fe',
];
const badIfRanges = ['"stale"', 'W/"weak"', 'not a date', '', 'Tue, 01 Dec 1970 00:00:00 GMT', '"'];

export function caseFactory(seed: number, bodyReferences: Record<string, string> = {}): CaseFactory {
  prng = seed | 0;
  references = bodyReferences;
  const credentials = placeholders;
  const ipArb = fc
    .tuple(fc.integer({ min: 1, max: 223 }), fc.nat(255), fc.nat(255), fc.integer({ min: 1, max: 254 }))
    .map((parts) => parts.join('.'));

  const credentialArb = (audience: Audience): fc.Arbitrary<string | undefined> => {
    const c = credentials;
    switch (audience) {
      case 'public':
        return fc.constantFrom(undefined, undefined, undefined, c.contact);
      case 'portal':
        return fc.oneof(
          { arbitrary: fc.constant(c.contact), weight: 16 },
          { arbitrary: fc.constantFrom(undefined, 'cfp_garbage', c.adminKey, '\u00e9t\u00e9'), weight: 1 },
        );
      case 'admin':
        return fc.oneof(
          { arbitrary: fc.constant(c.adminKey), weight: 8 },
          { arbitrary: fc.constant(c.staffSession), weight: 5 },
          { arbitrary: fc.constant(c.adminSession), weight: 4 },
          { arbitrary: fc.constantFrom(undefined, 'cfs_garbage', c.contact, c.operator), weight: 1 },
        );
      case 'platform':
        return fc.oneof(
          { arbitrary: fc.constant(c.operator), weight: 16 },
          { arbitrary: fc.constantFrom(undefined, c.adminKey), weight: 1 },
        );
    }
  };

  const headersFor = (credential: string | undefined, ip: string, tenant = 'acme'): Record<string, string> => ({
    'caseflow-tenant': tenant,
    'x-forwarded-for': ip,
    ...(credential ? { authorization: `Bearer ${credential}` } : {}),
  });

  const defaultCredential = (audience: Audience): string | undefined =>
    ({ public: undefined, portal: credentials.contact, admin: credentials.adminKey, platform: credentials.operator })[
      audience
    ];

  const pathWith = (op: Operation, values: Record<string, string>, query = ''): string =>
    `/api/v1${op.path.replace(/\{(\w+)\}/g, (_m, name: string) => values[name] ?? 'missing')}${query}`;

  const harmlessPath = (op: Operation) =>
    Object.fromEntries(op.pathParams.map((p) => [p.name, encodeURIComponent(harmlessPathValue(p))]));

  const json = (value: unknown): Buffer => Buffer.from(toJson(value), 'utf8');
  const validBody = (op: Operation) => (op.body ? validValue(op.body) : undefined);

  /** A bad body for the operation (a valid-shaped one with one thing wrong, or a random one). */
  const badBodyArb = (op: Operation): fc.Arbitrary<{ kind: string; body: unknown }> => {
    if (!op.body) {
      // No body belongs here: any non-empty one is refused.
      return fc
        .oneof(
          fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { minKeys: 1 }),
          fc.constantFrom<unknown>([1], 'text', 42, { unexpected: true }),
        )
        .map((body) => ({ kind: 'body where none belongs', body }));
    }
    const base = validValue(op.body);
    const slots = slotsOf(op.body, base).filter((slot) => slot.path.length > 0);
    const oneWrong = fc
      .constantFrom(...(slots.length ? slots : [{ path: ['unknown_field'], schema: {}, required: false }]))
      .chain((slot) => badValue(slot.schema).map((value) => ({ slot, value })))
      .map(({ slot, value }) => ({ kind: `field ${slot.path.join('.')} wrong`, body: setAt(base, slot.path, value) }));
    const requiredSlots = slots.filter((s) => s.required && s.path.length > 0);
    const variants: fc.Arbitrary<{ kind: string; body: unknown }>[] = slots.length
      ? [oneWrong, oneWrong, oneWrong]
      : [];
    if (requiredSlots.length)
      variants.push(
        fc
          .constantFrom(...requiredSlots)
          .map((slot) => ({ kind: `field ${slot.path.join('.')} missing`, body: setAt(base, slot.path, 0, true) })),
      );
    const objectPaths = [[], ...slots.filter((s) => typeOf(branch(s.schema)) === 'object').map((s) => s.path)];
    variants.push(
      fc
        .tuple(
          fc.constantFrom(...objectPaths),
          fc.constantFrom('unknown_field', 'admin', 'tenant_id', 'id', 'role ', 'Email'),
        )
        .map(([path, key]) => {
          const copy = structuredClone(base) as Record<string, unknown>;
          let target = copy;
          for (const k of path) target = target[k] as Record<string, unknown>;
          target[key] = 'unexpected';
          return { kind: `unknown field at ${path.join('.') || 'body'}`, body: copy };
        }),
    );
    variants.push(
      fc
        .dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), {
          minKeys: 1,
          maxKeys: 6,
        })
        .map((body) => ({ kind: 'random object', body })),
      fc
        .oneof(fc.array(fc.jsonValue({ maxDepth: 2 })), fc.string(), fc.double(), fc.boolean())
        .map((body) => ({ kind: 'random non-object', body })),
    );
    return fc.oneof(...variants);
  };

  const catalogue = (op: Operation): Case[] => {
    const credential = defaultCredential(op.audience);
    const cases: Case[] = [];
    let n = 0;
    const ip = () => `10.${Math.floor(n / 250) % 250}.${n % 250}.${++n % 250}`;
    const valid = validBody(op);
    const validJson = valid === undefined ? Buffer.from('{"unexpected":true}') : json(valid);
    const add = (kind: string, c: Partial<Case> & { headers?: Record<string, string> }) =>
      cases.push({
        op: op.operationId,
        kind,
        method: c.method ?? op.method,
        path: c.path ?? pathWith(op, harmlessPath(op)),
        headers: { ...headersFor(credential, ip()), ...c.headers },
        ...(c.body ? { body: c.body } : {}),
      });
    const other = ['DELETE', 'PUT', 'PATCH', 'POST', 'GET'].find((m) => !op.pathMethods.includes(m));
    if (other) add(`method ${other}`, { method: other });
    // Bodies of reads are not parsed (a GET body has no meaning): the body cases go to the other methods.
    if (op.method !== 'GET') bodyCases();
    if (op.upload) uploadCases(op.upload);
    for (const p of op.pathParams)
      for (const value of badPathValues) {
        if (p.name === 'slug' && /^[a-z0-9-]{1,40}$/.test(value) && !value.endsWith('-')) continue;
        add(`path ${p.name}=${value.slice(0, 20)}`, {
          path: pathWith(op, { ...harmlessPath(op), [p.name]: value }),
          headers: valid === undefined ? {} : { 'content-type': 'application/json' },
          ...(valid === undefined ? {} : { body: json(valid) }),
        });
      }
    const queryNames = [...op.queryParams.map((p) => p.name), 'unknown_param'];
    for (const name of queryNames)
      for (const value of badQueryValues)
        add(`query ${name}=${value.slice(0, 20)}`, { path: pathWith(op, harmlessPath(op), `?${name}=${value}`) });
    add('a repeated query parameter', { path: pathWith(op, harmlessPath(op), `?limit=1&limit=2`) });
    add('a bracketed query parameter', { path: pathWith(op, harmlessPath(op), `?limit[gt]=1`) });
    for (const tenant of badTenantHeaders)
      add(`tenant header ${tenant.slice(0, 20)}`, { headers: { 'caseflow-tenant': tenant } });
    // Downloads: a Range or If-Range that makes no sense gets the whole document, a 416 or a 4xx envelope, never a 5xx.
    // They name a real document when the run gives one (references['<operationId>:<param>']), so the range code runs.
    const documentPath = pathWith(
      op,
      Object.fromEntries(
        op.pathParams.map((p) => [
          p.name,
          encodeURIComponent(bodyReferences[`${op.operationId}:${p.name}`] ?? harmlessPathValue(p)),
        ]),
      ),
    );
    if (op.headerParams.includes('Range'))
      for (const range of badRanges) add(`range ${range.slice(0, 20)}`, { path: documentPath, headers: { range } });
    if (op.headerParams.includes('If-Range'))
      for (const ifRange of badIfRanges)
        add(`if-range ${ifRange.slice(0, 20)}`, {
          path: documentPath,
          headers: { range: 'bytes=0-9', 'if-range': ifRange },
        });
    if (op.idempotent && valid !== undefined)
      for (const key of ['', 'k'.repeat(256), 'sp ace', 'ké'])
        add(`idempotency key ${key.slice(0, 10)}`, {
          headers: { 'content-type': 'application/json', 'idempotency-key': key },
          body: json(valid),
        });
    return cases;

    /** An upload's own cases: bytes that are not what they claim, none, too many, compressed, of no image type. */
    function uploadCases(accepts: string): void {
      const type = accepts.endsWith('/*') ? `${accepts.slice(0, -1)}png` : accepts;
      const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
      add('an upload whose bytes are not its declared type', { headers: { 'content-type': type }, body: svg });
      add('an upload of SVG declared as such', { headers: { 'content-type': 'image/svg+xml' }, body: svg });
      add('an upload of WebP', {
        headers: { 'content-type': 'image/webp' },
        body: Buffer.concat([Buffer.from('RIFF\x24\0\0\0WEBPVP8 ', 'latin1'), Buffer.alloc(24)]),
      });
      add('an empty upload', { headers: { 'content-type': type } });
      add('an upload over its limit', {
        headers: { 'content-type': type },
        body: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(300 * 1024)]),
      });
      add('an upload with a gzip content-encoding', {
        headers: { 'content-type': type, 'content-encoding': 'gzip' },
        body: gzipSync(svg),
      });
      add('an upload of a PNG signature with a corrupt header', {
        headers: { 'content-type': type },
        body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x58]),
      });
    }

    function bodyCases(): void {
      for (const type of contentTypes)
        add(`content-type ${type}`, { headers: { 'content-type': type }, body: validJson });
      add('a body without a content-type', { body: validJson });
      add('a gzip content-encoding on a plain body', {
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: validJson,
      });
      add('a deflate content-encoding on a plain body', {
        headers: { 'content-type': 'application/json', 'content-encoding': 'deflate' },
        body: validJson,
      });
      add('a br content-encoding on a plain body', {
        headers: { 'content-type': 'application/json', 'content-encoding': 'br' },
        body: validJson,
      });
      add('a truncated gzip body', {
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: gzipSync(validJson).subarray(0, 12),
      });
      add('an unknown content-encoding', {
        headers: { 'content-type': 'application/json', 'content-encoding': 'x-nope' },
        body: validJson,
      });
      add('bytes that are not UTF-8', {
        headers: { 'content-type': 'application/json' },
        body: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]),
      });
      // Broken bytes inside a field the schema otherwise accepts: refused, or stored as U+FFFD?
      const textSlot = valid === undefined ? undefined : firstTextSlot(op.body!, valid);
      if (textSlot) {
        const [before, after] = toJson(setAt(valid, textSlot, 'MARK')).split('"MARK"') as [string, string];
        add(`bytes that are not UTF-8 in field ${textSlot.join('.')}`, {
          headers: { 'content-type': 'application/json' },
          body: Buffer.concat([Buffer.from(`${before}"Caf`), Buffer.from([0xe9, 0xff]), Buffer.from(`"${after}`)]),
        });
        add(`a latin-1 body declared as such, in field ${textSlot.join('.')}`, {
          headers: { 'content-type': 'application/json; charset=iso-8859-1' },
          body: Buffer.concat([Buffer.from(`${before}"Caf`), Buffer.from([0xe9]), Buffer.from(`"${after}`)]),
        });
      }
      add('a body over 1 MB', {
        headers: { 'content-type': 'application/json' },
        body: json({ ...(valid as object), filler: oneMegabyte }),
      });
      for (const text of invalidJson)
        if (op.body || text.trim().length)
          add(`invalid or non-object JSON ${text.slice(0, 20)}`, {
            headers: { 'content-type': 'application/json' },
            body: Buffer.from(text, 'utf8'),
          });
      if (hasRequired(op.body)) {
        add('an empty body', { headers: { 'content-type': 'application/json' } });
        add('an empty JSON object', { headers: { 'content-type': 'application/json' }, body: Buffer.from('{}') });
      }
    }
  };

  const random = (op: Operation): fc.Arbitrary<Case> => {
    // Bodies of reads are not parsed: a read's cases put the wrong value in its path or query.
    const read = op.method === 'GET';
    const pathArb = fc
      .oneof(
        { arbitrary: fc.constant<Record<string, string>>({}), weight: read ? 1 : 4 },
        {
          arbitrary: op.pathParams.length
            ? fc
                .tuple(
                  fc.constantFrom(...op.pathParams.map((p) => p.name)),
                  fc.oneof(fc.constantFrom(...badPathValues), fc.string({ maxLength: 40 }).map(encodeURIComponent)),
                )
                .map(([name, value]) => ({ [name]: value }))
            : fc.constant<Record<string, string>>({}),
          weight: 1,
        },
      )
      .map((overrides) => ({ ...harmlessPath(op), ...overrides }));
    const queryValue = fc.oneof(
      fc.constantFrom(...badQueryValues),
      fc.string({ maxLength: 30 }).map(encodeURIComponent),
      fc.string({ unit: 'binary', maxLength: 20 }).map(encodeURIComponent),
    );
    const queryArb = fc.oneof(
      { arbitrary: fc.constant(''), weight: read ? 0 : 5 },
      {
        arbitrary: fc
          .array(fc.tuple(fc.constantFrom(...op.queryParams.map((p) => p.name), 'unknown', 'limit'), queryValue), {
            minLength: 1,
            maxLength: 3,
          })
          .map((pairs) => `?${pairs.map(([name, value]) => `${name}=${value}`).join('&')}`),
        weight: read ? 4 : 1,
      },
    );
    return fc
      .record({
        credential: credentialArb(op.audience),
        ip: ipArb,
        path: pathArb,
        query: queryArb,
        body: badBodyArb(op),
        tenant: fc.oneof(
          { arbitrary: fc.constant('acme'), weight: 30 },
          { arbitrary: fc.constantFrom(...badTenantHeaders), weight: 1 },
        ),
      })
      .map(({ credential, ip, path, query, body, tenant }) => ({
        op: op.operationId,
        kind: body.kind,
        method: op.method,
        path: pathWith(op, path, query),
        headers: { ...headersFor(credential, ip, tenant), ...(read ? {} : { 'content-type': 'application/json' }) },
        ...(read ? {} : { body: json(body.body) }),
      }));
  };

  return { catalogue, random };
}
