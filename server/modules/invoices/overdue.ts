/**
 * "Overdue" is derived at read time, never stored: an unpaid or partially paid
 * invoice is overdue once its due date has passed in the firm's time zone. The
 * portal and admin lists share these SQL fragments; `tz` is a bound parameter.
 */
import type { Row } from '../../db/model.js';
import type { Params } from '../../http/pagination.js';
import type { InvoiceModel } from './models.js';

const pastDue = (tz: string) => `invoices.due_date < (now() AT TIME ZONE ${tz})::date`;
/** Open: issued and not settled (unpaid or partially paid), past due or not. */
export const isOpen = `invoices.status IN ('unpaid', 'partially_paid')`;
/** Open and past its due date in the firm's time zone. */
export const isOverdue = (tz: string) => `${isOpen} AND ${pastDue(tz)}`;

/** The stored status, with open invoices past due shown as overdue. */
export const displayStatusColumn = (tz: string) =>
  `CASE WHEN ${isOverdue(tz)} THEN 'overdue' ELSE invoices.status END AS display_status`;

/** A list filter on the status as shown: unpaid and partially paid leave out the overdue ones. */
export function statusFilter(status: string | undefined, tz: string, params: Params): string | null {
  if (!status) return null;
  if (status === 'overdue') return isOverdue(tz);
  const exact = `invoices.status = ${params.add(status)}`;
  if (status === 'unpaid' || status === 'partially_paid') {
    return `${exact} AND (invoices.due_date IS NULL OR NOT ${pastDue(tz)})`;
  }
  return exact;
}

/** What display_status holds: the stored status, or overdue. */
export type DisplayStatus = Row<InvoiceModel>['status'] | 'overdue';
/** The portal never sees drafts. */
export type PortalDisplayStatus = Exclude<DisplayStatus, 'draft'>;
