import type { Command } from 'commander';
import { loadConfig } from '../../server/config.js';
import { demoLogins, demoStaffLogins } from '../../server/db/demo.js';
import { boot, createLogger, type Booted } from '../../server/main.js';
import { localAction } from './local-action.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(
      'Run the portal: starts the embedded database unless DATABASE_URL is set, migrates, seeds the demo firm on an empty database',
    )
    .option('--no-demo', 'do not seed the demo firms on an empty database')
    .action(
      localAction(async (options: { demo: boolean }) => {
        const config = loadConfig();
        const logger = createLogger(config);
        const state: { booted?: Booted; pendingSignal?: string } = {};
        const shutdown = (signal: string) => {
          // A signal during boot waits for it to finish, so the database is stopped cleanly.
          if (!state.booted) return void (state.pendingSignal = signal);
          logger.info({ signal }, 'shutting down');
          state.booted.stop().then(
            () => process.exit(0),
            (error: unknown) => {
              logger.error({ err: error }, 'shutdown failed');
              process.exit(1);
            },
          );
        };
        process.once('SIGTERM', () => shutdown('SIGTERM'));
        process.once('SIGINT', () => shutdown('SIGINT'));
        const booted = (state.booted = await boot(config, logger, {
          seedDemoIfEmpty: options.demo,
          progress: (message) => process.stderr.write(`caseflow: ${message}\n`),
        }));
        if (state.pendingSignal) return shutdown(state.pendingSignal);
        const { server } = booted;
        const lines = [
          '',
          'CaseFlow Portal is running.',
          '',
          `  Acme Law portal:   ${server.tenantOrigin('acme')}/clients/login`,
          `  API base:          ${server.origin}/api/v1   (send "Caseflow-Tenant: acme", or call ${server.tenantOrigin('acme')}/api/v1)`,
          `  OpenAPI document:  ${server.origin}/api/v1/openapi.json`,
          `  Database:          ${booted.embedded ? `embedded PostgreSQL in ${booted.embedded.clusterDir}` : 'DATABASE_URL'}`,
          `  Outgoing mail:     ${server.mailDestination}   (read it with: caseflow mail list)`,
          '',
          '  Demo logins (client portal):',
          ...demoLogins.map(
            (l) => `    ${server.tenantOrigin(l.firm)}/clients/login   ${l.email} / ${l.password}   (${l.client})`,
          ),
          '',
          '  Demo staff logins (CLI: caseflow login --url ' + server.origin + ' --tenant acme --email …):',
          ...demoStaffLogins.map((l) => `    ${l.firm.padEnd(9)} ${l.email} / ${l.password}   (${l.role})`),
        ];
        if (booted.platformKey.generated) {
          lines.push(
            '',
            `  Platform operator key (generated, kept in the data directory): ${booted.platformKey.value}`,
          );
        }
        if (booted.seeded.length) lines.push('', `  Seeded demo firms: ${booted.seeded.join(', ')}`);
        process.stdout.write(lines.join('\n') + '\n\n');
      }),
    );
}
