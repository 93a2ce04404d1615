import net from 'node:net';
import test from 'ava';
import { ErrorBody } from '../../../sdk/schemas/common.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';

let s: TestServer;
test.before(async () => {
  s = await startTestServer({ seed: false });
});
test.after.always(async () => s?.close());

/** Sends raw bytes and reads the whole answer, which ends with the connection. */
function exchange(bytes: string): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(s.server.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString();
      const [head = '', body = ''] = text.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), headers: head, body });
    });
    socket.end(bytes);
  });
}

test('a request line past the header limit gets 431 with the error envelope', async (t) => {
  const answer = await exchange(`GET /api/v1/admin/invoices/${'L'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
  t.is(answer.status, 431);
  t.regex(answer.headers, /content-type: application\/json; charset=utf-8/i);
  const { error } = ErrorBody.parse(JSON.parse(answer.body));
  t.is(error.type, 'invalid_request');
  t.is(error.code, 'headers_too_large');
  t.is(error.message, 'The request line or its headers are too long (16 KB at most together).');
  t.true(answer.headers.includes(`X-Request-Id: ${error.request_id}`));
});

test('bytes that are not HTTP get 400 with the error envelope', async (t) => {
  const answer = await exchange('HELLO THERE\r\n\r\n');
  t.is(answer.status, 400);
  const { error } = ErrorBody.parse(JSON.parse(answer.body));
  t.is(error.code, 'malformed_request');
  t.is(error.message, 'This is not a well-formed HTTP request.');
});
