import type { z } from 'zod';
import { ParamCode, type ErrorParam } from '../../sdk/schemas/common.js';

/**
 * The words a person reads when a field is refused: a label for the field and a
 * sentence for the rule it broke, never the field's path, a schema word ("expected
 * string", ">=") or an amount in minor units. The path stays beside it, for code.
 */

/** Labels the key alone would spell badly; any other key reads as itself ("first_name" → "First name"). */
const labels: Record<string, string> = {
  email: 'Email address',
  url: 'URL',
  website: 'Website',
  q: 'Search text',
  limit: 'Page size',
  starting_after: 'Starting after',
  password: 'Password',
  new_password: 'New password',
  current_password: 'Current password',
  primary_hex: 'Brand colour',
  primary_color: 'Brand colour',
  timezone: 'Time zone',
  logo_url: 'Logo URL',
  public_url: 'Public URL',
  return_url: 'Return URL',
  tax_rate: 'Tax rate',
  paid_at: 'Payment date',
  issue_date: 'Issue date',
  due_date: 'Due date',
  external_id: 'External id',
  id: 'Id',
  body: 'Text',
  from: 'First month',
  to: 'Last month',
  'idempotency-key': 'Idempotency key',
};

/** Amounts travel in minor units: their messages never quote a number. */
const moneyKeys = new Set([
  'amount',
  'unit_price',
  'partial_payment_minimum',
  'value',
  'original_amount',
  'refunded_amount',
  'hourly_rate',
]);

/** The field's key: the last non-index step of its path ("lines.0.quantity" → "quantity"). */
export function keyOf(path: readonly PropertyKey[]): string | undefined {
  return [...path].reverse().find((k) => typeof k === 'string') as string | undefined;
}

/** "first_name" → "First name", "client_id" → "Client", "email" → "Email address". */
export function labelOf(key: string | undefined): string {
  if (key === undefined) return 'This request';
  // Own keys only: a field named "constructor" is not Object's.
  if (Object.hasOwn(labels, key)) return labels[key]!;
  const words = key.replace(/_id$/, '').replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const isCode = (v: unknown): v is z.infer<typeof ParamCode> => ParamCode.safeParse(v).success;

/**
 * zod's own (English) messages all open with one of these words ("Invalid input: expected string…",
 * "Too big: expected…"); any other message was written in a schema for people: a sentence, or a
 * fragment ("must be a month such as 2026-03") to follow the field's label.
 */
const zodPhrasing = /^(Invalid|Too big|Too small|Unrecognized)\b/;
const sentence = (m: string) => /^[A-Z"“]/.test(m) && !zodPhrasing.test(m);
const fragment = (m: string) => /^[a-z]/.test(m);
const stop = (m: string) => (/[.!?]$/.test(m) ? m : `${m}.`);

const kinds: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object with fields',
  date: 'a date',
  null: 'empty (null)',
};

const plural = (n: number | bigint, one: string, many: string) => `${n} ${Number(n) === 1 ? one : many}`;

/** The code and a sentence for one zod issue, from its rule and the field's label. */
function describe(
  issue: z.core.$ZodIssue,
  label: string,
  key: string | undefined,
): { code: ParamCode; message: string } {
  const money = key !== undefined && moneyKeys.has(key);
  switch (issue.code) {
    case 'invalid_type':
      // zod says "received undefined" when the field is absent.
      if (/received undefined$/.test(issue.message)) return { code: 'required', message: `${label} is required.` };
      // Amounts travel as whole minor units; the API's caller (not a person typing 10.50) needs to know.
      if (money && issue.expected === 'int')
        return {
          code: 'invalid_type',
          message: `${label} must be a whole number of the currency's smallest unit (cents for USD).`,
        };
      return {
        code: 'invalid_type',
        message: `${label} must be ${Object.hasOwn(kinds, issue.expected) ? kinds[issue.expected] : 'a different kind of value'}.`,
      };
    case 'too_small': {
      const n = issue.minimum;
      if (issue.origin === 'string') {
        if (Number(n) <= 1) return { code: 'too_short', message: `${label} must not be empty.` };
        return { code: 'too_short', message: `${label} must be at least ${plural(n, 'character', 'characters')}.` };
      }
      if (issue.origin === 'array' || issue.origin === 'set')
        return { code: 'too_short', message: `${label} must have at least ${plural(n, 'item', 'items')}.` };
      if (money) {
        const message =
          Number(n) > 0 || (Number(n) === 0 && !issue.inclusive)
            ? `${label === 'Amount' ? 'The amount' : label} must be more than zero.`
            : `${label === 'Amount' ? 'The amount' : label} must not be negative.`;
        return { code: 'too_small', message };
      }
      return {
        code: 'too_small',
        message: `${label} must be ${issue.inclusive === false ? 'more than' : 'at least'} ${n}.`,
      };
    }
    case 'too_big': {
      const n = issue.maximum;
      if (issue.origin === 'string')
        return { code: 'too_long', message: `${label} must be at most ${plural(n, 'character', 'characters')}.` };
      if (issue.origin === 'array' || issue.origin === 'set')
        return { code: 'too_long', message: `${label} must have at most ${plural(n, 'item', 'items')}.` };
      if (money) return { code: 'too_large', message: `${label === 'Amount' ? 'The amount' : label} is too large.` };
      return {
        code: 'too_large',
        message: `${label} must be ${issue.inclusive === false ? 'less than' : 'at most'} ${n}.`,
      };
    }
    case 'invalid_format':
      switch (issue.format) {
        case 'email':
          return { code: 'invalid_format', message: 'Enter an email address such as name@example.com.' };
        case 'url':
          return { code: 'invalid_format', message: `${label} must be a web address such as https://example.com.` };
        case 'uuid':
        case 'guid':
          return {
            code: 'invalid_format',
            message: `${label} must be an id such as 0b6f2c1e-4a5d-4c8e-9f1a-2b3c4d5e6f70.`,
          };
        case 'date':
          return { code: 'invalid_date', message: `${label} must be a date such as 2026-03-31.` };
        case 'datetime':
          return { code: 'invalid_date', message: `${label} must be a date and time such as 2026-03-31T09:00:00Z.` };
        default:
          return { code: 'invalid_format', message: `${label} is not in the form this field takes.` };
      }
    case 'invalid_value': {
      const values = issue.values.map((v) => String(v));
      if (values.length === 1) return { code: 'invalid_value', message: `${label} must be ${values[0]}.` };
      return {
        code: 'invalid_value',
        message: `${label} must be one of ${values.slice(0, -1).join(', ')} or ${values.at(-1)}.`,
      };
    }
    case 'not_multiple_of':
      return { code: 'not_multiple', message: `${label} must be a multiple of ${issue.divisor}.` };
    default:
      return { code: 'invalid', message: `${label} is not valid.` };
  }
}

/**
 * One param per offending field. A message the schema wrote for people is kept:
 * a sentence as it stands, a fragment ("must be a month such as 2026-03") after the
 * field's label; zod's own phrasing is replaced by ours. A refine names its code
 * in `params.code` (`.refine(fn, { message, params: { code: 'password_common' } })`).
 */
export function paramsOf(issue: z.core.$ZodIssue, where: string): ErrorParam[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((k) => ({
      path: [where, ...issue.path, k].join('.'),
      code: 'unknown_field' as const,
      message: `This request does not take a field named “${k}”; remove it.`,
    }));
  }
  const key = keyOf(issue.path);
  const label = labelOf(key);
  const path = [where, ...issue.path.map(String)].join('.');
  const own = issue.code === 'custom' ? issue.params?.code : undefined;
  const generated = describe(issue, label, key);
  const code = isCode(own) ? own : generated.code;
  let message = generated.message;
  if (sentence(issue.message)) message = stop(issue.message);
  else if (fragment(issue.message))
    message = stop(key === undefined ? capitalise(issue.message) : `${label} ${issue.message}`);
  return [{ path, code, message }];
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** How a summary names a param's field: its label, or the unknown key quoted as it came. */
function nameOf(p: ErrorParam): string | undefined {
  // An unknown key is named as it came, even "27" (which an index step would hide).
  if (p.code === 'unknown_field') return `“${p.path.split('.').pop()}”`;
  const steps = p.path.split('.').filter((k) => !/^\d+$/.test(k));
  if (steps.length <= 1) return undefined; // the request as a whole ("name at least one field"), not a field
  const key = keyOf(steps);
  return labelOf(key);
}

/** The envelope's own message: the field's sentence, or how many fields need attention, which, and the first's sentence. */
export function summaryOf(params: readonly ErrorParam[]): string {
  const names = [...new Set(params.map(nameOf).filter((n) => n !== undefined))];
  if (names.length <= 1) return params[0]?.message ?? 'The request was refused.';
  const shown = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
  return `${names.length} fields need attention: ${shown}. ${params[0]!.message}`;
}
