/**
 * Timestamps shown as dates (sdk/format.ts re-exports this): apart so a page
 * that shows only calendar dates (the invoice list) does not download it.
 */

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * An ISO timestamp as the date it was in `timeZone` (the firm's; the reader's
 * when none, or unknown), e.g. "Mar 1, 2025". Not a timestamp: returned as it came.
 */
export function formatTimestampDate(value: string, locale?: string, timeZone?: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const key = `${locale ?? ''}|${timeZone ?? ''}`;
  let format = formats.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', ...(timeZone ? { timeZone } : {}) });
    } catch {
      format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }); // unknown zone: the reader's
    }
    formats.set(key, format);
  }
  return format.format(date);
}
