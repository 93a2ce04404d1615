import type { InvoiceState } from '../payments/recording.js';

/** An invoice row as the admin side reads it (numeric columns come back as numbers via the pg type parsers). */
export interface AdminInvoiceRow {
  id: string;
  number: string | null;
  status: InvoiceState;
  /** `status`, with open invoices past due shown as overdue. */
  display_status: InvoiceState | 'overdue';
  client_id: string;
  matter_id: string | null;
  currency: string;
  issue_date: string;
  due_date: string | null;
  subtotal: number;
  tax: number;
  total: number;
  amount_paid: number;
  external_id: string | null;
  sent_at: Date | null;
  last_sent_at: Date | null;
  cancelled_at: Date | null;
  created_at: Date;
  updated_at: Date;
  client_note?: string | null;
  internal_note?: string | null;
}

export interface AdminLineRow {
  id: string;
  position: number;
  description: string;
  quantity: string;
  unit_price: number;
  tax_rate: string;
  amount: number;
  tax: number;
}

export interface AdminPaymentRow {
  id: string;
  invoice_id: string;
  amount: number;
  currency: string;
  method: 'manual' | 'stripe';
  mode: 'bank_transfer' | 'cash' | 'check' | 'card' | 'other' | null;
  transaction_id: string | null;
  note: string | null;
  stripe_payment_intent_id: string | null;
  contact_id: string | null;
  refunded_amount: number;
  paid_at: Date;
  created_at: Date;
  previewed_by: { id: string; name: string } | null;
}

export interface CreditRow {
  id: string;
  client_id: string;
  invoice_id: string;
  payment_id: string;
  amount: number;
  original_amount: number;
  currency: string;
  reason: 'overpayment';
  created_at: Date;
  resolved_at: Date | null;
  resolution: 'refunded' | 'refunded_manually' | 'written_off' | null;
}
