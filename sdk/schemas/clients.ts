import type { Endpoint } from './endpoint.js';

export const clientEndpoints = {} satisfies Record<string, Endpoint>;
