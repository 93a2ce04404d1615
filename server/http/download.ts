/**
 * Streaming downloads (`kind: 'download'`, DESIGN §5): the handler answers the
 * document's bytes (or a stream of them) with its size and a strong ETag; this
 * file answers `Range` (one range: 206; none satisfiable: 416), `If-Range`
 * (206 only while the ETag is still the client's, else the whole document),
 * HEAD, and the headers every document carries: an RFC 6266 attachment name
 * (ASCII fallback and `filename*=UTF-8''…`), `private, no-store`, `nosniff`.
 */
import { createHash } from 'node:crypto';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { AppError } from '../errors.js';
import type { AppContext } from './context.js';

export const downloadMessages = {
  unsatisfiable: (size: number) => `The requested range is outside the document, which is ${size} bytes long.`,
};

/** Bytes `start` to `end`, both included (as in `Content-Range`). */
export interface ByteRange {
  start: number;
  end: number;
}

/** What a download handler answers: the bytes or a stream of them, and what describes them. */
export interface DownloadOutput {
  /** The whole document in memory (a generated PDF)… */
  data?: Uint8Array;
  /**
   * …or a stream of it: a function that opens the range asked (the whole
   * document when none), or a stream of the whole document, which is then cut.
   */
  stream?: Readable | ((range?: ByteRange) => Readable);
  /** Length in bytes: required with `stream`. */
  size?: number;
  /**
   * The strong validator, unquoted: it must change whenever a byte does.
   * With `data` it defaults to the bytes' SHA-256.
   */
  etag?: string;
  /** Sent as `Content-Disposition: attachment` with this name. */
  filename?: string;
  /** Media type; the endpoint's `produces` when not given. */
  type?: string;
  lastModified?: Date;
}

/** A strong ETag of the bytes: their SHA-256, so the same document always has the same tag. */
export function strongEtag(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('base64url');
}

/**
 * The one range of a `Range: bytes=…` header, `'unsatisfiable'`, or undefined
 * when the header is absent, not about bytes, malformed or asks several ranges
 * (then the whole document is the answer, as RFC 9110 allows).
 */
export function parseRange(header: string, size: number): ByteRange | 'unsatisfiable' | undefined {
  const match = /^bytes=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header.trim());
  if (!match) return undefined;
  const [, first, last] = match;
  if (first === '' && last === '') return undefined;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (last !== '' && Number(last) < start) return undefined;
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}

/** Whether `If-Range` still names this version: a strong ETag compared strongly, or the exact Last-Modified. */
function ifRangeHolds(header: string, etag: string, lastModified: Date | undefined): boolean {
  const value = header.trim();
  if (value.startsWith('"')) return value === etag;
  if (value.startsWith('W/')) return false;
  const date = Date.parse(value);
  return (
    lastModified !== undefined &&
    !Number.isNaN(date) &&
    Math.floor(lastModified.getTime() / 1000) === Math.floor(date / 1000)
  );
}

/** Skips `start` bytes and passes through to `end` of a stream of the whole document. */
class Slice extends Transform {
  private offset = 0;
  constructor(private readonly range: ByteRange) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const from = Math.max(this.range.start - this.offset, 0);
    const to = Math.min(this.range.end + 1 - this.offset, chunk.length);
    this.offset += chunk.length;
    if (from < to) this.push(chunk.subarray(from, to));
    if (this.offset > this.range.end) this.push(null);
    done();
  }
}

function bodyOf(output: DownloadOutput, range: ByteRange | undefined, size: number): Buffer | Readable {
  if (output.data) {
    const bytes = Buffer.from(output.data.buffer, output.data.byteOffset, output.data.byteLength);
    return range ? bytes.subarray(range.start, range.end + 1) : bytes;
  }
  const { stream } = output;
  if (typeof stream === 'function') return stream(range);
  if (!stream) throw new Error('A download answers data or a stream.');
  if (!range || (range.start === 0 && range.end === size - 1)) return stream;
  const slice = new Slice(range);
  stream.on('error', (error) => slice.destroy(error));
  // Past the range's end nothing more is needed: stop reading the rest of the document.
  slice.on('end', () => stream.destroy());
  slice.on('close', () => stream.destroy());
  return stream.pipe(slice);
}

/** Sends the handler's document as the answer, honouring Range, If-Range and HEAD. */
export function sendDownload(ctx: AppContext, output: DownloadOutput, produces: string | undefined): void {
  const size = output.data ? output.data.byteLength : output.size;
  if (size === undefined) throw new Error('A streamed download declares its size.');
  const etag = `"${output.etag ?? (output.data ? strongEtag(output.data) : '')}"`;
  if (etag === '""') throw new Error('A streamed download declares its ETag.');
  ctx.set('Accept-Ranges', 'bytes');
  ctx.set('ETag', etag);
  // Documents carry the client's data: no shared cache may keep them, nor a browser sniff them into HTML.
  ctx.set('Cache-Control', 'private, no-store');
  ctx.set('X-Content-Type-Options', 'nosniff');
  if (output.lastModified) ctx.set('Last-Modified', output.lastModified.toUTCString());

  const rangeHeader = ctx.get('range');
  const ifRange = ctx.get('if-range');
  const range =
    rangeHeader && (!ifRange || ifRangeHolds(ifRange, etag, output.lastModified))
      ? parseRange(rangeHeader, size)
      : undefined;
  if (range === 'unsatisfiable') {
    if (typeof output.stream === 'object') output.stream.destroy();
    ctx.set('Content-Range', `bytes */${size}`);
    throw new AppError(416, 'invalid_request', 'range_not_satisfiable', downloadMessages.unsatisfiable(size));
  }

  if (output.filename) ctx.attachment(output.filename);
  ctx.type = output.type ?? produces ?? 'application/octet-stream';
  if (range) {
    ctx.status = 206;
    ctx.set('Content-Range', `bytes ${range.start}-${range.end}/${size}`);
  } else {
    ctx.status = 200;
  }
  const length = range ? range.end - range.start + 1 : size;
  if (ctx.method === 'HEAD') {
    // Koa sends no body for HEAD: open no stream, only say how long it would be.
    if (typeof output.stream === 'object') output.stream.destroy();
    ctx.body = Buffer.alloc(0);
    ctx.length = length;
    return;
  }
  ctx.body = bodyOf(output, range, size);
  ctx.length = length;
}
