/**
 * How to pay without Stripe: the firm's payment instructions, shown on an
 * invoice (portal page and PDF) only while there is something to pay. Changed
 * bank details are how wire fraud works, so the date an admin last changed them
 * goes with them.
 */
import type { PaymentInstructionsView } from '../../../sdk/schemas/tenants.js';
import type { PortalDisplayStatus } from './overdue.js';

/** The tenants columns, to add to a statement that reads the tenant row (RLS narrows it to the firm). */
export const instructionsColumns = `tenants.payment_bank_details, tenants.payment_remit_to, tenants.payment_notes,
  tenants.payment_instructions_updated_at`;

export interface InstructionsRow {
  payment_bank_details: string | null;
  payment_remit_to: string | null;
  payment_notes: string | null;
  payment_instructions_updated_at: Date | null;
}

const payableStatuses: ReadonlySet<PortalDisplayStatus> = new Set(['unpaid', 'partially_paid', 'overdue']);

/** Payable: a balance left and neither paid nor cancelled. */
export function isPayable(invoice: {
  display_status: PortalDisplayStatus;
  total: number;
  amount_paid: number;
}): boolean {
  return payableStatuses.has(invoice.display_status) && invoice.total - invoice.amount_paid > 0;
}

/** The instructions for this invoice: null when it is not payable or the firm gave none of the three. */
export function paymentInstructions(
  invoice: Parameters<typeof isPayable>[0],
  row: InstructionsRow | undefined,
): PaymentInstructionsView | null {
  if (!row || !isPayable(invoice)) return null;
  const given = [row.payment_bank_details, row.payment_remit_to, row.payment_notes].some((text) =>
    Boolean(text?.trim()),
  );
  if (!given) return null;
  return {
    bank_details: row.payment_bank_details,
    remit_to: row.payment_remit_to,
    notes: row.payment_notes,
    updated_at: row.payment_instructions_updated_at?.toISOString() ?? null,
  };
}
