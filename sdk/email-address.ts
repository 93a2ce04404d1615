/**
 * Email addresses in any script (RFC 6531/6532): `zoe@ørsted.example`,
 * `δοκιμή@παράδειγμα.δοκιμή`. One normal form for storing and comparing them,
 * the domain's ASCII (punycode) form for the wire, and the syntax check of the
 * contract's `Email()`.
 *
 * Zod-free and Node-free: the browser's WHATWG URL parser does the IDNA mapping,
 * so the widgets may use it too.
 */
import punycode from 'punycode/punycode.js';

/**
 * The stored form of an address: trimmed, in Unicode NFC, the domain lower-cased
 * and in Unicode (domains are case-insensitive; a local part, strictly, is not,
 * so its case is kept and the unique index folds it). A domain written in
 * punycode is the same domain: browsers send `zoe@xn--rsted-uua.example` from an
 * `<input type="email">` where the person typed `zoe@ørsted.example`. Idempotent.
 */
export function normalizeEmail(address: string): string {
  const trimmed = address.trim().normalize('NFC');
  const at = trimmed.lastIndexOf('@');
  if (at < 0) return trimmed;
  return `${trimmed.slice(0, at)}@${decodedDomain(trimmed.slice(at + 1).toLowerCase()).normalize('NFC')}`;
}

/** `xn--rsted-uua.example` → `ørsted.example`; a label that is not valid punycode stays as written (and fails the syntax check). */
function decodedDomain(domain: string): string {
  try {
    return punycode.toUnicode(domain);
  } catch {
    return domain;
  }
}

// RFC 5322 atext, plus letters, marks and digits of any script (RFC 6531's UTF8-non-ascii).
const localAtom = /^(?:[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]|[\p{L}\p{M}\p{N}])+$/u;
// What a domain may be written with before the IDNA mapping: letters, marks and digits of any script, dots and hyphens.
const unicodeDomain = /^[\p{L}\p{M}\p{N}.-]+$/u;
// The ASCII form: labels of 1 to 63 letters, digits and inner hyphens; a top-level label of 2 or more, not all digits.
const asciiLabel = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** The domain's ASCII form (`ørsted.example` → `xn--rsted-uua.example`), or undefined when it has none. */
export function asciiDomain(domain: string): string | undefined {
  if (!unicodeDomain.test(domain)) return undefined;
  let host: string;
  try {
    host = new URL(`http://${domain}/`).hostname;
  } catch {
    return undefined;
  }
  if (host.length > 253) return undefined;
  const labels = host.split('.');
  if (labels.length < 2 || !labels.every((label) => asciiLabel.test(label))) return undefined;
  const top = labels[labels.length - 1]!;
  if (top.length < 2 || /^\d+$/.test(top)) return undefined;
  return host;
}

/** The parts of an address, split at its last `@`. */
export function splitEmail(address: string): { local: string; domain: string } {
  const at = address.lastIndexOf('@');
  return { local: address.slice(0, at), domain: address.slice(at + 1) };
}

/** Whether the local part needs SMTPUTF8 (RFC 6531) to be delivered: any character outside ASCII. */
export function hasUnicodeLocalPart(address: string): boolean {
  // eslint-disable-next-line no-control-regex -- "outside ASCII" is exactly the test
  return /[^\u0000-\u007f]/.test(splitEmail(address).local);
}

/**
 * Whether `address` (in its normal form) is an address mail can be sent to: a
 * dot-atom local part of at most 64 bytes in UTF-8, and a domain with a valid
 * ASCII form. Quoted local parts and address literals are not taken.
 */
export function isEmailAddress(address: string): boolean {
  const at = address.lastIndexOf('@');
  if (at < 1) return false;
  const { local, domain } = splitEmail(address);
  if (new TextEncoder().encode(local).length > 64) return false;
  if (!local.split('.').every((atom) => localAtom.test(atom))) return false;
  return asciiDomain(domain) !== undefined;
}

/**
 * The address as it goes on the wire: the domain in its ASCII form when the local
 * part is ASCII (any SMTP server takes it); unchanged otherwise (it needs
 * SMTPUTF8, where the domain may stay in Unicode).
 */
export function wireAddress(address: string): string {
  if (hasUnicodeLocalPart(address)) return address;
  const { local, domain } = splitEmail(address);
  const ascii = asciiDomain(domain);
  return ascii ? `${local}@${ascii}` : address;
}
