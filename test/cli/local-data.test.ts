import path from 'node:path';
import test from 'ava';
import { DEFAULT_DATA_DIR, platformKeyFile } from '../../cli/local-data.js';
import { loadConfig } from '../../server/config.js';
import { secretsDir } from '../../server/db/database.js';

// cli/local-data.ts knows the server's data directory layout without importing it: these keep the two in step.

test("the CLI looks for the operator key where the server keeps it, in a given data directory and in the server's default", (t) => {
  t.is(
    platformKeyFile('/srv/caseflow-data'),
    path.join(secretsDir(loadConfig({ CASEFLOW_DATA_DIR: '/srv/caseflow-data' })), 'platform-key'),
  );
  t.is(platformKeyFile(), path.join(secretsDir(loadConfig({})), 'platform-key'));
  t.is(loadConfig({}).CASEFLOW_DATA_DIR, DEFAULT_DATA_DIR);
});
