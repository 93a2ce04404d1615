import { Model } from 'objection';
import { TenantModel } from '../../db/model.js';

/**
 * An invoice of the firm to one of its clients. A draft has no number; sending
 * numbers it (unpaid), payments move amount_paid and the status follows
 * (balance.ts). Money columns are minor units of `currency`.
 */
export class InvoiceModel extends TenantModel {
  static override tableName = 'invoices';
  declare client_id: string;
  declare matter_id: string | null;
  declare number: string | null;
  declare status: 'draft' | 'unpaid' | 'partially_paid' | 'paid' | 'cancelled';
  declare currency: string;
  /** A calendar date, 'YYYY-MM-DD' (the pg date parser keeps it a string). */
  declare issue_date: string;
  declare due_date: string | null;
  declare subtotal: number;
  declare tax: number;
  declare total: number;
  declare amount_paid: number;
  declare client_note: string | null;
  declare external_id: string | null;
  declare sent_at: Date | null;
  declare last_sent_at: Date | null;
  declare cancelled_at: Date | null;
  declare created_at: Date;
  declare updated_at: Date;

  static override get relationMappings() {
    return {
      lines: {
        relation: Model.HasManyRelation,
        modelClass: InvoiceLineModel,
        join: {
          from: ['invoices.tenant_id', 'invoices.id'],
          to: ['invoice_lines.tenant_id', 'invoice_lines.invoice_id'],
        },
      },
      internalNote: {
        relation: Model.HasOneRelation,
        modelClass: InvoiceInternalNoteModel,
        join: {
          from: ['invoices.tenant_id', 'invoices.id'],
          to: ['invoice_internal_notes.tenant_id', 'invoice_internal_notes.invoice_id'],
        },
      },
    };
  }
}

/** One line of an invoice, with its figures rounded per line (money.ts). */
export class InvoiceLineModel extends TenantModel {
  static override tableName = 'invoice_lines';
  declare invoice_id: string;
  /** The client of the invoice, kept on the line for the portal's policies. */
  declare client_id: string;
  declare position: number;
  declare description: string;
  /** numeric: a decimal string, e.g. "0.2500". */
  declare quantity: string;
  declare unit_price: number;
  /** numeric: percent as a decimal string, e.g. "20.0000". */
  declare tax_rate: string;
  declare amount: number;
  declare tax: number;
}

/**
 * The firm's note on an invoice, never shown to the client: a table of its own
 * so the portal's policies cannot reach it. Keyed by its invoice.
 */
export class InvoiceInternalNoteModel extends Model {
  static override tableName = 'invoice_internal_notes';
  static override idColumn = ['tenant_id', 'invoice_id'];
  declare tenant_id: string;
  declare invoice_id: string;
  declare note: string;
  declare updated_at: Date;
}

/** The firm's last invoice number (one row per firm, keyed by it). */
export class InvoiceCounterModel extends Model {
  static override tableName = 'invoice_counters';
  static override idColumn = 'tenant_id';
  declare tenant_id: string;
  declare last_number: number;
}
