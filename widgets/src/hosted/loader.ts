// The hosted portal loads each widget's code when the widget first appears on
// the page: the sections inside a <caseflow-gate> only once the gate lets them
// in, so a contact without a permission never downloads that section.

const entries: Record<string, () => Promise<unknown>> = {
  'caseflow-portal': () => import('../define/portal.js'),
  'caseflow-nav': () => import('../define/nav.js'),
  'caseflow-account': () => import('../define/account.js'),
  'caseflow-gate': () => import('../define/gate.js'),
  'caseflow-preview-banner': () => import('../define/preview-banner.js'),
  'caseflow-login': () => import('../define/login.js'),
  'caseflow-set-password': () => import('../define/set-password.js'),
  'caseflow-impersonate': () => import('../define/impersonate.js'),
  'caseflow-profile': () => import('../define/profile.js'),
  'caseflow-home': () => import('../define/home.js'),
  'caseflow-announcements': () => import('../define/announcements.js'),
  'caseflow-invoice-list': () => import('../define/invoice-list.js'),
  'caseflow-invoice': () => import('../define/invoice.js'),
  'caseflow-payment-history': () => import('../define/payment-history.js'),
};

const requested = new Set<string>();

/** Imports the code of every widget under `root` not asked for yet; the portal's first. */
export async function loadWidgets(root: ParentNode): Promise<void> {
  const tags = Object.keys(entries).filter((tag) => !requested.has(tag) && root.querySelector(tag));
  for (const tag of tags) requested.add(tag);
  // The portal provides the client its children ask for while they connect.
  if (tags.includes('caseflow-portal')) await entries['caseflow-portal']!();
  await Promise.all(tags.filter((tag) => tag !== 'caseflow-portal').map((tag) => entries[tag]!()));
}

/** Loads what the page shows now, and what a gate or a widget adds later. */
export function watchForWidgets(): void {
  void loadWidgets(document);
  new MutationObserver(() => void loadWidgets(document)).observe(document.body, { childList: true, subtree: true });
}
