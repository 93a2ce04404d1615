/**
 * What the SDK needs of an endpoint to call it, without zod: the generated
 * tables beside this file hold one per operationId (their types stay in the
 * contract, imported as types only), so the browser bundle carries no schema.
 */
export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Relative to /api/v1, with `:name` for each path parameter. */
  path: string;
  /** The contract flags it idempotent: the SDK sends an Idempotency-Key, so it may retry. */
  idempotent: boolean;
  /** Media type of a non-JSON answer (e.g. `application/pdf`): the call resolves with its bytes. */
  produces?: string;
}

/** A table of routes by operationId. */
export type Routes = Record<string, Route>;
