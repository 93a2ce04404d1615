import { dictionary } from '@zxcvbn-ts/language-common';
import { ValidationError } from '../errors.js';

/**
 * What a new password must be (DESIGN §6): 8 to 256 characters, never truncated,
 * and not one of the ~50,000 most common passwords (zxcvbn-ts' list). The length
 * bounds are also in the wire schema; the list lives only on the server.
 */
const common = new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));

export const passwordPolicyMessages = {
  common: 'This password is one of the most common passwords; choose another.',
};

export function checkNewPassword(password: string, field = 'password'): void {
  if (common.has(password.toLowerCase())) {
    throw new ValidationError(
      passwordPolicyMessages.common,
      [{ path: `body.${field}`, code: 'password_common', message: passwordPolicyMessages.common }],
      'password_too_common',
    );
  }
}
