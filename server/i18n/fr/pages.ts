// Machine-drafted; see README "Languages" for how a firm corrects a translation.
// The hosted pages (server/portal/pages.ts) and the error pages (server/portal/error-pages.ts).
import type { Catalog } from '../../../sdk/i18n.js';

export default {
  Home: 'Accueil',
  Invoices: 'Factures',
  Payments: 'Paiements',
  Announcements: 'Annonces',
  Profile: 'Profil',
  'Skip to content': 'Aller au contenu',
  Phone: 'Téléphone',
  Email: 'E-mail',
  Website: 'Site web',
  'Contact {firm}': 'Contacter {firm}',
  'Client portal': 'Portail client',
  'Log in': 'Se connecter',
  'All announcements': 'Toutes les annonces',
  'All invoices': 'Toutes les factures',
  'Choose your password': 'Choisissez votre mot de passe',
  'Reset your password': 'Réinitialisez votre mot de passe',
  'This password is for your staff account at this firm.':
    'Ce mot de passe est celui de votre compte collaborateur dans ce cabinet.',
  'Admin preview': 'Aperçu administrateur',
  'No firm is served at this address': 'Aucun cabinet n’est servi à cette adresse',
  'Check the address in the email or the link your firm sent you.':
    'Vérifiez l’adresse figurant dans l’e-mail ou le lien que votre cabinet vous a envoyé.',
  'Page not found': 'Page introuvable',
  'There is no page at this address. The link may be out of date, or part of it may be missing.':
    'Il n’y a pas de page à cette adresse. Le lien est peut-être périmé, ou une partie en manque.',
  'Something went wrong': 'Une erreur s’est produite',
  'We could not show this page. Please try again in a few minutes.':
    'Nous n’avons pas pu afficher cette page. Veuillez réessayer dans quelques minutes.',
  'This page could not be shown': 'Cette page n’a pas pu être affichée',
  'Your browser asked for something this page cannot answer.':
    'Votre navigateur a demandé quelque chose à quoi cette page ne peut pas répondre.',
  'If it keeps happening, quote this reference when you contact your firm: {id}':
    'Si le problème persiste, indiquez cette référence en contactant votre cabinet : {id}',
  'Go to your portal home': 'Aller à l’accueil de votre portail',
} satisfies Catalog;

/** Entries that are rightly the same as English (names, codes, words both languages share). */
export const sameAsEnglish: readonly string[] = [];
