import type { Endpoint } from './endpoint.js';

export const tenantEndpoints = {} satisfies Record<string, Endpoint>;
