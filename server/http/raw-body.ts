/**
 * The request body of the endpoints that read it themselves (DESIGN §5): an
 * `upload` streams it, a `raw` endpoint gets its exact bytes. Nothing here reads
 * a byte before the route said so: the guards, the declared Content-Length and
 * the size limit come first, and a client that sent `Expect: 100-continue` only
 * gets its `100 Continue` once they passed (server.ts hands such requests to the
 * app without answering them; see `sendContinue`).
 */
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import getRawBody from 'raw-body';
import { AppError } from '../errors.js';
import type { AppContext } from './context.js';

export const rawBodyMessages = {
  tooLarge: (maxBytes: number) => `The request body is too large: this endpoint takes at most ${maxBytes} bytes.`,
  badLength: 'The Content-Length header must be a number of bytes.',
  encoding: 'Send the body without a Content-Encoding: it is stored as sent.',
  interrupted: 'The request body ended before all of it arrived.',
};

/** The body is larger than the endpoint takes: refused before it is read, or as soon as it grows past it. */
export function bodyTooLarge(maxBytes: number): AppError {
  return new AppError(413, 'invalid_request', 'body_too_large', rawBodyMessages.tooLarge(maxBytes));
}

/** The Content-Length the client declared, if any (a malformed one is a 400). */
export function declaredLength(ctx: AppContext): number | undefined {
  const header = ctx.get('content-length');
  if (header === '') return undefined;
  if (!/^\d{1,16}$/.test(header)) {
    throw new AppError(400, 'invalid_request', 'invalid_content_length', rawBodyMessages.badLength);
  }
  return Number(header);
}

/**
 * Refuses, before any byte is read, a body whose declared length is over the
 * limit, and any Content-Encoding (a compressed body would have to be inflated
 * to be measured; these bodies are taken as sent).
 */
export function checkDeclaredLength(ctx: AppContext, maxBytes: number): void {
  const length = declaredLength(ctx);
  if (length !== undefined && length > maxBytes) throw bodyTooLarge(maxBytes);
  const encoding = ctx.get('content-encoding').trim().toLowerCase();
  if (encoding !== '' && encoding !== 'identity') {
    throw new AppError(415, 'invalid_request', 'unsupported_content_encoding', rawBodyMessages.encoding);
  }
}

const continued = new WeakSet<object>();

/** Whether the client waits for `100 Continue` before it sends the body. */
export function expectsContinue(ctx: AppContext): boolean {
  return ctx.get('expect').toLowerCase() === '100-continue';
}

/**
 * Tells a client that waits (`Expect: 100-continue`) to send its body: called
 * right before the body is read, once the guards and the limits passed. Without
 * the header, or a second time, it does nothing.
 */
export function sendContinue(ctx: AppContext): void {
  if (!expectsContinue(ctx) || continued.has(ctx.req) || ctx.res.headersSent) return;
  continued.add(ctx.req);
  ctx.res.writeContinue();
}

/** Whether the whole request body has been read off the connection. */
export function bodyConsumed(ctx: AppContext): boolean {
  return ctx.req.complete && ctx.req.readableEnded;
}

/** How long a refused upload's connection keeps discarding what the client still sends before it is cut. */
const LINGER_MS = 2_000;

/**
 * Answers, then closes the connection of a request whose body was not read to
 * its end (a refused upload): `Connection: close`, and a lingering close, as
 * HTTP servers do — the answer and a FIN go out first, what the client still
 * sends is discarded for a moment, and only then is the socket destroyed.
 * Destroying it at once, with body bytes unread, would send a TCP reset that
 * can reach the client before it has read the answer.
 */
export function closeAfterAnswer(ctx: AppContext): void {
  ctx.set('Connection', 'close');
  const socket = ctx.req.socket;
  // Node ends a `Connection: close` exchange with socket.destroySoon(): end the write side only, linger, then destroy.
  socket.destroySoon = () => {
    ctx.req.resume();
    socket.resume();
    socket.end();
    const cut = setTimeout(() => socket.destroy(), LINGER_MS);
    cut.unref();
    socket.once('close', () => clearTimeout(cut));
  };
}

/**
 * Counts the bytes as they pass and fails with a 413 the moment they go over the
 * limit, so the sink the handler pipes into is aborted (pipeline destroys it).
 */
class ByteLimit extends Transform {
  private seen = 0;
  constructor(private readonly maxBytes: number) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.maxBytes) done(bodyTooLarge(this.maxBytes));
    else done(null, chunk);
  }
}

/**
 * The request body as a stream the handler reads at its own pace: nothing is
 * buffered beyond the streams' high-water marks, so a slow sink slows the
 * socket (backpressure). It fails with a 413 past `maxBytes` and with a 400 when
 * the client goes away before the end.
 */
export function limitedBody(ctx: AppContext, maxBytes: number): Readable {
  sendContinue(ctx);
  const limit = new ByteLimit(maxBytes);
  const req = ctx.req;
  const onAborted = () => {
    if (!req.complete)
      limit.destroy(new AppError(400, 'invalid_request', 'body_incomplete', rawBodyMessages.interrupted));
  };
  req.once('close', onAborted);
  req.once('error', onAborted);
  limit.once('close', () => {
    req.off('close', onAborted);
    req.off('error', onAborted);
    // A limit that failed stops reading; the answer closes the connection (route.ts).
    if (!req.readableEnded) req.unpipe(limit);
  });
  req.pipe(limit);
  return limit;
}

/** The exact bytes of the body, up to `maxBytes` (a `raw` endpoint: a signed webhook). */
export async function readRawBody(ctx: AppContext, maxBytes: number): Promise<Buffer> {
  const length = declaredLength(ctx);
  sendContinue(ctx);
  try {
    return await getRawBody(ctx.req, { limit: maxBytes, ...(length !== undefined ? { length } : {}) });
  } catch (error) {
    if ((error as { status?: number }).status === 413) throw bodyTooLarge(maxBytes);
    throw error;
  }
}
