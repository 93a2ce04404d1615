import type { z } from 'zod';

/**
 * The wire contract, one entry per endpoint: the server validates against it,
 * /api/v1/openapi.json is generated from it and the SDK's types come from it.
 * Paths are relative to /api/v1 and use `:name` for path parameters.
 */
export interface Endpoint {
  operationId: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  audience: 'portal' | 'admin' | 'platform' | 'public';
  /** Whether the endpoint needs a credential of its audience. */
  authenticated: boolean;
  summary: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodObject;
  response?: z.ZodType;
  status: number;
}

/** Declares one endpoint, keeping its literal type. */
export const endpoint = <E extends Endpoint>(e: E) => e;
