import { Text } from './common.js';

export const passwordMessages = {
  tooShort: 'Choose a password of at least 8 characters.',
  tooLong: 'Choose a password of at most 256 characters.',
};

/**
 * A new password: 8 to 256 characters, kept whole (the server also refuses the most
 * common ones, code password_common). Refines rather than min/max so each rule
 * carries its own code (password_too_short, password_too_long); the bounds stay in
 * the JSON Schema through the meta.
 */
export const NewPassword = Text()
  .refine((v) => v.length >= 8, { message: passwordMessages.tooShort, params: { code: 'password_too_short' } })
  .refine((v) => v.length <= 256, { message: passwordMessages.tooLong, params: { code: 'password_too_long' } })
  .meta({ minLength: 8, maxLength: 256 });

/** A single-use link token, as it arrives from the link's #token= fragment. */
export const LinkToken = Text().regex(
  /^cfl_[A-Za-z0-9_-]{43}$/,
  'is not a valid link: open the link from the email again, or ask for a new one',
);
