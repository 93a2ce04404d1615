/**
 * Factories: tests build their data here and name only what they are about
 * (STYLE 17). Each factory has sensible defaults, takes overrides, answers the
 * created row or API object, and says in its doc comment whether it goes through
 * the public API or the owner connection. Unique values come from ./unique.ts.
 */
export { aFirm, setPlan, updateFirm } from './firms.js';
export { aClient, aContact, actor, aStaffUser, firmAdmin, portalAs, type DemoFirm } from './people.js';
export { anApiKey, type ApiKeyRow } from './api-keys.js';
export { anInternalNote, anInvoice, anInvoiceRow, type InvoiceRow } from './invoices.js';
export { aCredit, aPayment, aRefund, type PaymentRow } from './payments.js';
export { aCheckoutSession, aStripeAccount, aStripeEvent, type CheckoutSessionRow } from './stripe.js';
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
export { ownerOf, firmId, idOf, type Db, type Ref } from './owner.js';
export { nextNumber, uniqueClientNumber, uniqueEmail, uniqueName } from './unique.js';
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
export { aPortalSession } from './sessions.js';
export { aDomainEvent, anIdempotencyKey } from './events.js';
