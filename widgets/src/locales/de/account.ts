// Machine-drafted; see README "Languages" for how a firm corrects a translation.
// The account widgets (login, profile, account menu, home, navigation, announcements, passwords…).
import type { Catalog } from '../../../../sdk/i18n.js';

export default {
  Profile: 'Profil',
  'Log out': 'Abmelden',
  Language: 'Sprache',
  'Your language could not be saved. Please try again.':
    'Ihre Sprache konnte nicht gespeichert werden. Bitte versuchen Sie es erneut.',
  'Loading announcements…': 'Mitteilungen werden geladen…',
  'No announcements from your firm yet.': 'Ihre Kanzlei hat noch keine Mitteilungen veröffentlicht.',
  New: 'Neu',
  'Mark as read': 'Als gelesen markieren',
  'Published {date}': 'Veröffentlicht am {date}',
  'All announcements': 'Alle Mitteilungen',
  'You do not have access to this part of the portal. Ask {firm} if you need it.':
    'Sie haben keinen Zugriff auf diesen Bereich des Portals. Wenden Sie sich an {firm}, wenn Sie ihn benötigen.',
  'Loading your summary…': 'Ihre Übersicht wird geladen…',
  'You are all caught up: nothing is waiting for you.': 'Alles erledigt: Es wartet nichts auf Sie.',
  'Waiting for you': 'Wartet auf Sie',
  'Balance due': 'Offener Betrag',
  'Nothing to pay': 'Nichts zu zahlen',
  'Overdue invoices': 'Überfällige Rechnungen',
  'Next due': 'Nächste Fälligkeit',
  'No due date ahead': 'Keine anstehende Fälligkeit',
  'Unread announcements': 'Ungelesene Mitteilungen',
  '{number}, {amount}, due {date}': '{number}, {amount}, fällig am {date}',
  '1 overdue invoice': '1 überfällige Rechnung',
  '{count} overdue invoices': '{count} überfällige Rechnungen',
  '1 invoice to pay': '1 zu zahlende Rechnung',
  '{count} invoices to pay': '{count} zu zahlende Rechnungen',
  '1 unread announcement': '1 ungelesene Mitteilung',
  '{count} unread announcements': '{count} ungelesene Mitteilungen',
  'Please sign in to see your summary.': 'Bitte melden Sie sich an, um Ihre Übersicht zu sehen.',
  "You are about to see the portal exactly as this client's primary contact does, in this browser tab only. Your own sign-in is not affected; closing the tab ends the preview.":
    'Sie sehen das Portal gleich genau so, wie es der Hauptkontakt dieses Mandanten sieht, und zwar nur in diesem Browser-Tab. Ihre eigene Anmeldung bleibt unberührt; wenn Sie den Tab schließen, endet die Vorschau.',
  'Open the preview': 'Vorschau öffnen',
  'Opening…': 'Wird geöffnet…',
  'This link is incomplete. Copy the whole address printed by `caseflow impersonate` into your browser.':
    'Dieser Link ist unvollständig. Kopieren Sie die vollständige Adresse, die `caseflow impersonate` ausgibt, in Ihren Browser.',
  'Ask for a new link with `caseflow impersonate <client>`: each link works once, for two minutes.':
    'Fordern Sie mit `caseflow impersonate <client>` einen neuen Link an: Jeder Link funktioniert einmal, zwei Minuten lang.',
  'The preview is open.': 'Die Vorschau ist geöffnet.',
  Email: 'E-Mail',
  Password: 'Passwort',
  'Sign in': 'Anmelden',
  'Signing in…': 'Anmeldung läuft…',
  'Email or password is incorrect.': 'E-Mail-Adresse oder Passwort ist falsch.',
  'Forgot password?': 'Passwort vergessen?',
  'Enter the email you sign in with. We will send you a link to choose a new password.':
    'Geben Sie die E-Mail-Adresse ein, mit der Sie sich anmelden. Wir senden Ihnen einen Link, mit dem Sie ein neues Passwort wählen können.',
  'Send link': 'Link senden',
  'Sending…': 'Wird gesendet…',
  'Back to sign in': 'Zurück zur Anmeldung',
  'If this email belongs to a portal account, we have sent it a link to choose a new password. The link works once and expires in 48 hours.':
    'Falls diese E-Mail-Adresse zu einem Portal-Konto gehört, haben wir ihr einen Link zum Wählen eines neuen Passworts gesendet. Der Link funktioniert einmal und läuft in 48 Stunden ab.',
  'Client portal': 'Mandantenportal',
  Menu: 'Menü',
  "Your firm's plan does not include the client portal. Please ask {firm} to upgrade.":
    'Der Tarif Ihrer Kanzlei umfasst das Mandantenportal nicht. Bitten Sie {firm}, ihn zu erweitern.',
  'Admin preview as {name}': 'Admin-Vorschau als {name}',
  'opened by {admin}; closing this tab ends it.': 'geöffnet von {admin}; sie endet, wenn Sie diesen Tab schließen.',
  'Your details': 'Ihre Angaben',
  Name: 'Name',
  Client: 'Mandant',
  Firm: 'Kanzlei',
  'Change password': 'Passwort ändern',
  'Current password': 'Aktuelles Passwort',
  'New password': 'Neues Passwort',
  'Repeat the new password': 'Neues Passwort wiederholen',
  'Enter your current password.': 'Geben Sie Ihr aktuelles Passwort ein.',
  'Your current password is incorrect.': 'Ihr aktuelles Passwort ist falsch.',
  'Saving…': 'Wird gespeichert…',
  'Your password has been changed. Your other sessions have been signed out.':
    'Ihr Passwort wurde geändert. Ihre anderen Sitzungen wurden abgemeldet.',
  'You are previewing the portal as this contact: their password cannot be changed here.':
    'Sie sehen das Portal als dieser Kontakt: Sein Passwort kann hier nicht geändert werden.',
  'Loading your profile…': 'Ihr Profil wird geladen…',
  'Language of the portal and your emails': 'Sprache des Portals und Ihrer E-Mails',
  '{language} (the default of {firm})': '{language} (Standard von {firm})',
  'Save language': 'Sprache speichern',
  'Your language has been saved.': 'Ihre Sprache wurde gespeichert.',
  'You are previewing the portal as this contact: their language cannot be changed here.':
    'Sie sehen das Portal als dieser Kontakt: Seine Sprache kann hier nicht geändert werden.',
  'Set password': 'Passwort festlegen',
  'This link is incomplete. Open it again from your email, or copy the whole address into your browser.':
    'Dieser Link ist unvollständig. Öffnen Sie ihn erneut aus Ihrer E-Mail oder kopieren Sie die vollständige Adresse in Ihren Browser.',
  'Need a new link? Choose "Forgot password?" on the {link}.':
    'Brauchen Sie einen neuen Link? Wählen Sie „Passwort vergessen?“ auf der {link}.',
  'login page': 'Anmeldeseite',
  'Need a new link? Ask an administrator of your firm to send you a new invitation.':
    'Brauchen Sie einen neuen Link? Bitten Sie einen Administrator Ihrer Kanzlei, Ihnen eine neue Einladung zu senden.',
  'Your password is set.': 'Ihr Passwort ist festgelegt.',
  'Log in': 'Anmelden',
  'You can now sign in from the command line:': 'Sie können sich jetzt über die Kommandozeile anmelden:',
  'This password is one of the most common passwords; choose another.':
    'Dieses Passwort gehört zu den häufigsten Passwörtern; wählen Sie ein anderes.',
  'Enter an email address such as name@example.com.': 'Geben Sie eine E-Mail-Adresse wie name@example.com ein.',
  '{field} is required.': 'Bitte füllen Sie das Feld „{field}“ aus.',
  '{field} is too short.': 'Das Feld „{field}“ ist zu kurz.',
  '{field} is too long.': 'Das Feld „{field}“ ist zu lang.',
  '{field} is not valid.': 'Das Feld „{field}“ ist ungültig.',
  '{field} is incorrect.': 'Die Angabe im Feld „{field}“ ist falsch.',
  'Use at least {min} characters.': 'Verwenden Sie mindestens {min} Zeichen.',
  'Use at most {max} characters.': 'Verwenden Sie höchstens {max} Zeichen.',
  'The two passwords do not match.': 'Die beiden Passwörter stimmen nicht überein.',
  'Use {min} to {max} characters, and not one of the most common passwords. A passphrase of several words is fine.':
    'Verwenden Sie {min} bis {max} Zeichen und keines der häufigsten Passwörter. Eine Passphrase aus mehreren Wörtern ist gut geeignet.',
  'This link has expired or was already used. Ask for a new one.':
    'Dieser Link ist abgelaufen oder wurde bereits verwendet. Fordern Sie einen neuen an.',
} satisfies Catalog;

/** Entries that are rightly the same as English (names, codes, words both languages share). */
export const sameAsEnglish: readonly string[] = ['Name'];
