import type Router from '@koa/router';
import type { Readable } from 'node:stream';
import { endpoints } from '../../../sdk/schemas/endpoints.js';
import { LOGO_MAX_BYTES } from '../../../sdk/schemas/tenants.js';
import { adminCredential, adminOf } from '../../http/admin-auth.js';
import {
  afterCommit,
  requestMeta,
  type AdminContext,
  type AppExtensions,
  type AppState,
  type Deps,
  type Guard,
} from '../../http/context.js';
import { mount } from '../../http/route.js';
import { scopeCheck } from '../../http/scoped.js';
import { PermissionError } from '../../errors.js';
import * as service from './settings-service.js';

/** The request as the settings use cases see it (inside one of its transactions). */
function call(ctx: AdminContext): service.SettingsCall {
  return { db: ctx.db, admin: ctx.state.admin, meta: requestMeta(ctx), afterCommit: (fn) => afterCommit(ctx, fn) };
}

/** Staff read the settings; changing them (bank details above all) is for admins. */
function adminsOnly(): Guard {
  return scopeCheck((ctx) => {
    if (adminOf(ctx).role !== 'admin') {
      throw new PermissionError('admin_required', "Only the firm's admins may change its settings.");
    }
  });
}

/** Reads the whole body: a logo is at most 256 KB, and the stream already stops past the limit. */
async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The firm's own settings: GET for any staff credential, changes for admins. */
export function settingsRoutes(
  router: Router<AppState, AppExtensions>,
  deps: Deps,
  opts: { validateResponses: boolean },
): void {
  const admins = [adminCredential(deps), adminsOnly()];

  mount(router, endpoints.adminRetrieveSettings, [adminCredential(deps)], (_, ctx) => service.retrieve(ctx.db), opts);

  mount(router, endpoints.adminUpdateSettings, admins, ({ body }, ctx) => service.update(deps, call(ctx), body), opts);

  // An upload owns its transactions: the body is read with none open, then stored in one short one.
  mount(
    router,
    endpoints.adminUploadLogo,
    admins,
    async ({ upload }, ctx) => {
      const bytes = await readAll(upload.stream);
      const image = service.checkLogo(bytes, LOGO_MAX_BYTES);
      return ctx.transaction(() => service.storeLogo(call(ctx), bytes, image));
    },
    opts,
  );

  mount(router, endpoints.adminDeleteLogo, admins, (_, ctx) => service.deleteLogo(call(ctx)), opts);
}
