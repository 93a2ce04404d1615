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
  /**
   * Request headers the endpoint reads, validated like params and query (names
   * in lower case; headers it does not declare are ignored, not refused).
   */
  headers?: z.ZodObject;
  /**
   * Media type an `upload` or `raw` endpoint takes: `multipart/form-data` (the
   * parts are streamed to the handler) or any other (the body is, as is).
   */
  accepts?: string;
  response?: z.ZodType;
  /** Media type of a non-JSON success answer (e.g. `application/pdf`): the body is those bytes, not `response`. */
  produces?: string;
  status: number;
  /**
   * POSTs that create or move money: an `Idempotency-Key` header makes a retry
   * get the first answer back (24 h, per firm and caller); the SDK sends one.
   */
  idempotent?: true;
  /**
   * How the request's bytes move (DESIGN §5): `json` (the default: a JSON body
   * in, a JSON answer out), `upload` (the body is streamed to the handler, never
   * buffered whole; `maxBytes` caps it), `download` (the answer is streamed, with
   * `Range` and `ETag`), `raw` (the exact bytes, for signed webhooks).
   */
  kind?: 'json' | 'upload' | 'download' | 'raw';
  /** Largest body an `upload` or `raw` endpoint takes, in bytes. */
  maxBytes?: number;
  /** What a person is told when the body is over `maxBytes` (default: the limit in bytes). */
  tooLargeMessage?: string;
  /**
   * `request` (the default): the guard's transaction holds the whole handler.
   * `own`: the guard checks the credential in a short transaction that ends
   * before the handler runs; the handler opens its own short transactions
   * (`ctx.transaction`), each checking the credential again, so a network wait
   * or a stream never holds a connection (DESIGN §4). Uploads are always `own`.
   */
  transactions?: 'request' | 'own';
}

/** Declares one endpoint, keeping its literal type. */
export const endpoint = <E extends Endpoint>(e: E) => e;
