// Machine-drafted; see README "Languages" for how a firm corrects a translation.
// The account widgets (login, profile, account menu, home, navigation, announcements, passwords…).
import type { Catalog } from '../../../../sdk/i18n.js';

export default {
  Profile: 'Profil',
  'Log out': 'Se déconnecter',
  Language: 'Langue',
  'Your language could not be saved. Please try again.':
    'Votre langue n’a pas pu être enregistrée. Veuillez réessayer.',
  'Loading announcements…': 'Chargement des annonces…',
  'No announcements from your firm yet.': 'Votre cabinet n’a encore publié aucune annonce.',
  New: 'Nouveau',
  'Mark as read': 'Marquer comme lu',
  'Published {date}': 'Publié le {date}',
  'All announcements': 'Toutes les annonces',
  'You do not have access to this part of the portal. Ask {firm} if you need it.':
    'Vous n’avez pas accès à cette partie du portail. Adressez-vous à {firm} si vous en avez besoin.',
  'Loading your summary…': 'Chargement de votre récapitulatif…',
  'You are all caught up: nothing is waiting for you.': 'Vous êtes à jour : rien ne vous attend.',
  'Waiting for you': 'En attente de votre part',
  'Balance due': 'Solde dû',
  'Nothing to pay': 'Rien à payer',
  'Overdue invoices': 'Factures en retard',
  'Next due': 'Prochaine échéance',
  'No due date ahead': 'Aucune échéance à venir',
  'Unread announcements': 'Annonces non lues',
  '{number}, {amount}, due {date}': '{number}, {amount}, échéance le {date}',
  '1 overdue invoice': '1 facture en retard',
  '{count} overdue invoices': '{count} factures en retard',
  '1 invoice to pay': '1 facture à payer',
  '{count} invoices to pay': '{count} factures à payer',
  '1 unread announcement': '1 annonce non lue',
  '{count} unread announcements': '{count} annonces non lues',
  'Please sign in to see your summary.': 'Connectez-vous pour voir votre récapitulatif.',
  "You are about to see the portal exactly as this client's primary contact does, in this browser tab only. Your own sign-in is not affected; closing the tab ends the preview.":
    'Vous allez voir le portail exactement comme le voit le contact principal de ce client, dans cet onglet du navigateur uniquement. Votre propre connexion n’est pas affectée ; fermer l’onglet met fin à l’aperçu.',
  'Open the preview': 'Ouvrir l’aperçu',
  'Opening…': 'Ouverture…',
  'This link is incomplete. Copy the whole address printed by `caseflow impersonate` into your browser.':
    'Ce lien est incomplet. Copiez dans votre navigateur l’adresse complète affichée par `caseflow impersonate`.',
  'Ask for a new link with `caseflow impersonate <client>`: each link works once, for two minutes.':
    'Demandez un nouveau lien avec `caseflow impersonate <client>` : chaque lien ne fonctionne qu’une fois, pendant deux minutes.',
  'The preview is open.': 'L’aperçu est ouvert.',
  Email: 'Adresse e-mail',
  Password: 'Mot de passe',
  'Sign in': 'Se connecter',
  'Signing in…': 'Connexion…',
  'Email or password is incorrect.': 'L’adresse e-mail ou le mot de passe est incorrect.',
  'Forgot password?': 'Mot de passe oublié ?',
  'Enter the email you sign in with. We will send you a link to choose a new password.':
    'Saisissez l’adresse e-mail avec laquelle vous vous connectez. Nous vous enverrons un lien pour choisir un nouveau mot de passe.',
  'Send link': 'Envoyer le lien',
  'Sending…': 'Envoi…',
  'Back to sign in': 'Retour à la connexion',
  'If this email belongs to a portal account, we have sent it a link to choose a new password. The link works once and expires in 48 hours.':
    'Si cette adresse e-mail correspond à un compte du portail, nous lui avons envoyé un lien pour choisir un nouveau mot de passe. Le lien ne fonctionne qu’une fois et expire dans 48 heures.',
  'Client portal': 'Portail client',
  Menu: 'Menu',
  "Your firm's plan does not include the client portal. Please ask {firm} to upgrade.":
    'L’offre de votre cabinet n’inclut pas le portail client. Demandez à {firm} de la faire évoluer.',
  'Admin preview as {name}': 'Aperçu administrateur en tant que {name}',
  'opened by {admin}; closing this tab ends it.': 'ouvert par {admin} ; fermer cet onglet y met fin.',
  'Your details': 'Vos coordonnées',
  Name: 'Nom',
  Client: 'Client',
  Firm: 'Cabinet',
  'Change password': 'Changer le mot de passe',
  'Current password': 'Mot de passe actuel',
  'New password': 'Nouveau mot de passe',
  'Repeat the new password': 'Répétez le nouveau mot de passe',
  'Enter your current password.': 'Saisissez votre mot de passe actuel.',
  'Your current password is incorrect.': 'Votre mot de passe actuel est incorrect.',
  'Saving…': 'Enregistrement…',
  'Your password has been changed. Your other sessions have been signed out.':
    'Votre mot de passe a été changé. Vos autres sessions ont été déconnectées.',
  'You are previewing the portal as this contact: their password cannot be changed here.':
    'Vous voyez le portail en tant que ce contact : son mot de passe ne peut pas être changé ici.',
  'Loading your profile…': 'Chargement de votre profil…',
  'Language of the portal and your emails': 'Langue du portail et de vos e-mails',
  '{language} (the default of {firm})': '{language} (langue par défaut de {firm})',
  'Save language': 'Enregistrer la langue',
  'Your language has been saved.': 'Votre langue a été enregistrée.',
  'You are previewing the portal as this contact: their language cannot be changed here.':
    'Vous voyez le portail en tant que ce contact : sa langue ne peut pas être changée ici.',
  'Set password': 'Définir le mot de passe',
  'This link is incomplete. Open it again from your email, or copy the whole address into your browser.':
    'Ce lien est incomplet. Ouvrez-le à nouveau depuis votre e-mail, ou copiez l’adresse complète dans votre navigateur.',
  'Need a new link? Choose "Forgot password?" on the {link}.':
    'Besoin d’un nouveau lien ? Choisissez « Mot de passe oublié ? » sur la {link}.',
  'login page': 'page de connexion',
  'Need a new link? Ask an administrator of your firm to send you a new invitation.':
    'Besoin d’un nouveau lien ? Demandez à un administrateur de votre cabinet de vous envoyer une nouvelle invitation.',
  'Your password is set.': 'Votre mot de passe est défini.',
  'Log in': 'Se connecter',
  'You can now sign in from the command line:': 'Vous pouvez maintenant vous connecter depuis la ligne de commande :',
  'This password is one of the most common passwords; choose another.':
    'Ce mot de passe fait partie des plus courants ; choisissez-en un autre.',
  'Enter an email address such as name@example.com.': 'Saisissez une adresse e-mail comme nom@example.com.',
  '{field} is required.': 'Le champ « {field} » est obligatoire.',
  '{field} is too short.': 'Le champ « {field} » est trop court.',
  '{field} is too long.': 'Le champ « {field} » est trop long.',
  '{field} is not valid.': 'Le champ « {field} » n’est pas valide.',
  '{field} is incorrect.': 'Le champ « {field} » est incorrect.',
  'Use at least {min} characters.': 'Utilisez au moins {min} caractères.',
  'Use at most {max} characters.': 'Utilisez au plus {max} caractères.',
  'The two passwords do not match.': 'Les deux mots de passe ne correspondent pas.',
  'Use {min} to {max} characters, and not one of the most common passwords. A passphrase of several words is fine.':
    'Utilisez entre {min} et {max} caractères, et pas l’un des mots de passe les plus courants. Une phrase de plusieurs mots convient.',
  'This link has expired or was already used. Ask for a new one.':
    'Ce lien a expiré ou a déjà été utilisé. Demandez-en un nouveau.',
} satisfies Catalog;

/** Entries that are rightly the same as English (names, codes, words both languages share). */
export const sameAsEnglish: readonly string[] = ['Menu', 'Client'];
