import type Router from '@koa/router';
import { endpoints } from '../../../sdk/schemas/endpoints.js';
import type { AppExtensions, AppState, Deps } from '../../http/context.js';
import { portalSession, requirePlan } from '../../http/portal-session.js';
import { mount } from '../../http/route.js';
import * as service from './service.js';

/**
 * The portal's home: a summary of every section in one request. It is part of
 * the portal, so the Growth plan gate applies (402 on solo, like every section);
 * per-contact permissions only decide which parts it has (invoices: null without).
 */
export function homeRoutes(router: Router<AppState, AppExtensions>, deps: Deps, opts: { validateResponses: boolean }) {
  const portal = [portalSession(deps), requirePlan('growth')];

  mount(router, endpoints.portalHome, portal, (_input, ctx) => service.homeFor(ctx.db, ctx.state.portal), opts);
}
