import { z } from 'zod';
import { Currency, Id, MinorUnits, Text } from './common.js';
import { endpoint, type Endpoint } from './endpoint.js';

/** A calendar month, YYYY-MM (year 1 or later). */
export const CalendarMonth = Text()
  .regex(/^(?!0000)\d{4}-(0[1-9]|1[0-2])$/, 'must be a month such as 2026-03')
  .describe('Calendar month (YYYY-MM)');

export const REVENUE_MAX_MONTHS = 36;

export const RevenueReportQuery = z
  .object({
    from: CalendarMonth.optional().describe('First month (default: 11 months before `to`)'),
    to: CalendarMonth.optional().describe("Last month (default: the current month in the firm's time zone)"),
  })
  .strict();
export type RevenueReportQuery = z.input<typeof RevenueReportQuery>;

const Figures = {
  collected: MinorUnits.describe('Payments received (by paid_at in the firm’s time zone) minus refunds made'),
  outstanding: MinorUnits.describe(
    'Positive balances of issued, not cancelled invoices at the end of the month (or period)',
  ),
};

export const RevenueMonth = z
  .object({ month: z.string().describe('YYYY-MM'), ...Figures })
  .strict()
  .meta({ id: 'RevenueMonth' });

export const RevenuePracticeArea = z
  .object({
    practice_area_id: Id.nullable().describe('null: invoices without a matter, or whose matter has no practice area'),
    name: z.string().nullable(),
    ...Figures,
  })
  .strict()
  .meta({ id: 'RevenuePracticeArea' });

export const RevenueCurrency = z
  .object({
    currency: Currency,
    months: z.array(RevenueMonth).describe('Every month of the period, oldest first'),
    practice_areas: z
      .array(RevenuePracticeArea)
      .describe(
        'The whole period by practice area: collected over it, outstanding at its end; areas by name, none last',
      ),
    totals: z.object(Figures).strict().describe('Collected over the period; outstanding at its end'),
  })
  .strict()
  .meta({ id: 'RevenueCurrency' });

export const RevenueReport = z
  .object({
    from: z.string(),
    to: z.string(),
    timezone: z.string().describe("The firm's time zone the months are cut in"),
    currencies: z
      .array(RevenueCurrency)
      .describe('One entry per currency, by code: amounts are never added across currencies'),
  })
  .strict()
  .meta({ id: 'RevenueReport' });
export type RevenueReport = z.infer<typeof RevenueReport>;

export const reportEndpoints = {
  adminRevenueReport: endpoint({
    operationId: 'adminRevenueReport',
    method: 'GET',
    path: '/admin/reports/revenue',
    audience: 'admin',
    authenticated: true,
    summary: `Money collected and outstanding per month and per practice area, per currency (at most ${REVENUE_MAX_MONTHS} months). Admins and admin API keys only`,
    query: RevenueReportQuery,
    response: RevenueReport,
    status: 200,
  }),
} satisfies Record<string, Endpoint>;
