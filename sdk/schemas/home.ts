import { z } from 'zod';
import { CalendarDate, Currency, Id, MinorUnits, Text, Timestamp } from './common.js';
import { endpoint, type Endpoint } from './endpoint.js';

const Count = z.number().int().min(0);

/** An amount in one currency: amounts in two currencies are never added together. */
export const HomeAmount = z.object({ currency: Currency, amount: MinorUnits }).strict().meta({ id: 'HomeAmount' });
export type HomeAmount = z.infer<typeof HomeAmount>;

/** The open invoice due first. */
export const HomeNextDue = z
  .object({
    invoice_id: Id,
    number: Text(),
    due_date: CalendarDate,
    amount_due: MinorUnits,
    currency: Currency,
  })
  .strict()
  .meta({ id: 'HomeNextDue' });
export type HomeNextDue = z.infer<typeof HomeNextDue>;

/** The client's bills at a glance. Open invoices are the unpaid and partially paid ones, overdue included. */
export const HomeInvoices = z
  .object({
    balance_due: z
      .array(HomeAmount)
      .describe('What is left to pay on open invoices, one entry per currency, sorted by currency; empty when none'),
    open_count: Count.describe('Open invoices (unpaid or partially paid), overdue ones included'),
    overdue_count: Count.describe("Open invoices past their due date in the firm's time zone"),
    next_due: HomeNextDue.nullable().describe('The open invoice with the earliest due date; null when none has one'),
  })
  .strict()
  .meta({ id: 'HomeInvoices' });
export type HomeInvoices = z.infer<typeof HomeInvoices>;

export const HomeAnnouncement = z
  .object({ id: Id, title: Text(), published_at: Timestamp })
  .strict()
  .meta({ id: 'HomeAnnouncement' });
export type HomeAnnouncement = z.infer<typeof HomeAnnouncement>;

export const HomeAnnouncements = z
  .object({
    unread_count: Count.describe('Published announcements this contact has not read'),
    latest: z.array(HomeAnnouncement).max(3).describe('Up to three unread announcements, newest first'),
  })
  .strict()
  .meta({ id: 'HomeAnnouncements' });
export type HomeAnnouncements = z.infer<typeof HomeAnnouncements>;

/**
 * What a "waiting for you" item is about. Later capabilities add their kinds
 * here (letters to sign, proposals to answer, new documents, unread messages),
 * each with its provider in the registry of server/modules/home/providers.ts.
 */
export const WaitingKind = z.enum(['invoices_overdue', 'invoices_to_pay', 'announcements_unread']);
export type WaitingKind = z.infer<typeof WaitingKind>;

export const WaitingItem = z
  .object({
    kind: WaitingKind,
    count: z.number().int().min(1).describe('How many; kinds with nothing waiting are left out'),
    href: Text()
      .optional()
      .describe("The hosted portal's page for it (a path on the firm's host); an embedding page maps kind to its own"),
  })
  .strict()
  .meta({ id: 'WaitingItem' });
export type WaitingItem = z.infer<typeof WaitingItem>;

export const PortalHome = z
  .object({
    invoices: HomeInvoices.nullable().describe('Null when the contact has no invoices permission'),
    announcements: HomeAnnouncements.nullable().describe("Null when the firm's plan has no announcements"),
    waiting: z.array(WaitingItem).describe('What waits for the contact, in a fixed order of kinds'),
  })
  .strict()
  .meta({ id: 'PortalHome' });
export type PortalHome = z.infer<typeof PortalHome>;

export const homeEndpoints = {
  portalHome: endpoint({
    operationId: 'portalHome',
    method: 'GET',
    path: '/portal/home',
    audience: 'portal',
    authenticated: true,
    summary:
      "The contact's home in one request: balance due per currency, overdue and next due invoices, unread announcements, and what waits for them",
    response: PortalHome,
    status: 200,
  }),
} satisfies Record<string, Endpoint>;
