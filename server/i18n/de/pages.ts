// Machine-drafted; see README "Languages" for how a firm corrects a translation.
// The hosted pages (server/portal/pages.ts) and the error pages (server/portal/error-pages.ts).
import type { Catalog } from '../../../sdk/i18n.js';

export default {
  Home: 'Startseite',
  Invoices: 'Rechnungen',
  Payments: 'Zahlungen',
  Announcements: 'Mitteilungen',
  Profile: 'Profil',
  'Skip to content': 'Zum Inhalt springen',
  Phone: 'Telefon',
  Email: 'E-Mail',
  Website: 'Website',
  'Contact {firm}': '{firm} kontaktieren',
  'Client portal': 'Mandantenportal',
  'Log in': 'Anmelden',
  'All announcements': 'Alle Mitteilungen',
  'All invoices': 'Alle Rechnungen',
  'Choose your password': 'Wählen Sie Ihr Passwort',
  'Reset your password': 'Setzen Sie Ihr Passwort zurück',
  'This password is for your staff account at this firm.':
    'Dieses Passwort gilt für Ihr Mitarbeiterkonto bei dieser Kanzlei.',
  'Admin preview': 'Admin-Vorschau',
  'No firm is served at this address': 'Unter dieser Adresse ist keine Kanzlei erreichbar',
  'Check the address in the email or the link your firm sent you.':
    'Prüfen Sie die Adresse in der E-Mail oder den Link, den Ihre Kanzlei Ihnen geschickt hat.',
  'Page not found': 'Seite nicht gefunden',
  'There is no page at this address. The link may be out of date, or part of it may be missing.':
    'Unter dieser Adresse gibt es keine Seite. Der Link ist vielleicht veraltet, oder ein Teil davon fehlt.',
  'Something went wrong': 'Etwas ist schiefgelaufen',
  'We could not show this page. Please try again in a few minutes.':
    'Wir konnten diese Seite nicht anzeigen. Bitte versuchen Sie es in ein paar Minuten erneut.',
  'This page could not be shown': 'Diese Seite konnte nicht angezeigt werden',
  'Your browser asked for something this page cannot answer.':
    'Ihr Browser hat etwas angefragt, das diese Seite nicht beantworten kann.',
  'If it keeps happening, quote this reference when you contact your firm: {id}':
    'Wenn es wieder passiert, nennen Sie diese Referenz, wenn Sie Ihre Kanzlei kontaktieren: {id}',
  'Go to your portal home': 'Zur Startseite Ihres Portals',
} satisfies Catalog;

/** Entries that are rightly the same as English (names, codes, words both languages share). */
export const sameAsEnglish: readonly string[] = ['Website'];
