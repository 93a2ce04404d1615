import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';

/** What Node's HTTP parser refuses before any middleware runs, as the API says it. */
const refusals: Record<string, { status: number; reason: string; code: string; message: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: 'Request Header Fields Too Large',
    code: 'headers_too_large',
    message: 'The request line or its headers are too long (16 KB at most together).',
  },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: {
    status: 413,
    reason: 'Payload Too Large',
    code: 'chunk_extensions_too_large',
    message: 'The chunk extensions of this request are too long.',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    reason: 'Request Timeout',
    code: 'request_timeout',
    message: 'The request took too long to arrive.',
  },
};
const malformed = {
  status: 400,
  reason: 'Bad Request',
  code: 'malformed_request',
  message: 'This is not a well-formed HTTP request.',
};

/**
 * The server's `clientError` handler: a request Node cannot parse (a request
 * line past the header limit, a broken chunk) still gets the error envelope,
 * not Node's bare status line, and the connection is closed.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const refusal = (error.code && refusals[error.code]) || malformed;
  const requestId = randomUUID();
  const body = JSON.stringify({
    error: { type: 'invalid_request', code: refusal.code, message: refusal.message, request_id: requestId },
  });
  socket.end(
    `HTTP/1.1 ${refusal.status} ${refusal.reason}\r\n` +
      `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `X-Request-Id: ${requestId}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
  );
}
