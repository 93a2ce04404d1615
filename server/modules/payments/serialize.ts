import type { z } from 'zod';
import type { PortalPaymentHistoryItem } from '../../../sdk/schemas/payments.js';

/** A payment row joined with its invoice's number. */
export interface HistoryRow {
  id: string;
  invoice_id: string;
  invoice_number: string;
  amount: number;
  currency: string;
  method: 'manual' | 'stripe';
  paid_at: Date;
  refunded_amount: number;
  previewed_by: { id: string; name: string } | null;
}

/** The portal's allow-list of payment fields: never the internal note, mode details or Stripe ids. */
export function portalPaymentHistoryItem(row: HistoryRow): z.input<typeof PortalPaymentHistoryItem> {
  return {
    id: row.id,
    invoice_id: row.invoice_id,
    invoice_number: row.invoice_number,
    amount: row.amount,
    currency: row.currency,
    method: row.method,
    paid_at: row.paid_at.toISOString(),
    refunded_amount: row.refunded_amount,
    previewed_by: row.previewed_by,
  };
}
