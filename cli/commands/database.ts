import type { Command } from 'commander';
import type { Knex } from 'knex';
import { loadConfig } from '../../server/config.js';
import { ownerKnex, resolveOwnerUrl } from '../../server/db/database.js';
import { seedDemo } from '../../server/db/demo.js';
import { migrateDown, migrateLatest, migrationStatus } from '../../server/db/migrations.js';
import { printJson } from '../output.js';
import { localAction } from './local-action.js';

/**
 * Runs `fn` with the owner connection (starting and stopping the embedded
 * cluster when needed; with `attach`, using the one a running server started).
 */
export async function withOwner<T>(fn: (owner: Knex) => Promise<T>, options: { attach?: boolean } = {}): Promise<T> {
  const config = loadConfig();
  const { ownerUrl, embedded } = await resolveOwnerUrl(config, () => undefined, options);
  const owner = ownerKnex(ownerUrl);
  try {
    return await fn(owner);
  } finally {
    await owner.destroy();
    await embedded?.stop();
  }
}

export function registerDatabase(program: Command): void {
  program
    .command('migrate')
    .description('Apply pending migrations (as the owner role)')
    .option('--status', 'list applied and pending migrations instead')
    .option('--down', 'revert the last applied migration')
    .option('--json', 'print JSON')
    .action(
      localAction(async (options: { status?: boolean; down?: boolean; json?: boolean }) => {
        await withOwner(async (owner) => {
          if (options.status) {
            const status = await migrationStatus(owner);
            if (options.json) return printJson(status);
            for (const name of status.applied) process.stdout.write(`applied  ${name}\n`);
            for (const name of status.pending) process.stdout.write(`pending  ${name}\n`);
            return;
          }
          const names = options.down ? await migrateDown(owner) : await migrateLatest(owner);
          if (options.json) return printJson({ [options.down ? 'reverted' : 'applied']: names });
          const verb = options.down ? 'reverted' : 'applied';
          process.stdout.write(names.length ? names.map((n) => `${verb} ${n}\n`).join('') : 'nothing to do\n');
        });
      }),
    );

  program
    .command('demo')
    .description('Seed the demo firms (Acme Law and Bluebird Legal); firms that exist are left alone')
    .option('--json', 'print JSON')
    .action(
      localAction(async (options: { json?: boolean }) => {
        await withOwner(async (owner) => {
          await migrateLatest(owner);
          const created = await seedDemo(owner);
          if (options.json) return printJson({ created });
          process.stdout.write(created.length ? `seeded ${created.join(', ')}\n` : 'demo firms already present\n');
        });
      }),
    );
}
