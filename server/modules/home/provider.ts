import type { z } from 'zod';
import type { WaitingItem } from '../../../sdk/schemas/home.js';
import type { RequestDb } from '../../db/request-db.js';
import type { PortalScope } from '../../db/request-transaction.js';

/** A "waiting for you" item as a provider counts it; the home leaves out the ones with a count of 0. */
export type WaitingCount = Omit<z.input<typeof WaitingItem>, 'count'> & { count: number };

/**
 * What one capability adds to the portal's home: its part of the answer and
 * what of it waits for the contact. Each capability keeps its provider in its
 * own module (`server/modules/<capability>/home.ts`) and lists it once in
 * ./providers.ts; the home itself knows none of them.
 */
export interface HomeProvider<Part> {
  /**
   * Whether this contact's home has it (a permission, the firm's plan). When it
   * has not, its part is null, it adds nothing waiting, and nothing is read.
   */
  shown(scope: PortalScope): boolean;
  /**
   * Reads its part in one SQL statement whatever the number of rows (aggregated
   * in SQL, never per row). Row-level security narrows it to the contact's
   * client: no hand-written tenant filter.
   */
  read(db: RequestDb, scope: PortalScope): Promise<Part>;
  /** What of its part waits for the contact, in the order the home lists it. */
  waiting(part: Part): WaitingCount[];
}
