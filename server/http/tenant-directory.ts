import type { Pool } from '../db/pool.js';
import { enterTenant, inScope, type TenantScope } from '../db/request-transaction.js';
import { slugPattern } from './tenant.js';

/** How long a firm's allowed origins are trusted before being read again. */
const TTL_MS = 10_000;

/**
 * The few tenant settings needed before any request transaction (CORS runs on
 * preflights, which carry no credential): read through the authentication role,
 * cached briefly, and dropped at once when this server changes them.
 */
export class TenantDirectory {
  private readonly cache = new Map<string, { origins: string[]; at: number }>();

  constructor(private readonly pool: Pool) {}

  async allowedOrigins(slug: string): Promise<string[]> {
    if (!slugPattern.test(slug)) return [];
    const hit = this.cache.get(slug);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.origins;
    let origins: string[];
    try {
      origins = await inScope<TenantScope, string[]>(this.pool, enterTenant(slug, 'caseflow_auth'), async (db) => {
        const [row] = await db.query<{ allowed_origins: string[] }>(
          'SELECT allowed_origins FROM tenants WHERE id = caseflow.current_tenant()',
        );
        return row?.allowed_origins ?? [];
      });
    } catch {
      origins = []; // unknown or disabled firm: nothing is allowed
    }
    this.cache.set(slug, { origins, at: Date.now() });
    return origins;
  }

  forget(slug: string): void {
    this.cache.delete(slug);
  }
}
