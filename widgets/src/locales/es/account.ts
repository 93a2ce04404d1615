// Machine-drafted; see README "Languages" for how a firm corrects a translation.
// The account widgets (login, profile, account menu, home, navigation, announcements, passwords…).
import type { Catalog } from '../../../../sdk/i18n.js';

export default {
  Profile: 'Perfil',
  'Log out': 'Cerrar sesión',
  Language: 'Idioma',
  'Your language could not be saved. Please try again.': 'No se pudo guardar su idioma. Inténtelo de nuevo.',
  'Loading announcements…': 'Cargando anuncios…',
  'No announcements from your firm yet.': 'Su despacho aún no ha publicado ningún anuncio.',
  New: 'Nuevo',
  'Mark as read': 'Marcar como leído',
  'Published {date}': 'Publicado el {date}',
  'All announcements': 'Todos los anuncios',
  'You do not have access to this part of the portal. Ask {firm} if you need it.':
    'No tiene acceso a esta sección del portal. Si la necesita, pídala a {firm}.',
  'Loading your summary…': 'Cargando su resumen…',
  'You are all caught up: nothing is waiting for you.': 'Está al día: no tiene nada pendiente.',
  'Waiting for you': 'Pendiente para usted',
  'Balance due': 'Saldo pendiente',
  'Nothing to pay': 'Nada que pagar',
  'Overdue invoices': 'Facturas vencidas',
  'Next due': 'Próximo vencimiento',
  'No due date ahead': 'Sin vencimientos próximos',
  'Unread announcements': 'Anuncios sin leer',
  '{number}, {amount}, due {date}': '{number}, {amount}, vence el {date}',
  '1 overdue invoice': '1 factura vencida',
  '{count} overdue invoices': '{count} facturas vencidas',
  '1 invoice to pay': '1 factura por pagar',
  '{count} invoices to pay': '{count} facturas por pagar',
  '1 unread announcement': '1 anuncio sin leer',
  '{count} unread announcements': '{count} anuncios sin leer',
  'Please sign in to see your summary.': 'Inicie sesión para ver su resumen.',
  "You are about to see the portal exactly as this client's primary contact does, in this browser tab only. Your own sign-in is not affected; closing the tab ends the preview.":
    'Va a ver el portal exactamente como lo ve el contacto principal de este cliente, solo en esta pestaña del navegador. Su propia sesión no se ve afectada; al cerrar la pestaña termina la vista previa.',
  'Open the preview': 'Abrir la vista previa',
  'Opening…': 'Abriendo…',
  'This link is incomplete. Copy the whole address printed by `caseflow impersonate` into your browser.':
    'Este enlace está incompleto. Copie en su navegador la dirección completa que muestra `caseflow impersonate`.',
  'Ask for a new link with `caseflow impersonate <client>`: each link works once, for two minutes.':
    'Pida un enlace nuevo con `caseflow impersonate <client>`: cada enlace funciona una sola vez, durante dos minutos.',
  'The preview is open.': 'La vista previa está abierta.',
  Email: 'Correo electrónico',
  Password: 'Contraseña',
  'Sign in': 'Iniciar sesión',
  'Signing in…': 'Iniciando sesión…',
  'Email or password is incorrect.': 'El correo electrónico o la contraseña no son correctos.',
  'Forgot password?': '¿Olvidó su contraseña?',
  'Enter the email you sign in with. We will send you a link to choose a new password.':
    'Introduzca el correo electrónico con el que inicia sesión. Le enviaremos un enlace para elegir una contraseña nueva.',
  'Send link': 'Enviar enlace',
  'Sending…': 'Enviando…',
  'Back to sign in': 'Volver a iniciar sesión',
  'If this email belongs to a portal account, we have sent it a link to choose a new password. The link works once and expires in 48 hours.':
    'Si este correo electrónico pertenece a una cuenta del portal, le hemos enviado un enlace para elegir una contraseña nueva. El enlace funciona una sola vez y caduca en 48 horas.',
  'Client portal': 'Portal de clientes',
  Menu: 'Menú',
  "Your firm's plan does not include the client portal. Please ask {firm} to upgrade.":
    'El plan de su despacho no incluye el portal de clientes. Pida a {firm} que lo amplíe.',
  'Admin preview as {name}': 'Vista previa de administrador como {name}',
  'opened by {admin}; closing this tab ends it.': 'abierta por {admin}; termina al cerrar esta pestaña.',
  'Your details': 'Sus datos',
  Name: 'Nombre',
  Client: 'Cliente',
  Firm: 'Despacho',
  'Change password': 'Cambiar contraseña',
  'Current password': 'Contraseña actual',
  'New password': 'Contraseña nueva',
  'Repeat the new password': 'Repita la contraseña nueva',
  'Enter your current password.': 'Introduzca su contraseña actual.',
  'Your current password is incorrect.': 'Su contraseña actual no es correcta.',
  'Saving…': 'Guardando…',
  'Your password has been changed. Your other sessions have been signed out.':
    'Se ha cambiado su contraseña. Se han cerrado sus demás sesiones.',
  'You are previewing the portal as this contact: their password cannot be changed here.':
    'Está viendo el portal como este contacto: aquí no se puede cambiar su contraseña.',
  'Loading your profile…': 'Cargando su perfil…',
  'Language of the portal and your emails': 'Idioma del portal y de sus correos electrónicos',
  '{language} (the default of {firm})': '{language} (predeterminado de {firm})',
  'Save language': 'Guardar idioma',
  'Your language has been saved.': 'Se ha guardado su idioma.',
  'You are previewing the portal as this contact: their language cannot be changed here.':
    'Está viendo el portal como este contacto: aquí no se puede cambiar su idioma.',
  'Set password': 'Establecer contraseña',
  'This link is incomplete. Open it again from your email, or copy the whole address into your browser.':
    'Este enlace está incompleto. Ábralo de nuevo desde su correo electrónico o copie la dirección completa en su navegador.',
  'Need a new link? Choose "Forgot password?" on the {link}.':
    '¿Necesita un enlace nuevo? Elija «¿Olvidó su contraseña?» en la {link}.',
  'login page': 'página de inicio de sesión',
  'Need a new link? Ask an administrator of your firm to send you a new invitation.':
    '¿Necesita un enlace nuevo? Pida a un administrador de su despacho que le envíe una nueva invitación.',
  'Your password is set.': 'Se ha establecido su contraseña.',
  'Log in': 'Iniciar sesión',
  'You can now sign in from the command line:': 'Ya puede iniciar sesión desde la línea de comandos:',
  'This password is one of the most common passwords; choose another.':
    'Esta contraseña es una de las más comunes; elija otra.',
  'Enter an email address such as name@example.com.':
    'Introduzca una dirección de correo electrónico como nombre@example.com.',
  '{field} is required.': 'Rellene el campo «{field}».',
  '{field} is too short.': 'El campo «{field}» es demasiado corto.',
  '{field} is too long.': 'El campo «{field}» es demasiado largo.',
  '{field} is not valid.': 'El campo «{field}» no es válido.',
  '{field} is incorrect.': 'El campo «{field}» no es correcto.',
  'Use at least {min} characters.': 'Use al menos {min} caracteres.',
  'Use at most {max} characters.': 'Use como máximo {max} caracteres.',
  'The two passwords do not match.': 'Las dos contraseñas no coinciden.',
  'Use {min} to {max} characters, and not one of the most common passwords. A passphrase of several words is fine.':
    'Use entre {min} y {max} caracteres, y no una de las contraseñas más comunes. Una frase de varias palabras sirve.',
  'This link has expired or was already used. Ask for a new one.':
    'Este enlace ha caducado o ya se ha utilizado. Pida uno nuevo.',
} satisfies Catalog;

/** Entries that are rightly the same as English (names, codes, words both languages share). */
export const sameAsEnglish: readonly string[] = [];
