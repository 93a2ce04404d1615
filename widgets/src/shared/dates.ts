// Calendar dates ('YYYY-MM-DD') have no time or zone: built at UTC midnight and
// formatted in UTC, they show the same day whatever the viewer's timezone.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(locale: string | undefined): Intl.DateTimeFormat {
  const key = locale ?? '';
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Formats 'YYYY-MM-DD' in the locale, e.g. '2025-03-01' → "Mar 1, 2025" (en-US). */
export function formatCalendarDate(value: string, locale?: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return value;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return formatterFor(locale).format(date);
}

const timestampFormatters = new Map<string, Intl.DateTimeFormat>();

/** Formats an ISO timestamp as a date in the firm's time zone (or the viewer's), e.g. "Mar 1, 2025". */
export function formatTimestampDate(value: string, locale?: string, timeZone?: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const key = `${locale ?? ''}|${timeZone ?? ''}`;
  let formatter = timestampFormatters.get(key);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', ...(timeZone ? { timeZone } : {}) });
    } catch {
      formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }); // unknown zone: the viewer's
    }
    timestampFormatters.set(key, formatter);
  }
  return formatter.format(date);
}
