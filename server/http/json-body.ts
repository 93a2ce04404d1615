import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import getRawBody from 'raw-body';
import { AppError } from '../errors.js';
import type { AppMiddleware } from './context.js';
import { sendContinue } from './raw-body.js';

export const jsonBodyMessages = {
  notUtf8: 'The request body is not valid UTF-8: send JSON encoded as UTF-8.',
  charset: (charset: string) => `The body is declared as ${charset}: send it as UTF-8 JSON.`,
  invalidJson: 'The request body is not valid JSON.',
  encoding: (encoding: string) => `The Content-Encoding ${encoding} is not supported: use gzip, deflate or br.`,
};

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

const decoders: Record<string, () => zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress> = {
  gzip: zlib.createGunzip,
  deflate: zlib.createInflate,
  br: zlib.createBrotliDecompress,
};

/** The body as sent, or decompressed as its Content-Encoding says (an unknown one is a 415). */
function decoded(req: IncomingMessage, encoding: string): Readable {
  if (encoding === 'identity') return req;
  const decoder = decoders[encoding];
  if (!decoder) {
    throw new AppError(415, 'invalid_request', 'unsupported_content_encoding', jsonBodyMessages.encoding(encoding));
  }
  return req.pipe(decoder());
}

/**
 * Reads a JSON request body as UTF-8 and nothing else: a body declared in another
 * charset is a 415, and bytes that are not UTF-8 are a 400, instead of being
 * decoded into replacement characters and stored (what a lenient decoder does).
 * Content-Encoding (gzip, deflate, br) is undone first, within the same limit.
 * mount() runs it for JSON endpoints only: uploads and raw bodies (signed
 * webhooks) are read by their kind (raw-body.ts, upload.ts), never here.
 */
export function jsonBody(options: { limitBytes: number }): AppMiddleware {
  return async (ctx, next) => {
    if (!['POST', 'PUT', 'PATCH'].includes(ctx.method) || !ctx.request.is('application/json')) {
      return next();
    }
    const charset = ctx.request.charset;
    if (charset && !/^utf-?8$/i.test(charset)) {
      throw new AppError(415, 'invalid_request', 'unsupported_charset', jsonBodyMessages.charset(charset));
    }
    const encoding = (ctx.get('content-encoding') || 'identity').trim().toLowerCase();
    sendContinue(ctx);
    const bytes = await getRawBody(decoded(ctx.req, encoding), {
      limit: options.limitBytes,
      ...(encoding === 'identity' && ctx.request.length !== undefined ? { length: ctx.request.length } : {}),
    });
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      throw new AppError(400, 'invalid_request', 'invalid_utf8', jsonBodyMessages.notUtf8);
    }
    const trimmed = text.trim();
    // Like the usual strict JSON body parsers: an empty body is no body; the top level is an object or array.
    if (trimmed === '') {
      (ctx.request as { body?: unknown }).body = {};
    } else {
      if (trimmed[0] !== '{' && trimmed[0] !== '[') {
        throw new AppError(400, 'invalid_request', 'invalid_json', jsonBodyMessages.invalidJson);
      }
      try {
        (ctx.request as { body?: unknown }).body = JSON.parse(trimmed);
      } catch {
        throw new AppError(400, 'invalid_request', 'invalid_json', jsonBodyMessages.invalidJson);
      }
    }
    await next();
  };
}
