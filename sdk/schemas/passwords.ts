import { Text } from './common.js';

/** A new password: 8 to 256 characters, kept whole (the server also refuses the most common ones). */
export const NewPassword = Text().min(8, 'must be at least 8 characters').max(256, 'must be at most 256 characters');

/** A single-use link token, as it arrives from the link's #token= fragment. */
export const LinkToken = Text().regex(/^cfl_[A-Za-z0-9_-]{43}$/, 'is not a valid link token');
