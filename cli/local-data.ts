import fs from 'node:fs';
import path from 'node:path';

/**
 * Where a local `caseflow serve` keeps its files, known here without importing
 * the server (the API commands must not: DESIGN §3). The layout is the server's
 * (`secretsDir` in server/db/database.ts, the CASEFLOW_DATA_DIR default in
 * server/config.ts); test/cli/local-data.test.ts fails when the two drift apart.
 */
export const DEFAULT_DATA_DIR = './.caseflow';

/** The operator key file a local server generates when CASEFLOW_PLATFORM_KEY is unset. */
export function platformKeyFile(dataDir = DEFAULT_DATA_DIR): string {
  return path.join(path.resolve(dataDir), 'secrets', 'platform-key');
}

/** The generated operator key of the local server, or undefined when it made none. */
export function readLocalPlatformKey(dataDir?: string): string | undefined {
  const file = platformKeyFile(dataDir);
  if (!fs.existsSync(file)) return undefined;
  return fs.readFileSync(file, 'utf8').trim() || undefined;
}
