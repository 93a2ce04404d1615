/**
 * `npm test`: one PostgreSQL server for the whole run (the embedded one, or
 * DATABASE_URL), a migrated template database that each test file clones, the
 * widget bundles built, then ava. The server is stopped whatever happens.
 */
import { spawnSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbedded, type EmbeddedCluster } from '../server/db/embedded.js';
import { ownerKnex } from '../server/db/database.js';
import { migrateLatest } from '../server/db/migrations.js';

const root = path.resolve(import.meta.dirname, '..');

function build(): void {
  const result = spawnSync('npx', ['rollup', '-c', 'widgets/rollup.config.mjs', '--silent'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('widget build failed');
}

/** ava's counts as the plain closing line CI reads: "Tests: N passed, N failed[, N skipped]". */
function summaryLine(output: string): string {
  // eslint-disable-next-line no-control-regex
  const plain = output.replace(/\u001b\[[0-9;]*m/g, '');
  const count = (word: string) =>
    Number(new RegExp(`(\\d+) (?:tests? |known failures? )?${word}`).exec(plain)?.[1] ?? 0);
  const skipped = count('skipped') + count('todo');
  // With failures ava's summary omits the passed count: count the ✔ lines then.
  const passed = Math.max(count('passed'), (plain.match(/^\s*✔/gm) ?? []).length);
  return `Tests: ${passed} passed, ${count('failed')} failed${skipped ? `, ${skipped} skipped` : ''}`;
}

async function main(): Promise<number> {
  build();
  let embedded: EmbeddedCluster | undefined;
  let tmp: string | undefined;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'caseflow-test-'));
    fs.chmodSync(tmp, 0o711);
    embedded = await startEmbedded({
      clusterDir: path.join(tmp, 'pg'),
      passwordFile: path.join(tmp, 'pg-password'),
      // A throwaway cluster: durability buys nothing here.
      settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' },
    });
    serverUrl = embedded.url;
  }
  const template = `caseflow_template_${randomBytes(4).toString('hex')}`;
  const appPassword = randomBytes(16).toString('hex');
  const jobsPassword = randomBytes(16).toString('hex');
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${template}`);
    const templateUrl = new URL(serverUrl);
    templateUrl.pathname = `/${template}`;
    const owner = ownerKnex(templateUrl.toString());
    try {
      await migrateLatest(owner);
      await owner.raw(`ALTER ROLE caseflow_app PASSWORD '${appPassword}'`);
      await owner.raw(`ALTER ROLE caseflow_jobs PASSWORD '${jobsPassword}'`);
    } finally {
      await owner.destroy();
    }
    const code = await new Promise<number>((resolve) => {
      const ava = spawn('npx', ['ava', ...process.argv.slice(2)], {
        cwd: root,
        stdio: ['inherit', 'pipe', 'inherit'],
        env: {
          ...process.env,
          CASEFLOW_TEST_SERVER_URL: serverUrl,
          CASEFLOW_TEST_TEMPLATE: template,
          CASEFLOW_TEST_APP_PASSWORD: appPassword,
          CASEFLOW_TEST_JOBS_PASSWORD: jobsPassword,
        },
      });
      let output = '';
      ava.stdout!.on('data', (chunk: Buffer) => {
        process.stdout.write(chunk);
        output += chunk.toString();
      });
      ava.on('close', (c) => {
        process.stdout.write(summaryLine(output) + '\n');
        resolve(c ?? 1);
      });
    });
    return code;
  } finally {
    // Drop what this run created (a DATABASE_URL server outlives us).
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'cf_test_%' OR datname = $1`,
      [template],
    );
    for (const { datname } of rows)
      await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    await embedded?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
