import type Router from '@koa/router';
import type { AppExtensions, AppState } from '../../http/context.js';
import { openApiDocument } from './document.js';

export function openApiRoutes(router: Router<AppState, AppExtensions>, version: string) {
  let document: string | undefined;
  router.get('/openapi.json', (ctx) => {
    ctx.type = 'application/json';
    ctx.body = document ??= JSON.stringify(openApiDocument(version));
  });
}
