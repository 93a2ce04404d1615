import type Router from '@koa/router';
import { enterTenant, inScope, type TenantScope } from '../db/request-transaction.js';
import { TenantNotFoundError } from '../errors.js';
import type { AppExtensions, AppState, Deps } from '../http/context.js';
import { requireTenantSlug } from '../http/tenant.js';

const filePattern = /^([0-9a-f]{64})\.(png|jpg)$/;
const mediaTypes = { png: 'image/png', jpg: 'image/jpeg' } as const;

/**
 * The firm's logo, served from its own host: no third party learns who opens
 * the portal, and it works offline. The file is named by its SHA-256, so an
 * answer never changes and is cached for good; an old hash (a replaced logo)
 * answers 404. nosniff: the bytes are served only as the type they were checked to be.
 */
export function mountLogo(router: Router<AppState, AppExtensions>, deps: Deps): void {
  router.get('/clients/logo/:file', async (ctx) => {
    const match = filePattern.exec(ctx.params.file!);
    if (!match) return; // falls through to the 404 answer
    const [, sha256, extension] = match as unknown as [string, string, keyof typeof mediaTypes];
    const mediaType = mediaTypes[extension];
    let logo: { content: Buffer } | undefined;
    try {
      const slug = requireTenantSlug(ctx.state);
      logo = await inScope<TenantScope, { content: Buffer } | undefined>(
        deps.pool,
        enterTenant(slug, 'caseflow_portal'),
        async (db) =>
          (
            await db.query<{ content: Buffer }>(
              'SELECT content FROM tenant_logos WHERE sha256 = $1 AND media_type = $2',
              [sha256, mediaType],
            )
          )[0],
      );
    } catch (error) {
      if (!(error instanceof TenantNotFoundError)) throw error;
    }
    if (!logo) return;
    ctx.type = mediaType;
    ctx.set('Cache-Control', 'public, max-age=31536000, immutable');
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.body = logo.content;
  });
}
