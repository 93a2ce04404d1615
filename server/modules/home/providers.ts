import type { z } from 'zod';
import type { PortalHome } from '../../../sdk/schemas/home.js';
import { announcementsAtHome } from '../announcements/home.js';
import { invoicesAtHome } from '../invoices/home.js';
import type { HomeProvider } from './provider.js';

/** The parts of the home, each a capability's (every key of the answer but `waiting`). */
export type HomeParts = Omit<z.input<typeof PortalHome>, 'waiting'>;

/**
 * Every capability on the portal's home, in the order its "waiting for you"
 * items are listed. A capability joins the home with its part in
 * sdk/schemas/home.ts, its kinds in WaitingKind, and one line here.
 */
export const homeProviders: { [K in keyof HomeParts]-?: HomeProvider<NonNullable<HomeParts[K]>> } = {
  invoices: invoicesAtHome,
  announcements: announcementsAtHome,
};
