import type { z } from 'zod';
import type { Endpoints } from './schemas/endpoints.js';
import type { List } from './schemas/common.js';
import type { Route, Routes } from './routes/route.js';
import { ListPromise } from './pagination.js';
import { seg, type RequestOptions, type Transport, type UploadBody } from './transport.js';

// Types come from the contract's entries (`typeof endpoints.x`, imported as
// types only); method, path, idempotency and media type from the generated
// route table. A resource method only names its operationId.

type Has<E, K extends string> = E extends { [P in K]: infer S extends z.ZodType } ? S : never;

/**
 * A query as the caller writes it: the values are sent as text, so a flag the
 * contract reads as 'true' | 'false' may be given as a boolean.
 */
type QueryInput<Q> = {
  [K in keyof Q]: Q[K] | ([Extract<Q[K], 'true' | 'false'>] extends [never] ? never : boolean);
};

/** What a call of endpoint `E` takes: path parameters, query and body as the contract accepts them. */
export type CallInput<E> = (E extends { params: z.ZodType } ? { params: z.input<Has<E, 'params'>> } : unknown) &
  (E extends { query: z.ZodType } ? { query?: QueryInput<z.input<Has<E, 'query'>>> } : unknown) &
  (E extends { body: z.ZodType } ? { body: z.input<Has<E, 'body'>> } : unknown) &
  (E extends { kind: 'upload' } ? { upload: UploadBody } : unknown) &
  (E extends { idempotent: true } ? { idempotencyKey?: string | undefined } : unknown);

/** What a call of endpoint `E` resolves with: the response as parsed, bytes for a `produces` endpoint, else nothing. */
export type CallOutput<E> = E extends { produces: string }
  ? ArrayBuffer
  : E extends { response: z.ZodType }
    ? z.output<Has<E, 'response'>>
    : void;

/** The item type of a list endpoint's page. */
export type ListItem<E> = CallOutput<E> extends List<infer T> ? T : never;

/** The input is optional when nothing in it is required. */
type Args<E> = object extends CallInput<E> ? [input?: CallInput<E>] : [input: CallInput<E>];

type OperationId<R> = keyof R & keyof Endpoints & string;

/** The input as the transport sees it, once its types have done their work. */
interface AnyInput {
  params?: Record<string, string | number>;
  query?: RequestOptions['query'];
  body?: unknown;
  upload?: UploadBody;
  idempotencyKey?: string | undefined;
}

/** Fills `:name` path parameters, each escaped. */
function expand(path: string, params: AnyInput['params']): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new TypeError(`${path}: path parameter "${name}" is missing`);
    return seg(String(value));
  });
}

function requestFor(route: Route, input: AnyInput): RequestOptions {
  const request: RequestOptions = { method: route.method, path: expand(route.path, input.params) };
  if (input.query) request.query = input.query;
  if (input.body !== undefined) request.body = input.body;
  if (input.upload) request.upload = input.upload;
  // The contract flags calls that create or move money: a key is sent (yours or a fresh one), so retries are safe.
  if (route.idempotent) request.idempotent = true;
  if (input.idempotencyKey) request.idempotencyKey = input.idempotencyKey;
  if (route.produces) {
    request.binary = true;
    // Errors still come as JSON.
    request.headers = { accept: `${route.produces}, application/json` };
  }
  return request;
}

/** Calls the endpoints of one route table by operationId, typed by the contract. */
export class RouteCaller<R extends Routes> {
  constructor(
    readonly transport: Transport,
    private readonly routes: R,
  ) {}

  private route(id: string): Route {
    const route = this.routes[id];
    if (!route) throw new TypeError(`no route ${id} in this client's table`);
    return route;
  }

  /** One request; resolves with the endpoint's response. (Async, so a refused input rejects rather than throws.) */
  async call<K extends OperationId<R>>(id: K, ...[input]: Args<Endpoints[K]>): Promise<CallOutput<Endpoints[K]>> {
    return this.transport.request(requestFor(this.route(id), (input ?? {}) as AnyInput));
  }

  /** A list endpoint: the first page at once, the others as `for await` walks on (`starting_after`). */
  list<K extends OperationId<R>>(id: K, ...[input]: Args<Endpoints[K]>): ListPromise<ListItem<Endpoints[K]>> {
    return new ListPromise(async (startingAfter) => {
      const base = requestFor(this.route(id), (input ?? {}) as AnyInput);
      return this.transport.request<List<ListItem<Endpoints[K]>>>({
        ...base,
        query: { ...base.query, ...(startingAfter ? { starting_after: startingAfter } : {}) },
      });
    });
  }

  /** The endpoint's absolute URL, for a plain link (e.g. a PDF opened with the hosted portal's cookie). */
  url<K extends OperationId<R>>(id: K, ...[input]: Args<Endpoints[K]>): string {
    const request = requestFor(this.route(id), (input ?? {}) as AnyInput);
    return this.transport.url(request.path, request.query);
  }
}
