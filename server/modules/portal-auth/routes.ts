import Router from '@koa/router';
import { endpoints } from '../../../sdk/schemas/endpoints.js';
import { BadRequestError } from '../../errors.js';
import { requestMeta, type AppContext, type AppExtensions, type AppState, type Deps } from '../../http/context.js';
import { checkSameOrigin, portalCookieName, portalSession } from '../../http/portal-session.js';
import { mount } from '../../http/route.js';
import { requireTenantSlug } from '../../http/tenant.js';
import * as service from './service.js';
import * as passwords from './passwords.js';
import * as profile from './profile.js';

export const routeMessages = {
  httpsRequired:
    'A cookie login needs HTTPS, and this request arrived over plain HTTP (does the proxy send X-Forwarded-Proto?).',
};

export function portalAuthRoutes(
  router: Router<AppState, AppExtensions>,
  deps: Deps,
  opts: { validateResponses: boolean },
) {
  const cookieName = portalCookieName(deps.config);
  const secure = deps.config.PUBLIC_SCHEME === 'https';
  // A Secure cookie cannot be set on a request that did not come over https (Koa throws):
  // say so before anything is written. Clearing it is harmless either way.
  const requireHttps = (ctx: AppContext) => {
    if (secure && !ctx.secure) throw new BadRequestError('https_required', routeMessages.httpsRequired);
  };

  mount(
    router,
    endpoints.portalLogin,
    [],
    async ({ body }, ctx) => {
      const slug = requireTenantSlug(ctx.state);
      // A cookie login is a browser form: refuse it from other origins (login CSRF).
      if (body.transport === 'cookie') {
        requireHttps(ctx);
        checkSameOrigin(ctx);
      }
      const previous = body.transport === 'cookie' ? ctx.cookies.get(cookieName) : undefined;
      const result = await service.login(deps, slug, body, requestMeta(ctx), previous ?? undefined);
      const session = { kind: result.session.kind, expires_at: result.session.expires_at.toISOString() };
      if (body.transport === 'cookie') {
        ctx.cookies.set(cookieName, result.token, {
          httpOnly: true,
          secure,
          sameSite: 'lax',
          path: '/',
          expires: result.session.expires_at,
          overwrite: true,
        });
        return { session, profile: result.profile };
      }
      return { session: { ...session, token: result.token }, profile: result.profile };
    },
    opts,
  );

  mount(
    router,
    endpoints.portalLogout,
    [portalSession(deps)],
    async (_input, ctx) => {
      await service.logout(ctx.db, ctx.state.portal, requestMeta(ctx));
      if (ctx.state.portalTransport === 'cookie') {
        const clear = { httpOnly: true, secure: secure && ctx.secure, sameSite: 'lax' as const, path: '/' };
        ctx.cookies.set(cookieName, null, { ...clear, overwrite: true });
      }
    },
    opts,
  );

  mount(router, endpoints.portalMe, [portalSession(deps)], (_input, ctx) => service.me(ctx.db, ctx.state.portal), opts);

  mount(
    router,
    endpoints.portalUpdateProfile,
    [portalSession(deps)],
    ({ body }, ctx) => profile.updateProfile(ctx.db, ctx.state.portal, body, requestMeta(ctx)),
    opts,
  );

  mount(
    router,
    endpoints.portalForgotPassword,
    [],
    ({ body }, ctx) => passwords.forgotPassword(deps, requireTenantSlug(ctx.state), body.email, requestMeta(ctx)),
    opts,
  );

  mount(
    router,
    endpoints.portalSetPassword,
    [],
    ({ body }, ctx) => passwords.setPassword(deps, requireTenantSlug(ctx.state), body, requestMeta(ctx)),
    opts,
  );

  mount(
    router,
    endpoints.portalChangePassword,
    [portalSession(deps)],
    ({ body }, ctx) => passwords.changePassword(deps, ctx.state.portal, body, requestMeta(ctx)),
    opts,
  );
}
