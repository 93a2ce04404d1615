import type Router from '@koa/router';
import type { z } from 'zod';
import type { Endpoint } from '../../sdk/schemas/endpoints.js';
import { AppError, ValidationError } from '../errors.js';
import type { AppContext, AppMiddleware, AppState, AppExtensions, Guard, GuardedContext } from './context.js';
import { sendDownload, type DownloadOutput } from './download.js';
import { fromZod } from './errors.js';
import { claimIdempotencyKey, completeIdempotency, releaseIdempotencyKey } from './idempotency.js';
import { jsonBody } from './json-body.js';
import { bodyConsumed, checkDeclaredLength, closeAfterAnswer, readRawBody } from './raw-body.js';
import { ownsTransactions } from './scoped.js';
import { openUpload, uploadMessages, type Upload } from './upload.js';

export type { DownloadOutput } from './download.js';
export type { Upload, UploadPart } from './upload.js';

type Infer<S> = S extends z.ZodType ? z.output<S> : undefined;

/**
 * What a handler receives: validated params, query and declared headers, and
 * the body as its kind has it: parsed JSON, the upload's stream and parts, or
 * a raw endpoint's exact bytes.
 */
export type Input<E extends Endpoint> = {
  params: Infer<E['params']>;
  query: Infer<E['query']>;
  headers: Infer<E['headers']>;
} & (E extends { kind: 'upload' }
  ? { upload: Upload }
  : E extends { kind: 'raw' }
    ? { body: Buffer }
    : { body: Infer<E['body']> });

/** JSON bodies: 1 MiB at most. */
const parseJson = jsonBody({ limitBytes: 1024 * 1024 });
/** A raw endpoint that names no `maxBytes`: 1 MiB, like JSON. */
const RAW_DEFAULT_MAX_BYTES = 1024 * 1024;

/**
 * A download's answer with its bytes in hand (a generated document): the
 * media type is the endpoint's `produces`, the ETag the bytes' SHA-256.
 */
export interface BinaryOutput extends DownloadOutput {
  data: Uint8Array;
  /** Sent as `Content-Disposition: attachment; filename=…` when given. */
  filename?: string;
}

/** An endpoint that `produces` a media type other than JSON is a download, with or without `kind`. */
export type Output<E extends Endpoint> = E extends { kind: 'download' } | { produces: string }
  ? DownloadOutput
  : E['response'] extends z.ZodType
    ? z.input<E['response']>
    : void;

export type Handler<E extends Endpoint, Adds extends object = object> = (
  input: Input<E>,
  ctx: GuardedContext<Adds>,
) => Promise<Output<E>>;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
// Guards are invariant in what they add, so only `any` admits every one of them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyGuard = Guard<any>;
type AddsOf<G> = G extends Guard<infer A> ? A : never;
/** What a list of guards has proved about the state, once they all passed. */
export type AddedBy<G extends readonly AnyGuard[]> = UnionToIntersection<AddsOf<G[number]>> & object;

function parse(schema: z.ZodObject | undefined, value: unknown, where: string): unknown {
  if (!schema) {
    const empty =
      value === undefined ||
      (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0);
    if (!empty)
      throw new ValidationError(`This endpoint takes no ${where}.`, [
        { path: where, code: 'not_allowed', message: `This endpoint takes no ${where}.` },
      ]);
    return undefined;
  }
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw fromZod(result.error, where);
  return result.data;
}

function hasBody(ctx: AppContext): boolean {
  return Number(ctx.get('content-length') || 0) > 0 || ctx.get('transfer-encoding') !== '';
}

/** Declared headers, validated like the query; the others (there are always many) are not this endpoint's concern. */
function parseHeaders(schema: z.ZodObject | undefined, ctx: AppContext): unknown {
  if (!schema) return undefined;
  const declared = Object.fromEntries(
    Object.keys(schema.shape)
      .filter((name) => ctx.get(name) !== '')
      .map((name) => [name, ctx.get(name)]),
  );
  const result = schema.safeParse(declared);
  if (!result.success) throw fromZod(result.error, 'header');
  return result.data;
}

function maxBytesOf(endpoint: Endpoint): number {
  if (endpoint.kind === 'upload' && endpoint.maxBytes === undefined) {
    throw new Error(`${endpoint.operationId}: an upload declares its maxBytes`);
  }
  return endpoint.maxBytes ?? RAW_DEFAULT_MAX_BYTES;
}

/**
 * Runs before the guards: names the endpoint being served (a guard needs to know
 * whether it owns its transactions), and marks every answer uncacheable: each
 * carries a person's or a firm's data (or a session token), errors (401, 403,
 * 404, 400…) included; documents narrow it to `private, no-store`.
 * A JSON body is parsed here (a guard may read it); an upload's or a raw
 * endpoint's declared length is checked here, before any guard or byte.
 */
function declare(endpoint: Endpoint): AppMiddleware {
  const readsItsBody = endpoint.kind === 'upload' || endpoint.kind === 'raw';
  const maxBytes = readsItsBody ? maxBytesOf(endpoint) : 0;
  return async (ctx, next) => {
    ctx.state.endpoint = endpoint;
    ctx.set('Cache-Control', 'no-store');
    if (!readsItsBody) return parseJson(ctx, next);
    try {
      checkDeclaredLength(ctx, maxBytes);
      await next();
    } catch (error) {
      closeIfUnread(ctx);
      // The endpoint's own words for an oversize body ("The logo must be at most 256 KB.").
      if (endpoint.tooLargeMessage && error instanceof AppError && error.code === 'body_too_large') {
        throw new AppError(413, 'invalid_request', 'body_too_large', endpoint.tooLargeMessage);
      }
      throw error;
    }
    closeIfUnread(ctx);
  };
}

/**
 * A refused upload (or one its handler did not read to the end) gets its answer
 * and the connection is closed: the rest of the body is never read, and a
 * client waiting on `Expect: 100-continue` is never told to send it.
 */
function closeIfUnread(ctx: AppContext): void {
  if (!bodyConsumed(ctx) && hasBody(ctx)) closeAfterAnswer(ctx);
}

/** The body of an upload or raw endpoint, once the guards and the params passed. */
async function bodyOfKind(endpoint: Endpoint, ctx: AppContext): Promise<object> {
  if (endpoint.kind === 'upload') {
    const accepts = endpoint.accepts ?? 'application/octet-stream';
    if (!ctx.is(accepts)) {
      throw new AppError(415, 'invalid_request', 'unsupported_media_type', uploadMessages.mediaType(accepts));
    }
    return { upload: openUpload(ctx, maxBytesOf(endpoint)) };
  }
  return { body: await readRawBody(ctx, maxBytesOf(endpoint)) };
}

/**
 * An idempotent endpoint's handler with its key claimed first and its answer
 * stored after. In the request transaction by default; for an endpoint that owns
 * its transactions, the claim commits in a short transaction of its own (a
 * concurrent duplicate then gets 409 idempotency_key_in_use), is released if the
 * handler fails, and the answer is stored in another once the handler is done.
 */
async function withIdempotency<T>(
  ctx: AppContext,
  input: unknown,
  status: number,
  handler: () => Promise<T>,
): Promise<{ replay: { status: number; body: unknown } } | { output: T }> {
  if (!ownsTransactions(ctx)) {
    const replay = await claimIdempotencyKey(ctx, input);
    if (replay) return { replay };
    const output = await handler();
    await completeIdempotency(ctx, status, output);
    return { output };
  }
  const replay = await ctx.transaction(() => claimIdempotencyKey(ctx, input));
  if (replay) return { replay };
  let output: T;
  try {
    output = await handler();
  } catch (error) {
    if (ctx.state.idempotencyClaim) await ctx.transaction(() => releaseIdempotencyKey(ctx)).catch(() => undefined);
    throw error;
  }
  await ctx.transaction(() => completeIdempotency(ctx, status, output));
  return { output };
}

/**
 * Declares one endpoint of the contract: its guards run first, then the input is
 * validated against the contract's schemas (unknown fields rejected), then the
 * handler, whose answer is checked against the response schema in tests.
 */
export function mount<E extends Endpoint, const G extends readonly AnyGuard[]>(
  router: Router<AppState, AppExtensions>,
  endpoint: E,
  guards: G,
  handler: Handler<E, AddedBy<G>>,
  options: { validateResponses: boolean },
): void {
  const kind = endpoint.kind ?? (endpoint.produces ? 'download' : 'json');
  const readsItsBody = kind === 'upload' || kind === 'raw';
  const run: AppMiddleware = async (ctx) => {
    if (!readsItsBody && hasBody(ctx) && !ctx.is('application/json')) {
      if (endpoint.body) {
        throw new AppError(415, 'invalid_request', 'unsupported_media_type', 'Send the body as application/json.');
      }
      // Not parsed, so it would be dropped unseen: say so instead.
      throw new ValidationError('This endpoint takes no body.', [
        { path: 'body', code: 'not_allowed', message: 'This endpoint takes no body.' },
      ]);
    }
    const checked = {
      params: parse(endpoint.params, (ctx as unknown as { params: Record<string, string> }).params, 'path'),
      query: parse(endpoint.query, ctx.query, 'query'),
      headers: parseHeaders(endpoint.headers, ctx),
    };
    const input = (
      readsItsBody
        ? { ...checked, ...(await bodyOfKind(endpoint, ctx)) }
        : {
            ...checked,
            body: parse(
              endpoint.body,
              endpoint.body || hasBody(ctx) ? (ctx.request as { body?: unknown }).body : undefined,
              'body',
            ),
          }
    ) as Input<E>;
    let output: Output<E>;
    if (endpoint.idempotent) {
      const outcome = await withIdempotency(ctx, input, endpoint.status, async () => {
        const answer = await handler(input, ctx as never);
        if (options.validateResponses && endpoint.response) endpoint.response.parse(answer);
        return answer;
      });
      if ('replay' in outcome) {
        const { replay } = outcome;
        ctx.set('idempotent-replayed', 'true');
        ctx.status = replay.status;
        if (replay.status !== 204) ctx.body = replay.body;
        return;
      }
      output = outcome.output;
    } else {
      output = await handler(input, ctx as never);
    }
    if (kind === 'download') {
      sendDownload(ctx, output as DownloadOutput, endpoint.produces);
      return;
    }
    if (options.validateResponses && endpoint.response && !endpoint.idempotent) endpoint.response.parse(output);
    ctx.status = endpoint.status;
    if (endpoint.status !== 204) ctx.body = output;
  };
  router.register(endpoint.path, [endpoint.method], [declare(endpoint), ...guards, run] as never, {
    name: endpoint.operationId,
  });
}
