// The checks a new password gets in the browser before it is sent. They only
// spare a round trip: the server checks again (and refuses common passwords),
// and its message is shown when it refuses.
import { msg } from '../base/localize.js';

/** The API's limits for a new password (sdk/schemas/passwords.ts). */
export const minPasswordLength = 8;
export const maxPasswordLength = 256;

export const passwordMessages = {
  get tooShort() {
    return msg('Use at least {min} characters.', { min: minPasswordLength });
  },
  get tooLong() {
    return msg('Use at most {max} characters.', { max: maxPasswordLength });
  },
  get mismatch() {
    return msg('The two passwords do not match.');
  },
  /** The rules, stated before anyone types. */
  get hint() {
    return msg(
      'Use {min} to {max} characters, and not one of the most common passwords. A passphrase of several words is fine.',
      { min: minPasswordLength, max: maxPasswordLength },
    );
  },
};

/** Why `password` (typed twice) cannot be sent, or undefined when it can. */
export function newPasswordProblem(password: string, repeat: string): string | undefined {
  // Counted as the server's schema counts (UTF-16 units), so both agree at the edge.
  if (password.length < minPasswordLength) return passwordMessages.tooShort;
  if (password.length > maxPasswordLength) return passwordMessages.tooLong;
  if (password !== repeat) return passwordMessages.mismatch;
  return undefined;
}

const linkTokenPattern = /^cfl_[A-Za-z0-9_-]{43}$/;

/**
 * The single-use token of a welcome, reset or invite link, from a fragment such
 * as `#token=cfl_…`; undefined when it is missing or mangled (a link cut by a
 * mail client, a stray character). Fragments never reach the server, so the
 * page can be prefetched or scanned without spending the token.
 */
export function linkTokenFrom(hash: string): string | undefined {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token')?.trim();
  return token && linkTokenPattern.test(token) ? token : undefined;
}
