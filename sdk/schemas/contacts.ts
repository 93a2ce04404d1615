import type { Endpoint } from './endpoint.js';

export const contactEndpoints = {} satisfies Record<string, Endpoint>;
