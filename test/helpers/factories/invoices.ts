import type { AdminClient } from '../../../sdk/admin-client.js';
import type { AdminInvoice, AdminInvoiceCreateRequest } from '../../../sdk/schemas/invoices.js';
import type { TestServer } from '../server.js';
import { actor, type DemoFirm } from './people.js';
import { idOf, ownerOf, type Db, type Ref } from './owner.js';
import { uniqueName } from './unique.js';

/**
 * An invoice of one line (quantity 1, `amount`), through the admin API: created
 * as a draft, then sent unless `status` is 'draft'. Answers the admin's view of it.
 */
export async function anInvoice(
  s: TestServer,
  o: Partial<Omit<AdminInvoiceCreateRequest, 'client_id'>> & {
    client: Ref;
    amount?: number;
    status?: 'draft' | 'sent';
    firm?: DemoFirm;
    admin?: AdminClient;
  },
): Promise<AdminInvoice> {
  const { client, amount, status, firm, admin: given, ...fields } = o;
  const admin = await actor(s, { firm, admin: given });
  const draft = await admin.invoices.create({
    lines: [{ description: 'Legal services', quantity: '1', unit_price: amount ?? 10000 }],
    ...fields,
    client_id: idOf(client),
  });
  return status === 'draft' ? draft : admin.invoices.send(draft.id);
}

export interface InvoiceRow {
  tenant_id: string;
  id: string;
  client_id: string;
  matter_id: string | null;
  number: string | null;
  status: 'draft' | 'unpaid' | 'partially_paid' | 'paid' | 'cancelled';
  currency: string;
  issue_date: string;
  due_date: string | null;
  subtotal: number;
  tax: number;
  total: number;
  amount_paid: number;
}

/**
 * An invoice row written with the owner connection, for what the API cannot
 * make: a given number, a past issue date, a status with no lines or payments
 * behind it (an 'unpaid' invoice that is overdue, a 'partially_paid' one). No
 * lines. An issued invoice gets a unique number unless one is given.
 */
export async function anInvoiceRow(
  db: Db,
  o: {
    client: Ref;
    status?: InvoiceRow['status'];
    number?: string;
    currency?: string;
    issue_date?: string;
    due_date?: string | null;
    total?: number;
    amount_paid?: number;
    matter?: Ref | null;
  },
): Promise<InvoiceRow> {
  const owner = ownerOf(db);
  const client = await owner('clients')
    .where({ id: idOf(o.client) })
    .first('tenant_id', 'id');
  const status = o.status ?? 'unpaid';
  const total = o.total ?? 10000;
  const [row] = await owner('invoices')
    .insert({
      tenant_id: client.tenant_id,
      client_id: client.id,
      matter_id: o.matter ? idOf(o.matter) : null,
      number: status === 'draft' ? null : (o.number ?? uniqueName('F')),
      status,
      currency: o.currency ?? 'USD',
      issue_date: o.issue_date ?? '2026-01-01',
      due_date: o.due_date ?? null,
      subtotal: total,
      tax: 0,
      total,
      amount_paid: o.amount_paid ?? 0,
    })
    .returning('*');
  return row as InvoiceRow;
}

/**
 * The firm-only note of an invoice, written with the owner connection (the API
 * edits it on drafts only). An invoice has one note: writing a second fails,
 * unless `keepExisting` says an invoice that already has one keeps it.
 */
export async function anInternalNote(
  db: Db,
  o: { invoice: Ref; note?: string; keepExisting?: boolean },
): Promise<void> {
  const owner = ownerOf(db);
  const invoice = await owner('invoices')
    .where({ id: idOf(o.invoice) })
    .first('tenant_id', 'id');
  const insert = owner('invoice_internal_notes').insert({
    tenant_id: invoice.tenant_id,
    invoice_id: invoice.id,
    note: o.note ?? 'internal',
  });
  await (o.keepExisting ? insert.onConflict(['tenant_id', 'invoice_id']).ignore() : insert);
}
