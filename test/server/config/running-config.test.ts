import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import pino from 'pino';
import { boot } from '../../../server/main.js';
import { createTestDatabase } from '../../helpers/database.js';
import { MASTER_KEY, PLATFORM_KEY, testConfig } from '../../helpers/server.js';

test('boot on PORT=0 runs with the port the system chose and the resolved keys, and leaves the loaded config as it was', async (t) => {
  const db = await createTestDatabase({ seed: false });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'caseflow-config-'));
  t.teardown(async () => {
    await db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  const loaded = testConfig(db, dataDir);
  const booted = await boot(loaded, pino({ level: 'silent' }), { seedDemoIfEmpty: false });
  t.teardown(() => booted.stop());
  const { server } = booted;

  t.true(server.port > 0);
  t.true(Object.isFrozen(server.config));
  t.like(server.config, {
    PORT: 0,
    PUBLIC_PORT: server.port,
    CASEFLOW_PLATFORM_KEY: PLATFORM_KEY,
    CASEFLOW_MASTER_KEY: MASTER_KEY,
  });
  t.is(server.origin, `http://localhost:${server.port}`);
  t.is(server.tenantOrigin('acme'), `http://acme.localhost:${server.port}`);
  t.is(loaded.PUBLIC_PORT, undefined);
  t.true(Object.isFrozen(loaded));
});
