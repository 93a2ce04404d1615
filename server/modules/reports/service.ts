import type { z } from 'zod';
import { REVENUE_MAX_MONTHS, type RevenueReport, type RevenueReportQuery } from '../../../sdk/schemas/reports.js';
import type { RequestDb } from '../../db/request-db.js';
import { ValidationError } from '../../errors.js';

export const messages = {
  fromAfterTo: (from: string, to: string) => `The first month (${from}) is after the last month (${to}).`,
  tooLong: (months: number) =>
    `The report covers ${months} months; at most ${REVENUE_MAX_MONTHS} months fit in one report.`,
};

type ReportOut = z.input<typeof RevenueReport>;

/** Months since year 0 (a plain ordinal: 2026-03 → 2026 * 12 + 2). */
const ordinal = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthOf = (n: number) =>
  `${String(Math.floor(n / 12)).padStart(4, '0')}-${String((n % 12) + 1).padStart(2, '0')}`;

/** The current month in `timeZone`, YYYY-MM. */
function currentMonth(timeZone: string, now: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(now);
  return `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`;
}

/** The period asked for, with its defaults (the 12 months up to the current one) and limits. */
export function period(
  query: z.output<typeof RevenueReportQuery>,
  timeZone: string,
  now = new Date(),
): { from: string; to: string } {
  const to = query.to ?? currentMonth(timeZone, now);
  const from = query.from ?? monthOf(Math.max(ordinal(to) - 11, 0));
  if (ordinal(from) > ordinal(to)) {
    const message = messages.fromAfterTo(from, to);
    throw new ValidationError(message, [{ path: 'query.from', code: 'invalid_date', message }]);
  }
  const months = ordinal(to) - ordinal(from) + 1;
  if (months > REVENUE_MAX_MONTHS) {
    const message = messages.tooLong(months);
    throw new ValidationError(message, [{ path: 'query.to', code: 'too_large', message }]);
  }
  return { from, to };
}

interface FigureRow {
  kind: 'month' | 'area';
  key: string | null;
  name: string | null;
  currency: string;
  collected: string;
  outstanding: string;
}

/*
 * One statement. Months are cut in the firm's time zone: a month runs from its
 * first midnight there to the next month's. Money moves are payments (+amount at
 * paid_at) and refunds (−amount at their created_at), whatever the invoice's state.
 * An invoice counts as outstanding at a month's end when it was issued on or
 * before the month's last day and is neither a draft nor cancelled; its balance
 * then is its total minus the money moved on it before the month ended, and only
 * positive balances count (an overpayment is a credit, not negative debt).
 */
const revenueSql = `
WITH months AS (
  SELECT to_char(m, 'YYYY-MM') AS month,
         m AT TIME ZONE $3 AS starts,
         (m + interval '1 month') AT TIME ZONE $3 AS ends,
         (m + interval '1 month' - interval '1 day')::date AS last_day
    FROM generate_series($1::timestamp, $2::timestamp, interval '1 month') AS m
),
period AS (SELECT min(starts) AS starts, max(ends) AS ends, max(last_day) AS last_day FROM months),
moves AS (
  SELECT p.invoice_id, p.currency, p.amount AS delta, p.paid_at AS at FROM payments p
  UNION ALL
  SELECT r.invoice_id, r.currency, -r.amount, r.created_at FROM refunds r
),
area_of AS (
  SELECT i.id AS invoice_id, m.practice_area_id
    FROM invoices i LEFT JOIN matters m ON m.tenant_id = i.tenant_id AND m.id = i.matter_id
),
issued AS (
  SELECT i.id, i.currency, i.total, i.issue_date FROM invoices i WHERE i.status NOT IN ('draft', 'cancelled')
),
monthly_collected AS (
  SELECT ms.month, mv.currency, sum(mv.delta) AS amount
    FROM months ms JOIN moves mv ON mv.at >= ms.starts AND mv.at < ms.ends
   GROUP BY ms.month, mv.currency
),
balances AS (
  -- A hash join of each month's invoices with their money moves (not a subquery per invoice and month).
  SELECT ms.month, ms.ends, iv.id, iv.currency,
         greatest(iv.total - coalesce(sum(mv.delta), 0), 0) AS balance
    FROM months ms
    JOIN issued iv ON iv.issue_date <= ms.last_day
    LEFT JOIN moves mv ON mv.invoice_id = iv.id AND mv.at < ms.ends
   GROUP BY ms.month, ms.ends, iv.id, iv.currency, iv.total
),
monthly_outstanding AS (
  SELECT month, currency, sum(balance) AS amount FROM balances GROUP BY month, currency
),
area_collected AS (
  SELECT a.practice_area_id, mv.currency, sum(mv.delta) AS amount
    FROM period pd JOIN moves mv ON mv.at >= pd.starts AND mv.at < pd.ends
    JOIN area_of a ON a.invoice_id = mv.invoice_id
   GROUP BY a.practice_area_id, mv.currency
),
area_outstanding AS (
  SELECT a.practice_area_id, b.currency, sum(b.balance) AS amount
    FROM balances b JOIN period pd ON b.ends = pd.ends JOIN area_of a ON a.invoice_id = b.id
   GROUP BY a.practice_area_id, b.currency
)
SELECT 'month' AS kind, coalesce(c.month, o.month) AS key, NULL AS name, coalesce(c.currency, o.currency) AS currency,
       coalesce(c.amount, 0)::text AS collected, coalesce(o.amount, 0)::text AS outstanding
  FROM monthly_collected c FULL JOIN monthly_outstanding o ON o.month = c.month AND o.currency = c.currency
UNION ALL
SELECT 'area', coalesce(c.practice_area_id, o.practice_area_id)::text, pa.name, coalesce(c.currency, o.currency),
       coalesce(c.amount, 0)::text, coalesce(o.amount, 0)::text
  FROM area_collected c
  FULL JOIN area_outstanding o
    ON o.currency = c.currency AND o.practice_area_id IS NOT DISTINCT FROM c.practice_area_id
  LEFT JOIN practice_areas pa ON pa.id = coalesce(c.practice_area_id, o.practice_area_id)
`;

/**
 * Revenue per currency for the months from..to: collected and outstanding each
 * month, the period by practice area, and the period's totals (collected over
 * it, outstanding at its end). Currencies are never added together.
 */
export async function revenue(
  db: RequestDb,
  scope: { timezone: string },
  query: z.output<typeof RevenueReportQuery>,
): Promise<ReportOut> {
  const { from, to } = period(query, scope.timezone);
  const rows = await db.query<FigureRow>(revenueSql, [`${from}-01`, `${to}-01`, scope.timezone]);
  const months: string[] = [];
  for (let n = ordinal(from); n <= ordinal(to); n++) months.push(monthOf(n));
  const byCurrency = new Map<string, ReportOut['currencies'][number]>();
  const entry = (currency: string) => {
    let found = byCurrency.get(currency);
    if (!found) {
      found = {
        currency,
        months: months.map((month) => ({ month, collected: 0, outstanding: 0 })),
        practice_areas: [],
        totals: { collected: 0, outstanding: 0 },
      };
      byCurrency.set(currency, found);
    }
    return found;
  };
  for (const row of rows) {
    const figures = { collected: Number(row.collected), outstanding: Number(row.outstanding) };
    const report = entry(row.currency);
    if (row.kind === 'month') {
      Object.assign(
        report.months.find((m) => m.month === row.key)!,
        figures,
      );
    } else if (figures.collected !== 0 || figures.outstanding !== 0) {
      report.practice_areas.push({ practice_area_id: row.key, name: row.name, ...figures });
    }
  }
  const currencies = [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency));
  for (const report of currencies) {
    report.totals = {
      collected: report.months.reduce((sum, m) => sum + m.collected, 0),
      outstanding: report.months.at(-1)!.outstanding,
    };
    report.practice_areas.sort((a, b) =>
      a.name === null ? 1 : b.name === null ? -1 : a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }),
    );
  }
  return { from, to, timezone: scope.timezone, currencies };
}
