/**
 * The widgets the embed demo shows, in the order of the page: for each tag a
 * title, a sentence saying what the block shows, and the markup a firm's page
 * writes for it. A tag the build makes that is missing here is still shown
 * (see `blocksFor`), so the demo never hides a widget.
 */
export interface DemoContext {
  /** The firm's portal origin (the widgets' base-url), for links to its hosted pages. */
  portal: string;
  /** An invoice of the signed-in client, for the one-invoice widget (none for a client without invoices). */
  invoiceId?: string;
}

export interface WidgetBlock {
  tag: string;
  title: string;
  what: string;
  /** The widget's markup inside a signed-in <caseflow-portal>; undefined when this client has nothing for it. */
  markup(context: DemoContext): string | undefined;
  /** What the block says instead when there is no markup. */
  unavailable?: string;
  /** Tables: the block takes the whole row, so every column fits. */
  wide?: boolean;
}

const plain = (tag: string, attributes = '') => `<${tag}${attributes}></${tag}>`;

/** Widgets that need the signed-in portal session the demo's backend minted. */
export const sessionWidgets: WidgetBlock[] = [
  {
    tag: 'caseflow-home',
    title: 'Home',
    what: 'The summary of the client’s account: balance due per currency, overdue invoices, the next due date, unread announcements, and what is waiting for them.',
    markup: () => plain('caseflow-home'),
  },
  {
    tag: 'caseflow-invoice',
    title: 'One invoice',
    what: 'An invoice’s lines, totals, balance and payments; here the client’s most recent invoice, named by its id (invoice-id).',
    markup: ({ invoiceId }) => (invoiceId ? plain('caseflow-invoice', ` invoice-id="${invoiceId}"`) : undefined),
    unavailable: 'This client has no invoice yet, so there is none to show.',
  },
  {
    tag: 'caseflow-invoice-list',
    title: 'Invoices',
    what: 'The client’s issued invoices, newest first, with a status filter, each invoice’s PDF and — once the firm connects Stripe — a Pay button.',
    markup: () => plain('caseflow-invoice-list', ' limit="10"'),
    wide: true,
  },
  {
    tag: 'caseflow-payment-history',
    title: 'Payments',
    what: 'Every payment on the client’s invoices, newest first.',
    markup: () => plain('caseflow-payment-history'),
    wide: true,
  },
  {
    tag: 'caseflow-announcements',
    title: 'Announcements',
    what: 'The firm’s published announcements; an unread one is marked New and can be marked read.',
    markup: () => plain('caseflow-announcements'),
  },
  {
    tag: 'caseflow-profile',
    title: 'Profile',
    what: 'The signed-in contact’s details and a form to change their password.',
    markup: () => plain('caseflow-profile'),
  },
  {
    tag: 'caseflow-nav',
    title: 'Navigation',
    what: 'Your page’s own links (here to the firm’s hosted pages); one with data-section shows only when the contact has that permission.',
    markup: ({ portal }) =>
      `<caseflow-nav><a href="${portal}/clients/" data-section="invoices">Invoices</a> <a href="${portal}/clients/payments" data-section="invoices">Payments</a> <a href="${portal}/clients/profile">Profile</a></caseflow-nav>`,
  },
  {
    tag: 'caseflow-account',
    title: 'Account menu',
    what: 'The signed-in contact’s name as a menu button: Profile (a link your page gives) and Log out (hidden in an admin preview).',
    markup: ({ portal }) => `<caseflow-account profile-href="${portal}/clients/profile"></caseflow-account>`,
  },
  {
    tag: 'caseflow-gate',
    title: 'Gate',
    what: 'Content that exists only when the contact may see a section: here a note stamped from a template once the invoices permission is known.',
    markup: () =>
      `<caseflow-gate section="invoices"><template><p>You may see your invoices.</p></template></caseflow-gate>`,
  },
  {
    tag: 'caseflow-preview-banner',
    title: 'Preview banner',
    what: 'A notice shown only in an admin’s “login as client” preview; in this minted session it renders nothing, so the block stays empty.',
    markup: () => plain('caseflow-preview-banner'),
  },
];

/** Widgets that work without a session: a sign-in form, and the pages that emailed links open. */
export const publicWidgets: { tag: string; title: string; what: string; markup(portal: string): string }[] = [
  {
    tag: 'caseflow-login',
    title: 'Sign in',
    what: 'Email and password sign-in, in a portal of its own with no token: the session it opens stays in this tab (token-storage="session"). Try a demo login.',
    markup: (portal) =>
      `<caseflow-portal base-url="${portal}" token-storage="session"><caseflow-login></caseflow-login></caseflow-portal>`,
  },
  {
    tag: 'caseflow-set-password',
    title: 'Set a password',
    what: 'The page a welcome or reset email links to. The link’s token travels in the address’s #fragment; opened here without one, it says the link is incomplete.',
    markup: (portal) => plain('caseflow-set-password', ` base-url="${portal}" login-url="${portal}/clients/login"`),
  },
  {
    tag: 'caseflow-impersonate',
    title: 'Open an admin preview',
    what: 'The page an admin’s “login as client” link opens (the hosted portal serves it); without a link token it says how to get a new one.',
    markup: (portal) => plain('caseflow-impersonate', ` base-url="${portal}"`),
  },
];

/** The tags the demo lists, known or not, for the entries the build made (never the hosted bundle or the portal). */
export function blocksFor(entries: string[]): { session: WidgetBlock[]; public: typeof publicWidgets } {
  const built = new Set(entries);
  const known = new Set([...sessionWidgets, ...publicWidgets].map((w) => w.tag).concat('caseflow-portal'));
  const unknown: WidgetBlock[] = entries
    .filter((tag) => tag.startsWith('caseflow-') && !known.has(tag))
    .map((tag) => ({ tag, title: tag, what: 'A widget this demo does not describe yet.', markup: () => plain(tag) }));
  return {
    session: [...sessionWidgets.filter((w) => built.has(w.tag)), ...unknown],
    public: publicWidgets.filter((w) => built.has(w.tag)),
  };
}
