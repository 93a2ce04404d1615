import type { z } from 'zod';
import type { PortalHome, WaitingItem } from '../../../sdk/schemas/home.js';
import type { WaitingCount } from './provider.js';
import type { HomeParts } from './providers.js';

/**
 * The home as the portal reads it: each part as its provider's own allow-list
 * made it (or null), and only the kinds that have something waiting.
 */
export function portalHome(parts: HomeParts, waiting: WaitingCount[]): z.input<typeof PortalHome> {
  return {
    ...parts,
    waiting: waiting
      .filter((item) => item.count > 0)
      .map((item): z.input<typeof WaitingItem> => ({
        kind: item.kind,
        count: item.count,
        ...(item.href ? { href: item.href } : {}),
      })),
  };
}
