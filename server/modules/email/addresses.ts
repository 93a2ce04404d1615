/**
 * Which addresses this server can send to. Any domain with an ASCII form is
 * reachable (it goes out in punycode); a local part outside ASCII
 * (`δοκιμή@…`) needs SMTPUTF8 all the way, so it is taken only when the
 * operator turned SMTP_UTF8 on (and the SMTP server offered it at boot).
 */
import { hasUnicodeLocalPart } from '../../../sdk/email-address.js';
import type { Config } from '../../config.js';
import { ValidationError } from '../../errors.js';

export const addressMessages = {
  cannotReceive: (address: string) =>
    `This address cannot receive email from this server: ${address} has characters outside ASCII before the @, ` +
    'which needs an SMTP server with SMTPUTF8 (the operator sets SMTP_UTF8=true).',
};

/** Refuses (400, naming the field) an address this server could not deliver to. */
export function requireDeliverable(config: Pick<Config, 'SMTP_UTF8'>, address: string, path = 'body.email'): void {
  if (config.SMTP_UTF8 || !hasUnicodeLocalPart(address)) return;
  const message = addressMessages.cannotReceive(address);
  throw new ValidationError(message, [{ path, code: 'invalid', message }], 'email_undeliverable');
}

/**
 * SQL that is true when `column` holds the same address as the parameter, ignoring
 * case in every script: the expression of the unique indexes contacts_email and
 * staff_users_email (migration 20261202100100). Pass the address in its normal form.
 */
export function sameEmailSql(column: string, parameter = '?'): string {
  return `lower(${column} COLLATE "und-x-icu") = lower(${parameter}::text COLLATE "und-x-icu")`;
}
