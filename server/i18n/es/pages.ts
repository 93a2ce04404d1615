// Machine-drafted; see README "Languages" for how a firm corrects a translation.
// The hosted pages (server/portal/pages.ts) and the error pages (server/portal/error-pages.ts).
import type { Catalog } from '../../../sdk/i18n.js';

export default {
  Home: 'Inicio',
  Invoices: 'Facturas',
  Payments: 'Pagos',
  Announcements: 'Avisos',
  Profile: 'Perfil',
  'Skip to content': 'Saltar al contenido',
  Phone: 'Teléfono',
  Email: 'Correo electrónico',
  Website: 'Sitio web',
  'Contact {firm}': 'Contactar con {firm}',
  'Client portal': 'Portal de clientes',
  'Log in': 'Iniciar sesión',
  'All announcements': 'Todos los avisos',
  'All invoices': 'Todas las facturas',
  'Choose your password': 'Elija su contraseña',
  'Reset your password': 'Restablezca su contraseña',
  'This password is for your staff account at this firm.':
    'Esta contraseña es para su cuenta de personal en este despacho.',
  'Admin preview': 'Vista previa del administrador',
  'No firm is served at this address': 'No hay ningún despacho en esta dirección',
  'Check the address in the email or the link your firm sent you.':
    'Compruebe la dirección del correo o el enlace que le envió su despacho.',
  'Page not found': 'Página no encontrada',
  'There is no page at this address. The link may be out of date, or part of it may be missing.':
    'No hay ninguna página en esta dirección. Es posible que el enlace esté desactualizado o que le falte una parte.',
  'Something went wrong': 'Algo salió mal',
  'We could not show this page. Please try again in a few minutes.':
    'No pudimos mostrar esta página. Vuelva a intentarlo dentro de unos minutos.',
  'This page could not be shown': 'No se pudo mostrar esta página',
  'Your browser asked for something this page cannot answer.':
    'Su navegador pidió algo que esta página no puede responder.',
  'If it keeps happening, quote this reference when you contact your firm: {id}':
    'Si vuelve a ocurrir, indique esta referencia cuando se ponga en contacto con su despacho: {id}',
  'Go to your portal home': 'Ir al inicio de su portal',
} satisfies Catalog;

/** Entries that are rightly the same as English (names, codes, words both languages share). */
export const sameAsEnglish: readonly string[] = [];
