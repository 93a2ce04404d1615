/**
 * Factories: tests build their data here and name only what they are about
 * (STYLE 17). Each factory has sensible defaults, takes overrides, answers the
 * created row or API object, and says in its doc comment whether it goes through
 * the public API (as the demo admin of a firm, or the admin a test hands it) or
 * the owner connection (for what the API cannot make). Unique values come from
 * ./unique.ts; ./states.ts forces the states time or a back door makes.
 */
// Firms, people and access.
export { aFirm, setPlan, updateFirm, updateSettings } from './firms.js';
export { aClient, aContact, actor, aStaffUser, firmAdmin, portalAs, type DemoFirm } from './people.js';
export { anApiKey, type ApiKeyRow } from './api-keys.js';
export { aPortalSession } from './sessions.js';
// Billing and payments.
export { anInternalNote, anInvoice, anInvoiceRow, type InvoiceRow } from './invoices.js';
export { aCredit, aPayment, aRefund, type PaymentRow } from './payments.js';
export { aCheckoutSession, aStripeAccount, aStripeEvent, type CheckoutSessionRow } from './stripe.js';
// Firm records and announcements.
export {
  aConflictCheck,
  aLead,
  aMatter,
  aMatterParty,
  anAnnouncement,
  aNote,
  aPracticeArea,
  aThread,
} from './records.js';
// Infrastructure rows.
export { aDomainEvent, anIdempotencyKey } from './events.js';
// Named states.
export {
  ageIdempotencyKey,
  checkoutsUntouchedFor,
  expireLink,
  expireSession,
  idleSession,
  leaveCheckoutCreating,
  sessionExpiresIn,
  setClientNote,
  setContact,
  setStaff,
  touchSession,
} from './states.js';
// Building blocks.
export { firmId, idOf, ownerOf, type Db, type Ref } from './owner.js';
export { nextNumber, uniqueClientNumber, uniqueEmail, uniqueName } from './unique.js';
