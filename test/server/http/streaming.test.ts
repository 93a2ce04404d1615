/**
 * Streaming uploads and downloads against the real server in its own process
 * (streaming-server.ts, with test-only routes): 200 MiB up and back with the
 * server's RSS watched, Expect: 100-continue, size limits before and during the
 * body, a body longer than declared, multipart, and a session revoked between
 * the upload's two transactions.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import test from 'ava';
import { PortalClient } from '../../../sdk/portal-client.js';
import { demo } from '../../helpers/server.js';

const MiB = 1024 * 1024;
const root = path.resolve(import.meta.dirname, '../../..');

let child: ChildProcess;
let port: number;
let dir: string;
let token: string;

test.before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caseflow-streaming-'));
  child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'streaming-server.ts')], {
    cwd: root,
    env: { ...process.env, STREAMING_DIR: dir },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { port: number }).port);
    });
    child.once('exit', (code) => reject(new Error(`the streaming server exited (${code})`)));
  });
  token = await login();
});
test.after.always(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.stdin!.end();
    await Promise.race([exited, sleep(10_000)]);
    if (child.exitCode === null) child.kill();
  }
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function login(): Promise<string> {
  const portal = new PortalClient({ baseUrl: `http://127.0.0.1:${port}`, tenant: 'acme', maxRetries: 0 });
  return (await portal.auth.login(demo.nora)).session.token!;
}

const auth = (t = token) => ({ authorization: `Bearer ${t}`, 'caseflow-tenant': 'acme' });

/** The server process's resident set, from the kernel (VmRSS), in bytes. */
function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  if (!kb) throw new Error('no VmRSS');
  return Number(kb[1]) * 1024;
}

/** `size` bytes generated on the fly (a random block, each copy numbered): never held whole. */
function generated(size: number): Readable {
  const block = randomBytes(64 * 1024);
  let sent = 0;
  let n = 0;
  return new Readable({
    read() {
      if (sent >= size) return void this.push(null);
      const chunk = Buffer.from(block.subarray(0, Math.min(block.length, size - sent)));
      chunk.writeUInt32BE(n++, 0);
      sent += chunk.length;
      this.push(chunk);
    },
  });
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function collect(res: http.IncomingMessage): Promise<Answer> {
  return new Promise((resolve, reject) => {
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (body += chunk));
    res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    res.on('error', reject);
  });
}

const agent = () => new http.Agent({ keepAlive: false });

/** Streams `source` as the body of a POST; the answer and whether 100 Continue came. */
function post(
  route: string,
  headers: http.OutgoingHttpHeaders,
  source?: Readable,
): Promise<Answer & { continued: boolean; sha256: string }> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    let continued = false;
    const req = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: `/api/v1${route}`,
      headers,
      agent: agent(),
    });
    req.on('continue', () => {
      continued = true;
      if (source)
        void pipeline(
          source.on('data', (c: Buffer) => hash.update(c)),
          req,
        ).catch(() => undefined);
    });
    req.on('response', (res) =>
      collect(res).then((a) => resolve({ ...a, continued, sha256: hash.digest('hex') }), reject),
    );
    req.on('error', reject);
    if (headers.expect) req.flushHeaders();
    else if (source)
      void pipeline(
        source.on('data', (c: Buffer) => hash.update(c)),
        req,
      ).catch(() => undefined);
    else req.end();
  });
}

test.serial(
  '200 MiB go up and come back byte for byte while the server process stays within 64 MB of its idle RSS',
  async (t) => {
    // Warm up the route once (code loaded, pools open), then measure idle right before the transfer.
    const warm = await post(
      '/test/uploads',
      { ...auth(), 'content-type': 'application/octet-stream', 'content-length': MiB },
      generated(MiB),
    );
    t.is(warm.status, 201);
    await sleep(500);
    const pid = child.pid!;
    const idle = rssOf(pid);
    let peak = idle;
    let samples = 0;
    const sampler = setInterval(() => {
      samples++;
      peak = Math.max(peak, rssOf(pid));
    }, 20);
    const size = 200 * MiB;
    try {
      const up = await post(
        '/test/uploads',
        { ...auth(), 'content-type': 'application/octet-stream', 'content-length': size },
        generated(size),
      );
      t.is(up.status, 201, up.body);
      const stored = JSON.parse(up.body) as { id: string; bytes: number; sha256: string };
      t.is(stored.bytes, size);
      t.is(stored.sha256, up.sha256);

      const down = createHash('sha256');
      let received = 0;
      const res = await new Promise<http.IncomingMessage>((resolve, reject) =>
        http
          .get(
            { host: '127.0.0.1', port, path: `/api/v1/test/uploads/${stored.id}`, headers: auth(), agent: agent() },
            resolve,
          )
          .on('error', reject),
      );
      t.is(res.statusCode, 200);
      t.is(res.headers['content-length'], String(size));
      t.is(res.headers.etag, `"${stored.sha256}"`);
      for await (const chunk of res as AsyncIterable<Buffer>) {
        down.update(chunk);
        received += chunk.length;
      }
      t.is(received, size);
      t.is(down.digest('hex'), up.sha256);
      peak = Math.max(peak, rssOf(pid));
    } finally {
      clearInterval(sampler);
    }
    const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
    t.log(
      `server RSS idle ${mb(idle)}, peak ${mb(peak)} during 200 MiB up and back (+${mb(peak - idle)}; ${samples} samples)`,
    );
    t.true(samples >= 10, `only ${samples} RSS samples during the transfer`);
    t.true(peak - idle <= 64e6, `peak ${mb(peak)} is more than 64 MB above idle ${mb(idle)}`);
  },
);

test.serial('a stored upload is downloadable by range: 206 with the slice of the file', async (t) => {
  const content = randomBytes(10_000);
  const up = await post(
    '/test/uploads',
    { ...auth(), 'content-type': 'application/octet-stream' },
    Readable.from([content]),
  );
  const { id } = JSON.parse(up.body) as { id: string };
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/test/uploads/${id}`, {
    headers: { ...auth(), range: 'bytes=1000-1999' },
  });
  t.is(res.status, 206);
  t.is(res.headers.get('content-range'), 'bytes 1000-1999/10000');
  t.deepEqual(Buffer.from(await res.arrayBuffer()), content.subarray(1000, 2000));
});

test.serial(
  'Expect: 100-continue without a valid session: 401 and Connection: close, and the body is never asked for',
  async (t) => {
    const before = fs.readdirSync(dir).length;
    const answer = await post(
      '/test/uploads',
      {
        ...auth('not-a-real-session-token'),
        'content-type': 'application/octet-stream',
        'content-length': 10 * MiB,
        expect: '100-continue',
      },
      generated(10 * MiB),
    );
    t.is(answer.status, 401);
    t.false(answer.continued);
    t.is(answer.headers.connection, 'close');
    t.is(JSON.parse(answer.body).error.type, 'authentication_error');
    t.is(fs.readdirSync(dir).length, before);
  },
);

test.serial('Expect: 100-continue with a valid session: 100 Continue comes, then the body is stored', async (t) => {
  const answer = await post(
    '/test/uploads',
    { ...auth(), 'content-type': 'application/octet-stream', 'content-length': MiB, expect: '100-continue' },
    generated(MiB),
  );
  t.true(answer.continued);
  t.is(answer.status, 201);
  t.is(JSON.parse(answer.body).sha256, answer.sha256);
});

test.serial(
  'a Content-Length above maxBytes is a 413 before any byte is sent, and the connection is closed',
  async (t) => {
    const waiting = await post(
      '/test/uploads',
      { ...auth(), 'content-type': 'application/octet-stream', 'content-length': 300 * MiB, expect: '100-continue' },
      generated(300 * MiB),
    );
    t.is(waiting.status, 413);
    t.false(waiting.continued);
    t.is(waiting.headers.connection, 'close');
    const error = JSON.parse(waiting.body).error;
    t.is(error.code, 'body_too_large');
    t.is(error.message, `The request body is too large: this endpoint takes at most ${256 * MiB} bytes.`);

    // Without Expect: the headers alone get the answer; the body is never written.
    const socket = net.connect(port, '127.0.0.1');
    socket.write(
      `POST /api/v1/test/uploads HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\n` +
        `Caseflow-Tenant: acme\r\nContent-Type: application/octet-stream\r\nContent-Length: ${300 * MiB}\r\n\r\n`,
    );
    let raw = '';
    socket.on('data', (chunk: Buffer) => (raw += chunk.toString('latin1')));
    await new Promise((resolve) => socket.once('close', resolve));
    t.regex(raw, /^HTTP\/1\.1 413 /);
    t.regex(raw, /\r\nConnection: close\r\n/i);
  },
);

test.serial(
  'a chunked body that grows past maxBytes is a 413 mid-stream: the sink is aborted and its file removed',
  async (t) => {
    const before = fs.readdirSync(dir).sort();
    const answer = await post(
      '/test/small-uploads',
      { ...auth(), 'content-type': 'application/octet-stream', 'transfer-encoding': 'chunked' },
      generated(4 * MiB),
    );
    t.is(answer.status, 413);
    t.is(answer.headers.connection, 'close');
    t.is(
      JSON.parse(answer.body).error.message,
      `The request body is too large: this endpoint takes at most ${MiB} bytes.`,
    );
    await sleep(200);
    t.deepEqual(fs.readdirSync(dir).sort(), before);
  },
);

test.serial(
  'a body longer than its Content-Length: the bytes past it are a 400, the connection is closed, and no more than the declared bytes are ever stored',
  async (t) => {
    const before = new Set(fs.readdirSync(dir));
    const socket = net.connect(port, '127.0.0.1');
    socket.write(
      `POST /api/v1/test/small-uploads HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\n` +
        `Caseflow-Tenant: acme\r\nContent-Type: application/octet-stream\r\nContent-Length: 10\r\n\r\n` +
        '0123456789AND SOME MORE BYTES THAN DECLARED\r\n\r\n',
    );
    let raw = '';
    socket.on('data', (chunk: Buffer) => (raw += chunk.toString('latin1')));
    await new Promise((resolve) => socket.once('close', resolve));
    t.regex(raw, /^HTTP\/1\.1 400 /);
    t.regex(raw, /\r\nConnection: close\r\n/i);
    t.notRegex(raw, /HTTP\/1\.1 201 /);
    await sleep(300);
    const added = fs.readdirSync(dir).filter((name) => !before.has(name));
    t.true(
      added.every((name) => fs.statSync(path.join(dir, name)).size <= 10),
      'a file holds more than the declared 10 bytes',
    );
  },
);

test.serial('a multipart upload: fields and files arrive in order, each file streamed to its sink', async (t) => {
  const boundary = 'caseflow-boundary-7d1f';
  const first = randomBytes(300 * 1024);
  const second = Buffer.from('plain text file\n', 'utf8');
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nEngagement letter\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="document"; filename="letter.pdf"\r\n` +
        'Content-Type: application/pdf\r\n\r\n',
    ),
    first,
    Buffer.from(
      `\r\n--${boundary}\r\nContent-Disposition: form-data; name="notes"; filename="notes.txt"\r\n` +
        'Content-Type: text/plain\r\n\r\n',
    ),
    second,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const answer = await post(
    '/test/multipart',
    { ...auth(), 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': body.length },
    Readable.from([body]),
  );
  t.is(answer.status, 201, answer.body);
  const result = JSON.parse(answer.body) as {
    fields: Record<string, string>;
    files: { name: string; filename: string; type: string; bytes: number; sha256: string }[];
  };
  t.deepEqual(result.fields, { title: 'Engagement letter' });
  t.deepEqual(
    result.files.map(({ name, filename, type, bytes, sha256 }) => ({ name, filename, type, bytes, sha256 })),
    [
      {
        name: 'document',
        filename: 'letter.pdf',
        type: 'application/pdf',
        bytes: first.length,
        sha256: createHash('sha256').update(first).digest('hex'),
      },
      {
        name: 'notes',
        filename: 'notes.txt',
        type: 'text/plain',
        bytes: second.length,
        sha256: createHash('sha256').update(second).digest('hex'),
      },
    ],
  );
});

test.serial(
  'a raw upload sent as multipart is a 415 naming the media type it takes; a broken multipart body is a 400',
  async (t) => {
    const wrong = await post(
      '/test/uploads',
      { ...auth(), 'content-type': 'text/plain', 'content-length': 3 },
      Readable.from([Buffer.from('abc')]),
    );
    t.is(wrong.status, 415);
    t.is(JSON.parse(wrong.body).error.message, 'Send the body as application/octet-stream.');
    const broken = await post(
      '/test/multipart',
      { ...auth(), 'content-type': 'multipart/form-data', 'content-length': 3 },
      Readable.from([Buffer.from('abc')]),
    );
    t.is(broken.status, 400);
    t.is(JSON.parse(broken.body).error.code, 'invalid_multipart');
  },
);

test.serial(
  'a session revoked while its upload streams: the second transaction refuses it with 401 and the file is removed',
  async (t) => {
    const session = await login();
    const before = fs.readdirSync(dir).sort();
    const size = 4 * MiB;
    const half = Buffer.alloc(size / 2, 1);
    const answer = await new Promise<Answer>((resolve, reject) => {
      const req = http.request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/v1/test/uploads',
        agent: agent(),
        headers: {
          ...auth(session),
          'content-type': 'application/octet-stream',
          'content-length': size,
          expect: '100-continue',
        },
      });
      // 100 Continue means the guard's first transaction passed: revoke the session, then send the body.
      req.on('continue', () => {
        req.write(half, () => {
          const portal = new PortalClient({
            baseUrl: `http://127.0.0.1:${port}`,
            tenant: 'acme',
            token: session,
            maxRetries: 0,
          });
          portal.auth.logout().then(() => req.end(half), reject);
        });
      });
      req.on('response', (res) => collect(res).then(resolve, reject));
      req.on('error', reject);
      req.flushHeaders();
    });
    t.is(answer.status, 401);
    t.is(JSON.parse(answer.body).error.type, 'authentication_error');
    t.deepEqual(fs.readdirSync(dir).sort(), before);
  },
);

test.serial(
  'a cookie upload without the CSRF header is refused by the guard (403) before 100 Continue; with it, stored',
  async (t) => {
    const headers = {
      cookie: `caseflow_portal=${token}`,
      'caseflow-tenant': 'acme',
      'content-type': 'application/octet-stream',
      'content-length': 1000,
      expect: '100-continue',
    };
    const forged = await post('/test/uploads', { ...headers, origin: 'https://evil.example' }, generated(1000));
    t.is(forged.status, 403);
    t.false(forged.continued);
    t.is(forged.headers.connection, 'close');
    t.is(JSON.parse(forged.body).error.code, 'csrf_failed');
    const portal = await post(
      '/test/uploads',
      { ...headers, origin: `http://127.0.0.1:${port}`, 'caseflow-csrf': '1' },
      generated(1000),
    );
    t.true(portal.continued);
    t.is(portal.status, 201);
  },
);

test.serial('a multipart field longer than 64 KiB is a 413 naming the field', async (t) => {
  const boundary = 'caseflow-boundary-long';
  const body = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\n${'x'.repeat(70 * 1024)}\r\n--${boundary}--\r\n`,
  );
  const answer = await post(
    '/test/multipart',
    { ...auth(), 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': body.length },
    Readable.from([body]),
  );
  t.is(answer.status, 413);
  const error = JSON.parse(answer.body).error;
  t.is(error.code, 'multipart_too_large');
  t.is(error.message, 'The multipart field "title" is too long: at most 65536 bytes.');
});

test.serial(
  'a declared header is validated before 100 Continue (400 naming it), and reaches the handler',
  async (t) => {
    const content = randomBytes(5000);
    const base = { ...auth(), 'content-type': 'application/octet-stream', 'content-length': content.length };
    const malformed = await post(
      '/test/uploads',
      { ...base, expect: '100-continue', 'upload-sha256': 'not-hex' },
      Readable.from([content]),
    );
    t.is(malformed.status, 400);
    t.false(malformed.continued);
    const error = JSON.parse(malformed.body).error;
    t.is(error.code, 'validation_failed');
    t.is(error.message, 'Upload sha256 must be 64 lowercase hex digits.');
    const wrong = await post('/test/uploads', { ...base, 'upload-sha256': '0'.repeat(64) }, Readable.from([content]));
    t.is(wrong.status, 400);
    t.is(JSON.parse(wrong.body).error.code, 'checksum_mismatch');
    const sha256 = createHash('sha256').update(content).digest('hex');
    const right = await post('/test/uploads', { ...base, 'upload-sha256': sha256 }, Readable.from([content]));
    t.is(right.status, 201);
    t.is(JSON.parse(right.body).sha256, sha256);
  },
);

test.serial(
  'a JSON endpoint still answers a client that waits for 100 Continue: it is sent before the body is parsed',
  async (t) => {
    const body = Buffer.from(JSON.stringify(demo.nora));
    const answer = await post(
      '/portal/auth/login',
      {
        'caseflow-tenant': 'acme',
        'content-type': 'application/json',
        'content-length': body.length,
        expect: '100-continue',
      },
      Readable.from([body]),
    );
    t.true(answer.continued);
    t.is(answer.status, 200, answer.body);
    t.is(typeof JSON.parse(answer.body).session.token, 'string');
  },
);
