import { Model } from 'objection';

export class Invoice extends Model {
  static override tableName = 'invoices';
  static override idColumn = ['tenant_id', 'id'];
  declare id: string;
  declare client_id: string;
  declare number: string;
  declare status: 'draft' | 'unpaid' | 'partially_paid' | 'paid' | 'cancelled';
  /** `status`, with unpaid and partially paid invoices past due shown as overdue. */
  declare display_status: 'unpaid' | 'partially_paid' | 'paid' | 'overdue' | 'cancelled';
  declare currency: string;
  declare issue_date: string;
  declare due_date: string | null;
  declare subtotal: number;
  declare tax: number;
  declare total: number;
  declare amount_paid: number;
  declare client_note: string | null;
  declare created_at: Date;
}

export class InvoiceLine extends Model {
  static override tableName = 'invoice_lines';
  static override idColumn = ['tenant_id', 'id'];
  declare id: string;
  declare description: string;
  declare quantity: string;
  declare unit_price: number;
  declare tax_rate: string;
  declare amount: number;
  declare tax: number;
}

export class Payment extends Model {
  static override tableName = 'payments';
  static override idColumn = ['tenant_id', 'id'];
  declare id: string;
  declare amount: number;
  declare currency: string;
  declare method: 'manual' | 'stripe';
  declare paid_at: Date;
  declare previewed_by: { id: string; name: string } | null;
}
