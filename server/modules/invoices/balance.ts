/**
 * An invoice's balance, the one rule for it: amount_paid is what the invoice has
 * received net of refunds, never more than its total; its status follows
 * (0 → unpaid, below total → partially_paid, total → paid; drafts and cancelled
 * invoices keep theirs). The payments module moves it through these functions,
 * in its own transaction, after locking the invoice row with lockInvoice.
 */
import type { RequestDb } from '../../db/request-db.js';
import type { Row } from '../../db/model.js';
import type { InvoiceModel } from './models.js';

export type InvoiceState = Row<InvoiceModel>['status'];

/** The invoice after the change: the balance is total − amount_paid (0 for drafts and cancelled ones). */
export interface InvoiceBalance {
  id: string;
  status: InvoiceState;
  amount_paid: number;
  balance: number;
}

/** The invoice row a balance change starts from, locked (numeric columns as the driver gives them). */
export type LockedInvoice = Pick<
  Row<InvoiceModel>,
  'id' | 'client_id' | 'status' | 'currency' | 'total' | 'amount_paid'
>;

const open = (status: InvoiceState) => status === 'unpaid' || status === 'partially_paid' || status === 'paid';

function balanceOf(row: { status: InvoiceState; total: number; amount_paid: number }): number {
  return open(row.status) ? Math.max(row.total - row.amount_paid, 0) : 0;
}

function statusFor(current: InvoiceState, amountPaid: number, total: number): InvoiceState {
  if (!open(current)) return current;
  if (amountPaid <= 0) return 'unpaid';
  return amountPaid >= total ? 'paid' : 'partially_paid';
}

/** Locks the invoice row for the rest of the transaction; every balance change starts here. */
export async function lockInvoice(db: RequestDb, invoiceId: string): Promise<LockedInvoice | undefined> {
  const [row] = await db.query<LockedInvoice>(
    `SELECT id, client_id, status, currency, total, amount_paid FROM invoices WHERE id = $1 FOR UPDATE`,
    [invoiceId],
  );
  return row;
}

/** Sets what the invoice has received; its status follows. */
export async function setAmountPaid(
  db: RequestDb,
  invoice: LockedInvoice,
  amountPaid: number,
): Promise<InvoiceBalance> {
  const total = Number(invoice.total);
  const status = statusFor(invoice.status, amountPaid, total);
  await db.query(`UPDATE invoices SET amount_paid = $2, status = $3, updated_at = now() WHERE id = $1`, [
    invoice.id,
    amountPaid,
    status,
  ]);
  return {
    id: invoice.id,
    status,
    amount_paid: amountPaid,
    balance: balanceOf({ status, total, amount_paid: amountPaid }),
  };
}

/** The balance of a locked invoice as it stands. */
export function currentBalance(invoice: LockedInvoice): InvoiceBalance {
  const total = Number(invoice.total);
  const amountPaid = Number(invoice.amount_paid);
  return {
    id: invoice.id,
    status: invoice.status,
    amount_paid: amountPaid,
    balance: balanceOf({ status: invoice.status, total, amount_paid: amountPaid }),
  };
}

/** An invoice as a payment of it sees it: what it is, in what currency, and what is paid. */
export type PayableInvoice = Pick<Row<InvoiceModel>, 'id' | 'status' | 'currency' | 'total' | 'amount_paid'> & {
  /** Only sent (numbered) invoices are payable; a draft's is null. */
  number: string | null;
};

/** Reads an invoice without locking it (a checkout reads it before and after Stripe answers). */
export async function payableInvoice(db: RequestDb, invoiceId: string): Promise<PayableInvoice | undefined> {
  const [row] = await db.query<PayableInvoice>(
    `SELECT id, number, status, currency, total, amount_paid FROM invoices WHERE id = $1`,
    [invoiceId],
  );
  return row;
}

/** Whether the invoice is one of the firm's (a webhook naming another's is refused). */
export async function invoiceExists(db: RequestDb, invoiceId: string): Promise<boolean> {
  const [row] = await db.query(`SELECT id FROM invoices WHERE id = $1`, [invoiceId]);
  return row !== undefined;
}
