/**
 * The real server in a process of its own, for the streaming tests (its memory
 * is measured apart from the test's): it boots on a cloned, seeded database with
 * a few test-only routes outside the contract (not in OpenAPI, the SDK or the
 * matrix): uploads that sink to files in STREAMING_DIR, and a download of them.
 *
 *   node --import tsx test/server/http/streaming-server.ts
 *
 * Prints one JSON line, `{"port":…}`, once it listens; stops when stdin closes.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type Router from '@koa/router';
import pino from 'pino';
import { z } from 'zod';
import { Id, Text } from '../../../sdk/schemas/common.js';
import { endpoint } from '../../../sdk/schemas/endpoint.js';
import { appPool } from '../../../server/db/database.js';
import { BadRequestError, NotFoundError } from '../../../server/errors.js';
import type { AppContext, AppExtensions, AppState, Deps } from '../../../server/http/context.js';
import { portalSession, requirePlan } from '../../../server/http/portal-session.js';
import { mount } from '../../../server/http/route.js';
import { listen } from '../../../server/server.js';
import { createTestDatabase } from '../../helpers/database.js';
import { testConfig } from '../../helpers/server.js';

const dir = process.env.STREAMING_DIR;
if (!dir) throw new Error('STREAMING_DIR names the folder the uploads sink to');

const Stored = z.object({ id: Id, bytes: z.number().int(), sha256: z.string() }).strict();
const StoredFiles = z
  .object({
    fields: z.record(z.string(), z.string()),
    files: z.array(Stored.extend({ name: z.string(), filename: z.string(), type: z.string() }).strict()),
  })
  .strict();

const upload = (operationId: string, route: string, maxBytes: number, accepts = 'application/octet-stream') =>
  endpoint({
    operationId,
    method: 'POST',
    path: route,
    audience: 'portal',
    authenticated: true,
    summary: 'Test only: stores the body in a file',
    kind: 'upload',
    accepts,
    maxBytes,
    response: Stored,
    status: 201,
  });

/** A header an upload may declare: the SHA-256 the client computed, checked against the bytes received. */
const ChecksumHeaders = z
  .object({
    'upload-sha256': Text()
      .regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits')
      .optional(),
  })
  .strict();

export const testEndpoints = {
  testUpload: endpoint({ ...upload('testUpload', '/test/uploads', 256 * 1024 * 1024), headers: ChecksumHeaders }),
  testSmallUpload: upload('testSmallUpload', '/test/small-uploads', 1024 * 1024),
  testMultipart: endpoint({
    ...upload('testMultipart', '/test/multipart', 16 * 1024 * 1024, 'multipart/form-data'),
    response: StoredFiles,
  }),
  testDownload: endpoint({
    operationId: 'testDownload',
    method: 'GET',
    path: '/test/uploads/:id',
    audience: 'portal',
    authenticated: true,
    summary: 'Test only: a stored upload, streamed back',
    params: z.object({ id: Id }).strict(),
    kind: 'download',
    status: 200,
  }),
};

const stored = new Map<string, { bytes: number; sha256: string }>();

/** Streams `source` into a new file of the folder, hashing as it goes; the file is removed if anything fails. */
async function sink(source: Readable): Promise<{ id: string; bytes: number; sha256: string }> {
  const id = randomUUID();
  const file = path.join(dir!, id);
  const hash = createHash('sha256');
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(source, tap, fs.createWriteStream(file));
  } catch (error) {
    fs.rmSync(file, { force: true });
    throw error;
  }
  return { id, bytes, sha256: hash.digest('hex') };
}

/** The second, short transaction of an upload: the session, plan and permission are checked again there. */
async function record(ctx: AppContext, files: { id: string; bytes: number; sha256: string }[]): Promise<void> {
  try {
    await ctx.transaction(async (db) => {
      await db.query('SELECT 1');
    });
  } catch (error) {
    for (const f of files) fs.rmSync(path.join(dir!, f.id), { force: true });
    throw error;
  }
  for (const f of files) stored.set(f.id, { bytes: f.bytes, sha256: f.sha256 });
}

function routes(router: Router<AppState, AppExtensions>, deps: Deps, opts: { validateResponses: boolean }): void {
  const portal = [portalSession(deps), requirePlan('growth')];
  mount(
    router,
    testEndpoints.testUpload,
    portal,
    async ({ upload, headers }, ctx) => {
      const file = await sink(upload.stream);
      const expected = headers['upload-sha256'];
      if (expected && expected !== file.sha256) {
        fs.rmSync(path.join(dir!, file.id), { force: true });
        throw new BadRequestError('checksum_mismatch', 'The body does not match its Upload-Sha256 header.');
      }
      await record(ctx, [file]);
      return file;
    },
    opts,
  );
  mount(
    router,
    testEndpoints.testSmallUpload,
    portal,
    async ({ upload }, ctx) => {
      const file = await sink(upload.stream);
      await record(ctx, [file]);
      return file;
    },
    opts,
  );
  mount(
    router,
    testEndpoints.testMultipart,
    portal,
    async ({ upload }, ctx) => {
      const fields: Record<string, string> = {};
      const files = [];
      for await (const part of upload.parts()) {
        if (part.kind === 'field') fields[part.name] = part.value;
        else files.push({ name: part.name, filename: part.filename, type: part.type, ...(await sink(part.stream)) });
      }
      await record(ctx, files);
      return { fields, files };
    },
    opts,
  );
  mount(
    router,
    testEndpoints.testDownload,
    portal,
    async ({ params }) => {
      const file = stored.get(params.id);
      if (!file) throw new NotFoundError('upload_not_found', 'No upload has this id.');
      const where = path.join(dir!, params.id);
      return {
        stream: (range) => fs.createReadStream(where, range ?? {}),
        size: file.bytes,
        etag: file.sha256,
        filename: 'upload.bin',
        type: 'application/octet-stream',
      };
    },
    opts,
  );
}

const db = await createTestDatabase({ seed: true });
const config = testConfig(db, dir);
const logger = pino({ level: 'silent' });
const server = await listen(config, appPool(config, db.appUrl, logger), logger, { extraRoutes: routes });
process.stdout.write(`${JSON.stringify({ port: server.port })}\n`);

process.stdin.resume();
process.stdin.on('end', () => {
  void server
    .close()
    .then(() => db.close())
    .finally(() => process.exit(0));
});
