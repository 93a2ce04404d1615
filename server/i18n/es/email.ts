// Machine-drafted; see README "Languages" for how a firm corrects a translation.
// The emails (server/modules/email/templates.ts, server/modules/tenants/settings-email.ts).
import type { Catalog } from '../../../sdk/i18n.js';

export default {
  'Hello {name},': 'Hola, {name}:',
  'This link works once and expires in 48 hours.': 'Este enlace funciona una sola vez y caduca en 48 horas.',
  "You're invited to {firm} on CaseFlow": 'Le invitamos a {firm} en CaseFlow',
  '{firm} has invited you to its CaseFlow workspace. Choose a password to get started.':
    '{firm} le ha invitado a su espacio de trabajo de CaseFlow. Elija una contraseña para empezar.',
  'Set your password': 'Establecer su contraseña',
  'If you did not expect this invitation, ignore this email.': 'Si no esperaba esta invitación, ignore este correo.',
  'Your client portal at {firm}': 'Su portal de clientes en {firm}',
  '{firm} has opened a client portal for you: your invoices, documents and more in one place. Choose a password to log in.':
    '{firm} ha abierto un portal de clientes para usted: sus facturas, documentos y más en un solo lugar. Elija una contraseña para iniciar sesión.',
  'If you did not expect this email, you can ignore it.': 'Si no esperaba este correo, puede ignorarlo.',
  'Reset your {firm} portal password': 'Restablezca la contraseña de su portal de {firm}',
  'Someone asked to reset the password of your {firm} client portal account.':
    'Alguien ha solicitado restablecer la contraseña de su cuenta del portal de clientes de {firm}.',
  'Choose a new password': 'Elegir una contraseña nueva',
  'If you did not ask for this, ignore this email: your password stays as it is.':
    'Si no lo ha solicitado, ignore este correo: su contraseña seguirá siendo la misma.',
  'Payment received: Invoice {number}': 'Pago recibido: factura {number}',
  'We received your payment of {amount} for Invoice {number}. Thank you.':
    'Hemos recibido su pago de {amount} de la factura {number}. Gracias.',
  'The invoice is now paid in full.': 'La factura ya está pagada en su totalidad.',
  'The balance still due is {amount}.': 'El saldo pendiente es de {amount}.',
  'View your invoices': 'Ver sus facturas',
  'Keep this email as your receipt. Card payments are processed by Stripe.':
    'Conserve este correo como recibo. Los pagos con tarjeta los procesa Stripe.',
  'Invoice {number} from {firm}': 'Factura {number} de {firm}',
  '{firm} has sent you invoice {number}. Amount due: {amount}, due {date}.':
    '{firm} le ha enviado la factura {number}. Importe adeudado: {amount}, vence el {date}.',
  '{firm} has sent you invoice {number}. Amount due: {amount}.':
    '{firm} le ha enviado la factura {number}. Importe adeudado: {amount}.',
  'How to pay is on the invoice page.': 'En la página de la factura se indica cómo pagar.',
  'View the invoice': 'Ver la factura',
  'You receive this email because your firm lists you as a recipient of its invoices.':
    'Recibe este correo porque su despacho le tiene registrado como destinatario de sus facturas.',
  'Bank details': 'Datos bancarios',
  Notes: 'Notas',
  'A staff user': 'Un miembro del personal',
  'The API key "{name}"': 'La clave de API «{name}»',
  'An API key': 'Una clave de API',
  '(none)': '(ninguno)',
  '{actor} changed the payment instructions of {firm} on {when}. Clients now see the new text on every invoice they can pay.':
    '{actor} cambió las instrucciones de pago de {firm} el {when}. Los clientes ya ven el nuevo texto en cada factura que pueden pagar.',
  'If you did not expect this change, contact the firm’s other admins at once: changed bank details are how invoice fraud works.':
    'Si no esperaba este cambio, póngase en contacto de inmediato con los demás administradores del despacho: cambiar los datos bancarios es como funciona el fraude de facturas.',
  'Was:': 'Antes:',
  'Now:': 'Ahora:',
  'Payment instructions were changed at {firm}': 'Se cambiaron las instrucciones de pago de {firm}',
} satisfies Catalog;

/** Entries that are rightly the same as English (names, codes, words both languages share). */
export const sameAsEnglish: readonly string[] = [];
