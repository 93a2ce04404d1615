import { createHash, randomBytes } from 'node:crypto';

/** A 256-bit random opaque token with a readable prefix (it tells a leaked token's kind). */
export function newToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** What we store and look up: the SHA-256 of the token, never the token. */
export function tokenHash(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
