import type { z } from 'zod';
import type { PortalHome } from '../../../sdk/schemas/home.js';
import type { RequestDb } from '../../db/request-db.js';
import type { PortalScope } from '../../db/request-transaction.js';
import type { HomeProvider, WaitingCount } from './provider.js';
import { homeProviders, type HomeParts } from './providers.js';
import { portalHome } from './serialize.js';

/**
 * The contact's home: each provider the contact's home has reads its part in
 * one statement, one after the other on the request's connection, so the
 * request runs a fixed number of statements whatever the data size.
 */
export async function homeFor(db: RequestDb, scope: PortalScope): Promise<z.input<typeof PortalHome>> {
  const parts: Record<string, unknown> = {};
  const waiting: WaitingCount[] = [];
  for (const [key, provider] of Object.entries(homeProviders) as [string, HomeProvider<unknown>][]) {
    if (!provider.shown(scope)) {
      parts[key] = null;
      continue;
    }
    const part = await provider.read(db, scope);
    parts[key] = part;
    waiting.push(...provider.waiting(part));
  }
  // The registry's type ties each key to its provider's part: the record holds exactly HomeParts.
  return portalHome(parts as unknown as HomeParts, waiting);
}
