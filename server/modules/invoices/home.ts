import type { z } from 'zod';
import type { HomeInvoices } from '../../../sdk/schemas/home.js';
import type { Row } from '../../db/model.js';
import type { HomeProvider } from '../home/provider.js';
import { Params } from '../../http/pagination.js';
import type { InvoiceModel } from './models.js';
import { isOpen, isOverdue } from './overdue.js';

type Invoice = Row<InvoiceModel>;

/** One currency of the client's open invoices, and the invoice due first when it is in that currency. */
interface OpenInCurrencyRow {
  currency: Invoice['currency'];
  amount: number;
  open_count: number;
  overdue_count: number;
  next_id: Invoice['id'] | null;
  next_number: string | null;
  next_due_date: string | null;
  next_amount_due: number | null;
}

/**
 * The client's open invoices per currency, in one statement whatever their
 * number: "open" and "overdue" are the invoice list's own rules (overdue.ts);
 * the policies leave out drafts and other clients. The invoice due first
 * (earliest due date, then number) is joined to the row of its currency.
 */
const openPerCurrency = (tz: string) => `
  WITH open AS (
    SELECT invoices.id, invoices.number, invoices.currency, invoices.due_date,
           GREATEST(invoices.total - invoices.amount_paid, 0) AS amount_due,
           ${isOverdue(tz)} AS overdue
      FROM invoices
     WHERE ${isOpen}
  ), next_due AS (
    SELECT id, number, currency, due_date, amount_due
      FROM open
     WHERE due_date IS NOT NULL
     ORDER BY due_date, number
     LIMIT 1
  )
  SELECT per.currency, per.amount, per.open_count, per.overdue_count,
         next_due.id AS next_id, next_due.number AS next_number,
         next_due.due_date AS next_due_date, next_due.amount_due AS next_amount_due
    FROM (SELECT currency, sum(amount_due)::bigint AS amount, count(*)::int AS open_count,
                 count(*) FILTER (WHERE overdue)::int AS overdue_count
            FROM open
           GROUP BY currency) AS per
    LEFT JOIN next_due ON next_due.currency = per.currency
   ORDER BY per.currency`;

/** The wire part from the rows: amounts stay per currency, counts add up. */
function homeInvoices(rows: OpenInCurrencyRow[]): z.input<typeof HomeInvoices> {
  const next = rows.find((row) => row.next_id !== null);
  return {
    balance_due: rows.map((row) => ({ currency: row.currency, amount: row.amount })),
    open_count: rows.reduce((sum, row) => sum + row.open_count, 0),
    overdue_count: rows.reduce((sum, row) => sum + row.overdue_count, 0),
    next_due: next
      ? {
          invoice_id: next.next_id!,
          number: next.next_number!,
          due_date: next.next_due_date!,
          amount_due: next.next_amount_due!,
          currency: next.currency,
        }
      : null,
  };
}

/** The home's invoices: for contacts with the invoices permission (the portal's plan gate is the home's own). */
export const invoicesAtHome: HomeProvider<z.input<typeof HomeInvoices>> = {
  shown: (scope) => scope.permissions.includes('invoices'),

  async read(db, scope) {
    const params = new Params();
    const tz = params.add(scope.timezone);
    const rows = await db.query<OpenInCurrencyRow>({
      name: 'portal_home_invoices',
      text: openPerCurrency(tz),
      values: params.values,
    });
    return homeInvoices(rows);
  },

  waiting: (part) => [
    { kind: 'invoices_overdue', count: part.overdue_count, href: '/clients/invoices' },
    { kind: 'invoices_to_pay', count: part.open_count - part.overdue_count, href: '/clients/invoices' },
  ],
};
