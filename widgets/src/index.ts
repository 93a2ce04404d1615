// Entry of caseflow-widgets.js: every component, registered.
// The portal comes first: it must be upgraded before the widgets inside it ask
// for its client.
export * from './define/portal.js';
export * from './define/login.js';
export * from './define/set-password.js';
export * from './define/profile.js';
export * from './define/nav.js';
export * from './define/gate.js';
export * from './define/invoice-list.js';
export * from './define/preview-banner.js';
export * from './define/impersonate.js';
export * from './define/announcements.js';
export * from './define/invoice.js';
export * from './define/payment-history.js';

export { CaseflowErrorEvent } from './events/caseflow-error.js';
export { CaseflowPreviewStartedEvent } from './events/caseflow-preview-started.js';
export { CaseflowCheckoutStartedEvent, type CheckoutStartedDetail } from './events/caseflow-checkout-started.js';
export { CaseflowPaidEvent, type PaidDetail } from './events/caseflow-paid.js';
export { CaseflowLoginEvent } from './events/caseflow-login.js';
export { CaseflowLogoutEvent } from './events/caseflow-logout.js';
export { CaseflowPasswordChangedEvent } from './events/caseflow-password-changed.js';
export { CaseflowPasswordSetEvent, type PasswordSetDetail } from './events/caseflow-password-set.js';
export { CaseflowUnauthenticatedEvent } from './events/caseflow-unauthenticated.js';
export type { ErrorDetail } from './shared/errors.js';
