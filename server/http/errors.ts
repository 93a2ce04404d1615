import type { Middleware } from 'koa';
import type { Logger } from 'pino';
import { z } from 'zod';
import { AppError, RateLimitError, ValidationError } from '../errors.js';
import { paramsOf, summaryOf } from './field-messages.js';

/**
 * Turns a zod failure into our validation error: one param per offending field,
 * each with its path (for code), a stable code and a sentence for a person
 * (field-messages.ts); the error's message is the first field's sentence.
 */
export function fromZod(error: z.ZodError, where: string): ValidationError {
  const params = error.issues.flatMap((issue) => paramsOf(issue, where));
  return new ValidationError(summaryOf(params), params);
}

interface HttpishError {
  status?: number;
  expose?: boolean;
  message: string;
}

/**
 * The only place errors become HTTP: typed errors keep their status and
 * message, body-parser failures become 400s, anything else a bare 500 whose
 * details go to the log, never to the client.
 */
export function errorEnvelope(logger: Logger): Middleware {
  return async (ctx, next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) {
        throw new AppError(404, 'not_found', 'route_not_found', `No route for ${ctx.method} ${ctx.path}.`);
      }
      if (ctx.status === 405 && ctx.body === undefined) {
        const allowed = ctx.response.get('allow');
        throw new AppError(
          405,
          'invalid_request',
          'method_not_allowed',
          `${ctx.method} is not allowed here; use ${allowed}.`,
        );
      }
    } catch (raw) {
      let error: AppError;
      if (raw instanceof AppError) error = raw;
      else if (raw instanceof z.ZodError) error = fromZod(raw, 'body');
      else if (isClientHttpError(raw)) error = fromHttpError(raw);
      else if (isDecompressionError(raw) && ctx.get('content-encoding')) error = undecodableBody();
      else {
        logger.error({ err: raw, req_id: ctx.state.requestId }, 'unhandled error');
        error = new AppError(500, 'api_error', 'internal_error', 'Something went wrong on our side.');
      }
      ctx.status = error.status;
      if (error instanceof RateLimitError) ctx.set('Retry-After', String(error.retryAfterSeconds));
      ctx.body = {
        error: {
          type: error.type,
          code: error.code,
          message: error.message,
          ...error.extra,
          request_id: ctx.state.requestId as string,
        },
      };
    }
  };
}

/**
 * zlib's errors (gzip, deflate: Z_DATA_ERROR, Z_BUF_ERROR; brotli: ERR__ERROR_…),
 * thrown while the body parser decompresses a body whose bytes are not what its
 * Content-Encoding says: the client's mistake, not ours.
 */
function isDecompressionError(e: unknown): boolean {
  const { code, errno } = (e ?? {}) as { code?: unknown; errno?: unknown };
  return typeof code === 'string' && typeof errno === 'number' && /^(Z_|ERR__ERROR_|ERR_BROTLI)/.test(code);
}

export const bodyMessages = {
  undecodable:
    'The request body could not be decompressed as its Content-Encoding header says: ' +
    'send it in that encoding, or without the header.',
};

function undecodableBody(): AppError {
  return new AppError(400, 'invalid_request', 'invalid_content_encoding', bodyMessages.undecodable);
}

function isClientHttpError(e: unknown): e is HttpishError {
  const status = (e as HttpishError | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

// The body reader's own errors (raw-body: too large, aborted, a length that lies); JSON and charset
// refusals are AppErrors of server/http/json-body.ts already.
function fromHttpError(e: HttpishError): AppError {
  if (e.status === 413) return new AppError(413, 'invalid_request', 'body_too_large', 'The request body is too large.');
  return new AppError(e.status!, 'invalid_request', 'bad_request', e.expose ? e.message : 'Bad request.');
}
