/**
 * JSON bodies are UTF-8 or refused: a lenient decoder would turn bytes that are
 * not UTF-8 (or a body declared in another charset) into replacement characters
 * and the API would store "Caf�" where the client meant "Café". And a body sent
 * to an endpoint that takes none is refused, not silently dropped. Serial:
 * some tests count the firm's clients while others create them.
 */
import http from 'node:http';
import test from 'ava';
import { jsonBodyMessages } from '../../../server/http/json-body.js';
import { demoStaff, startTestServer, type TestServer } from '../../helpers/server.js';

let s: TestServer;
let token: string;
test.before(async () => {
  s = await startTestServer();
  token = (await s.staffLogin(demoStaff.ada)).token!;
});
test.after.always(async () => s?.close());

const clientCount = async () => Number((await s.db.owner('clients').count('* as n').first())!.n);

function send(
  path: string,
  body: Buffer,
  contentType: string,
): Promise<{ status: number; body: { error?: { code: string; message: string } } & Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: s.server.port,
        method: 'POST',
        path: `/api/v1${path}`,
        headers: {
          'content-type': contentType,
          'content-length': body.length,
          'caseflow-tenant': 'acme',
          authorization: `Bearer ${token}`,
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

// "Café" with é as the single latin-1 byte 0xE9, which is not UTF-8.
const latin1Name = Buffer.concat([Buffer.from('{"name":"Caf'), Buffer.from([0xe9]), Buffer.from('"}')]);

test.serial('bytes that are not UTF-8 are a 400 invalid_utf8, and no client is created', async (t) => {
  const before = await clientCount();
  const res = await send('/admin/clients', latin1Name, 'application/json');
  t.is(res.status, 400);
  t.deepEqual(res.body.error && { code: res.body.error.code, message: res.body.error.message }, {
    code: 'invalid_utf8',
    message: jsonBodyMessages.notUtf8,
  });
  t.is(await clientCount(), before);
});

test.serial('a body declared in another charset is a 415 naming it, and nothing is created', async (t) => {
  const before = await clientCount();
  const res = await send('/admin/clients', latin1Name, 'application/json; charset=iso-8859-1');
  t.is(res.status, 415);
  t.deepEqual(res.body.error && { code: res.body.error.code, message: res.body.error.message }, {
    code: 'unsupported_charset',
    message: jsonBodyMessages.charset('iso-8859-1'),
  });
  t.is(await clientCount(), before);
});

test.serial('UTF-8, declared or not, is read as sent', async (t) => {
  const a = await send('/admin/clients', Buffer.from('{"name":"Café Ørsted"}'), 'application/json; charset=utf-8');
  const b = await send('/admin/clients', Buffer.from('{"name":"Café Ørsted 2"}'), 'application/json');
  t.deepEqual([a.status, a.body.name, b.status, b.body.name], [201, 'Café Ørsted', 201, 'Café Ørsted 2']);
});

test.serial('a JSON body that is a bare string or number is not valid JSON here (400 invalid_json)', async (t) => {
  const res = await send('/admin/clients', Buffer.from('"Northwind"'), 'application/json');
  t.deepEqual([res.status, res.body.error?.code], [400, 'invalid_json']);
});

test.serial('a body sent to an endpoint that takes none is refused, in any content type', async (t) => {
  const text = await send('/admin/stripe/disable', Buffer.from('please'), 'text/plain');
  const array = await send('/admin/stripe/disable', Buffer.from('[]'), 'application/json');
  t.deepEqual(
    [text.status, text.body.error?.message, array.status, array.body.error?.message],
    [400, 'This endpoint takes no body.', 400, 'This endpoint takes no body.'],
  );
});
