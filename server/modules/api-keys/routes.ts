import type Router from '@koa/router';
import type { AppExtensions, AppState, Deps } from '../../http/context.js';

export function apiKeyRoutes(
  _router: Router<AppState, AppExtensions>,
  _deps: Deps,
  _opts: { validateResponses: boolean },
): void {}
