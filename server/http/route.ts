import type Router from '@koa/router';
import type { z } from 'zod';
import type { Endpoint } from '../../sdk/schemas/endpoints.js';
import { AppError, ValidationError } from '../errors.js';
import type { AppContext, AppMiddleware, AppState, AppExtensions } from './context.js';
import { fromZod } from './errors.js';
import { claimIdempotencyKey, completeIdempotency, releaseIdempotencyKey } from './idempotency.js';
import { ownsTransactions } from './scoped.js';

type Infer<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface Input<E extends Endpoint> {
  params: Infer<E['params']>;
  query: Infer<E['query']>;
  body: Infer<E['body']>;
}

/** The answer of an endpoint that `produces` a media type other than JSON: its bytes, and a download name. */
export interface BinaryOutput {
  data: Uint8Array;
  /** Sent as `Content-Disposition: attachment; filename=…` when given. */
  filename?: string;
}

export type Output<E extends Endpoint> = E extends { produces: string }
  ? BinaryOutput
  : E['response'] extends z.ZodType
    ? z.input<E['response']>
    : void;

export type Handler<E extends Endpoint> = (input: Input<E>, ctx: AppContext) => Promise<Output<E>>;

function parse(schema: z.ZodObject | undefined, value: unknown, where: string): unknown {
  if (!schema) {
    const empty =
      value === undefined ||
      (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0);
    if (!empty)
      throw new ValidationError(`This endpoint takes no ${where}.`, [{ path: where, message: 'not allowed' }]);
    return undefined;
  }
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw fromZod(result.error, where);
  return result.data;
}

function hasBody(ctx: AppContext): boolean {
  return Number(ctx.get('content-length') || 0) > 0 || ctx.get('transfer-encoding') !== '';
}

/**
 * Runs before the guards: names the endpoint being served (a guard needs to know
 * whether it owns its transactions), and marks every answer uncacheable: each
 * carries a person's or a firm's data (or a session token), errors (401, 403,
 * 404, 400…) included; documents narrow it to `private, no-store`.
 */
function declare(endpoint: Endpoint): AppMiddleware {
  return async (ctx, next) => {
    ctx.state.endpoint = endpoint;
    ctx.set('Cache-Control', 'no-store');
    await next();
  };
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
export function mount<E extends Endpoint>(
  router: Router<AppState, AppExtensions>,
  endpoint: E,
  guards: AppMiddleware[],
  handler: Handler<E>,
  options: { validateResponses: boolean },
): void {
  const run: AppMiddleware = async (ctx) => {
    if (hasBody(ctx) && !ctx.is('application/json')) {
      if (endpoint.body) {
        throw new AppError(415, 'invalid_request', 'unsupported_media_type', 'Send the body as application/json.');
      }
      // Not parsed, so it would be dropped unseen: say so instead.
      throw new ValidationError('This endpoint takes no body.', [{ path: 'body', message: 'not allowed' }]);
    }
    const input = {
      params: parse(endpoint.params, (ctx as unknown as { params: Record<string, string> }).params, 'path'),
      query: parse(endpoint.query, ctx.query, 'query'),
      body: parse(
        endpoint.body,
        endpoint.body || hasBody(ctx) ? (ctx.request as { body?: unknown }).body : undefined,
        'body',
      ),
    } as Input<E>;
    let output: Output<E>;
    if (endpoint.idempotent) {
      const outcome = await withIdempotency(ctx, input, endpoint.status, async () => {
        const answer = await handler(input, ctx);
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
      output = await handler(input, ctx);
    }
    if (endpoint.produces) {
      const { data, filename } = output as BinaryOutput;
      ctx.status = endpoint.status;
      ctx.type = endpoint.produces;
      if (filename) ctx.attachment(filename);
      // Documents carry the client's data: no shared cache may keep them.
      ctx.set('Cache-Control', 'private, no-store');
      ctx.body = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      return;
    }
    if (options.validateResponses && endpoint.response && !endpoint.idempotent) endpoint.response.parse(output);
    ctx.status = endpoint.status;
    if (endpoint.status !== 204) ctx.body = output;
  };
  router.register(endpoint.path, [endpoint.method], [declare(endpoint), ...guards, run] as never);
}
