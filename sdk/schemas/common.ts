import { z } from 'zod';

/** A UUID as every id on the wire. */
export const Id = z.uuid().describe('Identifier (UUID)');

// PostgreSQL text cannot hold a NUL byte, and a lone UTF-16 surrogate has no UTF-8 form:
// both are refused at the boundary so they never reach SQL.
// eslint-disable-next-line no-control-regex -- the NUL byte is exactly what this refuses
const storableText = /^(?:[^\u0000\ud800-\udfff]|[\ud800-\udbff][\udc00-\udfff])*$/;
export const messages = {
  unstorableText: 'must be plain text: it contains a NUL byte or a broken character',
  yearZero: 'must be in year 1 or later',
};

/**
 * A string of the contract: every string an endpoint accepts is built from this,
 * so NUL bytes and broken characters get a 400 naming the field on every endpoint.
 */
export const Text = () => z.string().regex(storableText, messages.unstorableText);

/** A URL of the contract: `z.url()` alone lets a NUL byte through, so it gets Text's check too. */
export const Url = () => z.url().regex(storableText, messages.unstorableText);

// PostgreSQL has no year 0 (1 BC is written 0001-01-01 BC): "0000-…" would reach SQL and fail there.
const afterYearZero = (value: string) => !value.startsWith('0000');

/** ISO 8601 timestamp with offset, as sent by the API. */
export const Timestamp = z.iso
  .datetime({ offset: true })
  .refine(afterYearZero, messages.yearZero)
  .describe('ISO 8601 timestamp');

/** A calendar date, YYYY-MM-DD. */
export const CalendarDate = z.iso
  .date()
  .refine(afterYearZero, messages.yearZero)
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

export const ErrorBody = z
  .object({
    error: z
      .object({
        type: ErrorType,
        code: z.string(),
        message: z.string(),
        params: z
          .array(z.object({ path: z.string(), message: z.string() }).strict())
          .optional()
          .describe('For validation errors: each offending field'),
        required_plan: z.string().optional(),
        request_id: z.string(),
      })
      .strict(),
  })
  .strict()
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof ErrorBody>;
