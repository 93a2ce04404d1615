// Machine-drafted; see README "Languages" for how a firm corrects a translation.
// The emails (server/modules/email/templates.ts, server/modules/tenants/settings-email.ts).
import type { Catalog } from '../../../sdk/i18n.js';

export default {
  'Hello {name},': 'Bonjour {name},',
  'This link works once and expires in 48 hours.': 'Ce lien ne fonctionne qu’une fois et expire dans 48 heures.',
  "You're invited to {firm} on CaseFlow": 'Vous êtes invité à rejoindre {firm} sur CaseFlow',
  '{firm} has invited you to its CaseFlow workspace. Choose a password to get started.':
    '{firm} vous a invité dans son espace de travail CaseFlow. Choisissez un mot de passe pour commencer.',
  'Set your password': 'Définir votre mot de passe',
  'If you did not expect this invitation, ignore this email.':
    'Si vous n’attendiez pas cette invitation, ignorez cet e-mail.',
  'Your client portal at {firm}': 'Votre portail client chez {firm}',
  '{firm} has opened a client portal for you: your invoices, documents and more in one place. Choose a password to log in.':
    '{firm} vous a ouvert un portail client : vos factures, vos documents et plus encore, au même endroit. Choisissez un mot de passe pour vous connecter.',
  'If you did not expect this email, you can ignore it.': 'Si vous n’attendiez pas cet e-mail, vous pouvez l’ignorer.',
  'Reset your {firm} portal password': 'Réinitialisez le mot de passe de votre portail {firm}',
  'Someone asked to reset the password of your {firm} client portal account.':
    'Quelqu’un a demandé la réinitialisation du mot de passe de votre compte du portail client {firm}.',
  'Choose a new password': 'Choisir un nouveau mot de passe',
  'If you did not ask for this, ignore this email: your password stays as it is.':
    'Si vous n’avez rien demandé, ignorez cet e-mail : votre mot de passe reste inchangé.',
  'Payment received: Invoice {number}': 'Paiement reçu : facture {number}',
  'We received your payment of {amount} for Invoice {number}. Thank you.':
    'Nous avons bien reçu votre paiement de {amount} pour la facture {number}. Merci.',
  'The invoice is now paid in full.': 'La facture est désormais entièrement réglée.',
  'The balance still due is {amount}.': 'Le solde restant dû est de {amount}.',
  'View your invoices': 'Voir vos factures',
  'Keep this email as your receipt. Card payments are processed by Stripe.':
    'Conservez cet e-mail comme reçu. Les paiements par carte sont traités par Stripe.',
  'Invoice {number} from {firm}': 'Facture {number} de {firm}',
  '{firm} has sent you invoice {number}. Amount due: {amount}, due {date}.':
    '{firm} vous a envoyé la facture {number}. Montant dû : {amount}, à régler avant le {date}.',
  '{firm} has sent you invoice {number}. Amount due: {amount}.':
    '{firm} vous a envoyé la facture {number}. Montant dû : {amount}.',
  'How to pay is on the invoice page.': 'La page de la facture indique comment payer.',
  'View the invoice': 'Voir la facture',
  'You receive this email because your firm lists you as a recipient of its invoices.':
    'Vous recevez cet e-mail car votre cabinet vous a désigné comme destinataire de ses factures.',
  'Bank details': 'Coordonnées bancaires',
  Notes: 'Remarques',
  'A staff user': 'Un collaborateur',
  'The API key "{name}"': 'La clé d’API « {name} »',
  'An API key': 'Une clé d’API',
  '(none)': '(aucun)',
  '{actor} changed the payment instructions of {firm} on {when}. Clients now see the new text on every invoice they can pay.':
    '{actor} a modifié les instructions de paiement de {firm} le {when}. Les clients voient désormais le nouveau texte sur chaque facture qu’ils peuvent payer.',
  'If you did not expect this change, contact the firm’s other admins at once: changed bank details are how invoice fraud works.':
    'Si vous n’attendiez pas ce changement, contactez immédiatement les autres administrateurs du cabinet : la modification des coordonnées bancaires est le ressort de la fraude à la facture.',
  'Was:': 'Avant :',
  'Now:': 'Maintenant :',
  'Payment instructions were changed at {firm}': 'Les instructions de paiement de {firm} ont été modifiées',
} satisfies Catalog;

/** Entries that are rightly the same as English (names, codes, words both languages share). */
export const sameAsEnglish: readonly string[] = [];
