/**
 * Streaming uploads (`kind: 'upload'`, DESIGN §5): the handler gets the body as
 * a stream, or, for `multipart/form-data`, its parts one after another with each
 * file's bytes streamed (busboy). Nothing is buffered whole: busboy reads no
 * further than the part the handler is reading, and the socket no further than
 * busboy, so backpressure runs from the handler's sink to the client.
 */
import type { Readable } from 'node:stream';
import busboy from 'busboy';
import { AppError } from '../errors.js';
import type { AppContext } from './context.js';
import { declaredLength, limitedBody } from './raw-body.js';

/** What one multipart body may hold besides its files' bytes (those count against the endpoint's maxBytes). */
const LIMITS = { parts: 1000, fields: 100, fieldSize: 64 * 1024 };

export const uploadMessages = {
  mediaType: (accepts: string) => `Send the body as ${accepts}.`,
  multipart: (reason: string) => `The multipart body could not be read: ${reason}.`,
  notMultipart: 'This upload is not multipart/form-data: read its stream instead.',
  partsOnce: 'The parts of an upload can be read only once.',
  tooManyParts: `The multipart body has too many parts: at most ${LIMITS.parts}, of which ${LIMITS.fields} fields.`,
  fieldTooLong: (name: string) =>
    `The multipart field ${JSON.stringify(name.slice(0, 100))} is too long: at most ${LIMITS.fieldSize} bytes.`,
};

function tooMany(message: string): AppError {
  return new AppError(413, 'invalid_request', 'multipart_too_large', message);
}

/** A part of a multipart upload: a form field, or a file whose bytes must be read before the next part comes. */
export type UploadPart =
  | { kind: 'field'; name: string; value: string }
  | { kind: 'file'; name: string; filename: string; type: string; stream: Readable };

/** What an upload handler receives beside its params, query and headers. */
export interface Upload {
  /** The media type the client declared, without its parameters. */
  type: string;
  /** The declared Content-Length, when the client sent one (not with chunked bodies). */
  length: number | undefined;
  /** The body's bytes (a raw upload), capped at the endpoint's `maxBytes`. */
  stream: Readable;
  /** The parts of a `multipart/form-data` body, in order (read once). */
  parts(): AsyncIterable<UploadPart>;
}

function multipartError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const reason = error instanceof Error ? error.message.replace(/\.$/, '') : 'malformed';
  return new AppError(400, 'invalid_request', 'invalid_multipart', uploadMessages.multipart(reason.toLowerCase()));
}

/** The parts of the body, handed out one at a time: the next comes once the previous file was read. */
async function* multipartParts(ctx: AppContext, body: Readable): AsyncGenerator<UploadPart> {
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: ctx.req.headers, limits: LIMITS });
  } catch (error) {
    throw multipartError(error);
  }
  const queue: UploadPart[] = [];
  let failure: AppError | undefined;
  let finished = false;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  let current: Readable | undefined;
  parser.on('field', (name, value, info) => {
    if (info.nameTruncated || info.valueTruncated) return fail(tooMany(uploadMessages.fieldTooLong(name)));
    queue.push({ kind: 'field', name, value });
    notify();
  });
  parser.on('file', (name, stream, info) => {
    current = stream;
    queue.push({ kind: 'file', name, filename: info.filename ?? '', type: info.mimeType, stream });
    notify();
  });
  parser.on('close', () => {
    finished = true;
    notify();
  });
  const fail = (error: unknown) => {
    failure ??= multipartError(error);
    // The file being read fails with the same error, so the handler's sink is aborted.
    if (current && !current.destroyed) current.destroy(failure);
    notify();
  };
  parser.on('error', fail);
  parser.on('partsLimit', () => fail(tooMany(uploadMessages.tooManyParts)));
  parser.on('fieldsLimit', () => fail(tooMany(uploadMessages.tooManyParts)));
  body.on('error', fail);
  body.pipe(parser);
  try {
    for (;;) {
      if (failure) throw failure;
      const part = queue.shift();
      if (part) {
        yield part;
        continue;
      }
      if (finished) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    body.unpipe(parser);
    if (!finished) body.destroy();
  }
}

/** The upload of this request: its stream, capped at `maxBytes`, and its parts when multipart. */
export function openUpload(ctx: AppContext, maxBytes: number): Upload {
  const type = ctx.request.type;
  let stream: Readable | undefined;
  const open = () => (stream ??= limitedBody(ctx, maxBytes));
  let partsRead = false;
  return {
    type,
    length: declaredLength(ctx),
    get stream() {
      return open();
    },
    parts() {
      if (type !== 'multipart/form-data') throw new Error(uploadMessages.notMultipart);
      if (partsRead) throw new Error(uploadMessages.partsOnce);
      partsRead = true;
      return multipartParts(ctx, open());
    },
  };
}
