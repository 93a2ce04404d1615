import { z } from 'zod';

/** A new password: 8 to 256 characters, kept whole (the server also refuses the most common ones). */
export const NewPassword = z
  .string()
  .min(8, 'must be at least 8 characters')
  .max(256, 'must be at most 256 characters');

/** A single-use link token, as it arrives from the link's #token= fragment. */
export const LinkToken = z.string().regex(/^cfl_[A-Za-z0-9_-]{43}$/, 'is not a valid link token');
