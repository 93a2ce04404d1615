import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline; @node-rs/argon2 hashes on the libuv thread pool.
const params = { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

/** How often the hasher ran in this process: tests read it to prove both paths of a form did the work. */
export const hasherCalls = { hash: 0, verify: 0 };

export function hashPassword(password: string): Promise<string> {
  hasherCalls.hash += 1;
  return hash(password, params);
}

let dummy: Promise<string> | undefined;

/**
 * Verifies a password against a stored hash. Without a stored hash (unknown
 * account, or no password set yet) it verifies against a dummy hash, so both
 * paths cost the same and timing does not tell whether the account exists.
 */
export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  hasherCalls.verify += 1;
  if (!stored) {
    await verify(await (dummy ??= hashPassword('caseflow-dummy-password')), password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}
