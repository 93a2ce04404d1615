/**
 * Regression (found by generated-bad-input.test.ts): a body whose bytes are not
 * what its Content-Encoding says made zlib throw inside the body parser, and the
 * server answered 500. It is the client's mistake: a 400 with the envelope.
 */
import http from 'node:http';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import test from 'ava';
import { bodyMessages } from '../../../server/http/errors.js';
import { jsonBodyMessages } from '../../../server/http/json-body.js';
import { demo, startTestServer, type TestServer } from '../../helpers/server.js';

let s: TestServer;
test.before(async () => {
  s = await startTestServer();
});
test.after.always(async () => s?.close());

const written = async () => ({
  audit: Number((await s.db.owner('audit_events').count('* as n').first())!.n),
  sessions: Number((await s.db.owner('sessions').count('* as n').first())!.n),
});

function login(encoding: string, body: Buffer): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: s.server.port,
        method: 'POST',
        path: '/api/v1/portal/auth/login',
        headers: {
          'content-type': 'application/json',
          'content-encoding': encoding,
          'content-length': body.length,
          'caseflow-tenant': 'acme',
          'x-request-id': 'encoding-test',
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString()) }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const plain = Buffer.from(JSON.stringify(demo.nora));
const refusal = {
  status: 400,
  body: {
    error: {
      type: 'invalid_request',
      code: 'invalid_content_encoding',
      message: bodyMessages.undecodable,
      request_id: 'encoding-test',
    },
  },
};

for (const [name, encoding, body] of [
  ['a gzip header on a plain body', 'gzip', plain],
  ['a deflate header on a plain body', 'deflate', plain],
  ['a br header on a plain body', 'br', plain],
  ['a gzip body cut short', 'gzip', gzipSync(plain).subarray(0, 12)],
] as const) {
  test(`${name} is a 400 invalid_content_encoding, and nothing is written`, async (t) => {
    const before = await written();
    t.deepEqual(await login(encoding, body), refusal);
    t.deepEqual(await written(), before);
  });
}

test('an unknown content-encoding is a 415 naming it', async (t) => {
  t.deepEqual(await login('x-nope', plain), {
    status: 415,
    body: {
      error: {
        type: 'invalid_request',
        code: 'unsupported_content_encoding',
        message: jsonBodyMessages.encoding('x-nope'),
        request_id: 'encoding-test',
      },
    },
  });
});

test('a body that really is gzip or br still logs in', async (t) => {
  for (const [encoding, body] of [
    ['gzip', gzipSync(plain)],
    ['br', brotliCompressSync(plain)],
  ] as const) {
    const res = await login(encoding, body);
    t.is(res.status, 200, encoding);
    t.is((res.body as { profile: { contact: { email: string } } }).profile.contact.email, demo.nora.email);
  }
});
