import type { z } from 'zod';
import type { List, ListQuery } from '../../../sdk/schemas/common.js';
import type { PortalPaymentHistoryItem } from '../../../sdk/schemas/payments.js';
import type { RequestDb } from '../../db/request-db.js';
import { keysetSql, Params, toList } from '../../http/pagination.js';
import { previewerColumn } from '../impersonations/previewer.js';
import { portalPaymentHistoryItem, type HistoryRow } from './serialize.js';

/**
 * The client's payment history, newest first (keyset on paid_at, id). The
 * portal policies narrow payments to those of the client's issued invoices, and
 * the join to invoices goes through the same policies: no filter by hand.
 */
export async function listForPortal(
  db: RequestDb,
  page: ListQuery,
): Promise<List<z.input<typeof PortalPaymentHistoryItem>>> {
  const params = new Params();
  const keyset = keysetSql('payments', params, page, 'paid_at');
  const rows = await db.query<HistoryRow>(
    `SELECT payments.id, payments.invoice_id, invoices.number AS invoice_number, payments.amount,
            payments.currency, payments.method, payments.mode, payments.paid_at,
            payments.refunded_amount, ${previewerColumn('payments')}
       FROM payments
       JOIN invoices ON invoices.tenant_id = payments.tenant_id AND invoices.id = payments.invoice_id
      ${keyset.where ? `WHERE ${keyset.where}` : ''}
      ${keyset.orderAndLimit}`,
    params.values,
  );
  return toList(rows, page.limit, portalPaymentHistoryItem);
}
