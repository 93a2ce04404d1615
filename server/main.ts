import type { Pool } from './db/pool.js';
import pino, { type Logger } from 'pino';
import { ConfigError, configWith, type Config } from './config.js';
import { appPool, appUrlFor, jobsUrlFor, ownerKnex, readOrCreateSecret, resolveOwnerUrl } from './db/database.js';
import { isEmpty, seedDemo } from './db/demo.js';
import type { EmbeddedCluster } from './db/embedded.js';
import { migrateLatest } from './db/migrations.js';
import { listen, type RunningServer } from './server.js';
import { resolveMasterKey } from './security/keyring.js';

export function createLogger(config: Config): Logger {
  return pino({ level: config.LOG_LEVEL, base: { service: 'caseflow' } });
}

export interface Booted {
  server: RunningServer;
  embedded?: EmbeddedCluster;
  platformKey: { value: string; generated: boolean };
  seeded: string[];
  appliedMigrations: string[];
  stop(): Promise<void>;
}

/** Starts everything from config: database (embedded or not), migrations, demo seed, HTTP. */
export interface BootOptions {
  seedDemoIfEmpty: boolean;
  /** Told each step of a start that can take a while (the CLI prints them). */
  progress?: (message: string) => void;
}

export async function boot(loaded: Config, logger: Logger, options: BootOptions): Promise<Booted> {
  const progress = options.progress ?? ((message: string) => logger.info(message));
  const platformKey = resolvePlatformKey(loaded);
  // Both keys are checked (or generated) before any work, so a missing one stops the boot at once.
  const config = configWith(loaded, {
    CASEFLOW_PLATFORM_KEY: platformKey.value,
    CASEFLOW_MASTER_KEY: resolveMasterKey(loaded).toString('hex'),
  });
  progress(config.DATABASE_URL ? 'connecting to DATABASE_URL…' : 'starting the embedded PostgreSQL…');
  const { ownerUrl, embedded } = await resolveOwnerUrl(config, (line) => logger.debug({ pg: line }, 'postgres'));
  if (embedded?.relocatedFrom) {
    progress(
      `the postgres OS user cannot reach ${embedded.relocatedFrom}: the cluster lives in ${embedded.clusterDir}`,
    );
  }
  let app: Pool | undefined;
  try {
    const owner = ownerKnex(ownerUrl);
    let appliedMigrations: string[] = [];
    let seeded: string[] = [];
    let appUrl: string;
    let jobsUrl: string;
    try {
      appliedMigrations = await migrateLatest(owner);
      if (appliedMigrations.length) progress(`applied ${appliedMigrations.length} migration(s)`);
      if (options.seedDemoIfEmpty && (await isEmpty(owner))) {
        progress('seeding the demo firms…');
        seeded = await seedDemo(owner);
      }
      appUrl = await appUrlFor(config, owner, ownerUrl);
      jobsUrl = await jobsUrlFor(config, owner, ownerUrl);
    } finally {
      await owner.destroy();
    }
    app = appPool(config, appUrl, logger);
    const server = await listen(config, app, logger, { jobsUrl });
    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        await server.close();
        await embedded?.stop();
      })());
    return { server, ...(embedded ? { embedded } : {}), platformKey, seeded, appliedMigrations, stop };
  } catch (error) {
    await app?.end();
    await embedded?.stop();
    throw error;
  }
}

function resolvePlatformKey(config: Config): { value: string; generated: boolean } {
  if (config.CASEFLOW_PLATFORM_KEY) return { value: config.CASEFLOW_PLATFORM_KEY, generated: false };
  if (config.DATABASE_URL) {
    throw new ConfigError('Invalid setting CASEFLOW_PLATFORM_KEY: required when DATABASE_URL is set');
  }
  const secret = readOrCreateSecret(
    config,
    'platform-key',
    () => `cfk_${crypto.randomUUID().replaceAll('-', '')}${crypto.randomUUID().replaceAll('-', '')}`,
  );
  return { value: secret.value, generated: secret.created };
}
