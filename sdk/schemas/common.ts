import { z } from 'zod';
import { isEmailAddress, normalizeEmail } from '../email-address.js';
import { LANGUAGES } from '../i18n.js';

/** A UUID as every id on the wire. */
export const Id = z.uuid().describe('Identifier (UUID)');

// PostgreSQL text cannot hold a NUL byte, and a lone UTF-16 surrogate has no UTF-8 form:
// both are refused at the boundary so they never reach SQL.
// eslint-disable-next-line no-control-regex -- the NUL byte is exactly what this refuses
const storableText = /^(?:[^\u0000\ud800-\udfff]|[\ud800-\udbff][\udc00-\udfff])*$/;
export const messages = {
  unstorableText: 'must be plain text: it contains an invisible NUL character or a broken character',
  yearZero: 'must be a date in year 1 or later',
};

/**
 * A string of the contract: every string an endpoint accepts is built from this,
 * so NUL bytes and broken characters get a 400 naming the field on every endpoint.
 */
export const Text = () => z.string().regex(storableText, messages.unstorableText);

/** A language the portal ships (sdk/i18n.ts): its strings, emails and PDFs. */
export const Language = z
  .enum(LANGUAGES)
  .describe('Language of the portal, emails and PDFs: en, es, fr, de or ar')
  .meta({ id: 'Language' });

const emailMessage = 'Enter an email address such as name@example.com.';
// A first, loose pass (one @, no spaces) that keeps `format: email` in the OpenAPI document;
// the real check (sdk/email-address.ts) runs on the normal form.
const oneAt = /^[^\s@]+@[^\s@]+$/u;

/**
 * An email address as every endpoint takes it, in any script (`zoe@ørsted.example`):
 * parsed into its normal form (NFC, the domain lower-cased: sdk/email-address.ts),
 * at most 254 characters (RFC 5321's path limit), with a domain that has an ASCII
 * (punycode) form. Whether this server can deliver to a non-ASCII local part is
 * the server's call (SMTP_UTF8).
 */
export const Email = () =>
  z
    // The sentence is for a malformed address only; a number or a missing field gets its own.
    .email({
      pattern: oneAt,
      abort: true,
      error: (issue) => (issue.code === 'invalid_format' ? emailMessage : undefined),
    })
    .overwrite(normalizeEmail)
    .max(254, { message: 'Enter an email address of at most 254 characters.', abort: true })
    .refine(isEmailAddress, { message: emailMessage, params: { code: 'invalid_format' } });

/** A URL of the contract: `z.url()` alone lets a NUL byte through, so it gets Text's check too. */
export const Url = () => z.url().regex(storableText, messages.unstorableText);

// PostgreSQL has no year 0 (1 BC is written 0001-01-01 BC): "0000-…" would reach SQL and fail there.
const afterYearZero = (value: string) => !value.startsWith('0000');

/** ISO 8601 timestamp with offset, as sent by the API. */
export const Timestamp = z.iso
  .datetime({ offset: true })
  .refine(afterYearZero, { message: messages.yearZero, params: { code: 'invalid_date' } })
  .describe('ISO 8601 timestamp');

/** A calendar date, YYYY-MM-DD. */
export const CalendarDate = z.iso
  .date()
  .refine(afterYearZero, { message: messages.yearZero, params: { code: 'invalid_date' } })
  .describe('Calendar date (YYYY-MM-DD)');

/** The admin who wrote this in an admin preview ("by {name}, previewing"); null when the client did. */
export const PreviewedBy = z
  .object({ id: Id, name: Text() })
  .strict()
  .nullable()
  .describe('The admin who did this while previewing the portal as the client; null when the client did');

/** ISO 4217 currency code in upper case. */
export const Currency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD')
  .describe('ISO 4217 currency code');

/** An amount in the minor unit of its currency (cents for USD, yen for JPY, fils for KWD). */
export const MinorUnits = z.number().int().describe('Amount in the minor unit of the currency');

/** `?limit=&starting_after=` of every list endpoint (keyset pagination). */
export const ListQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(25).describe('Page size, 1 to 100 (default 25)'),
    starting_after: Id.optional().describe('Cursor: the id of the last item of the previous page'),
  })
  .strict();
export type ListQuery = z.infer<typeof ListQuery>;

/** The envelope of every list answer. */
export function listOf<T extends z.ZodType>(item: T) {
  return z
    .object({
      data: z.array(item),
      has_more: z.boolean(),
      next_cursor: Id.nullable().describe('Pass as starting_after to get the next page; null on the last page'),
    })
    .strict();
}
export interface List<T> {
  data: T[];
  has_more: boolean;
  next_cursor: string | null;
}

export const ErrorType = z.enum([
  'invalid_request',
  'authentication_error',
  'permission_error',
  'not_found',
  'conflict',
  'plan_upgrade_required',
  'rate_limited',
  'api_error',
]);
export type ErrorType = z.infer<typeof ErrorType>;

/**
 * What is wrong with one field of a refused request: a closed list, so code can
 * react to it (a widget shows its own words for `password_common`) without
 * reading the message. A rule the list does not name is `invalid`.
 */
export const ParamCode = z
  .enum([
    'required',
    'unknown_field',
    'not_allowed',
    'invalid_type',
    'too_short',
    'too_long',
    'too_small',
    'too_large',
    'not_multiple',
    'invalid_format',
    'invalid_value',
    'invalid_date',
    'not_found',
    'incorrect',
    'password_common',
    'password_too_short',
    'password_too_long',
    'invalid',
  ])
  .meta({
    id: 'ParamCode',
    description:
      'required: missing; unknown_field: a field the request does not take; not_allowed: the endpoint takes no body or query; ' +
      'invalid_type: the wrong kind of value (text for a number); too_short / too_long: text or a list outside its length; ' +
      'too_small / too_large: a number or date outside its range; not_multiple: not a multiple of the step; ' +
      'invalid_format: not an email address, URL, id or the pattern asked for; invalid_value: not one of the allowed values; ' +
      'invalid_date: not a date, or not one that can be; not_found: names something that does not exist in this firm; ' +
      'incorrect: a current password that is wrong; password_common: one of the most common passwords; ' +
      'password_too_short / password_too_long: a new password outside 8 to 256 characters; invalid: any other rule.',
  });
export type ParamCode = z.infer<typeof ParamCode>;

/** One offending field of a refused request. */
export const ErrorParam = z
  .object({
    path: z.string().describe('Where, for code: body.email, body.lines.0.quantity, query.limit; never shown to people'),
    code: ParamCode,
    message: z.string().describe('A sentence for a person, to show beside the field'),
  })
  .strict()
  .meta({ id: 'ErrorParam' });
export type ErrorParam = z.infer<typeof ErrorParam>;

export const ErrorBody = z
  .object({
    error: z
      .object({
        type: ErrorType,
        code: z.string(),
        message: z.string(),
        params: z.array(ErrorParam).optional().describe('For validation errors: each offending field'),
        required_plan: z.string().optional(),
        request_id: z.string(),
      })
      .strict(),
  })
  .strict()
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof ErrorBody>;
