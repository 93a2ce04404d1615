import type { Command } from 'commander';
import { loadConfig } from '../../server/config.js';
import { demoLogins, demoStaffLogins } from '../../server/db/demo.js';
import { boot, createLogger, type Booted } from '../../server/main.js';
import { localAction } from './local-action.js';
import { prepareDemoFirm } from '../embed-demo/demo-firm.js';
import { startEmbedDemo, type EmbedDemo } from '../embed-demo/server.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(
      'Run the portal: starts the embedded database unless DATABASE_URL is set, migrates, seeds the demo firm on an empty database',
    )
    .option('--no-demo', 'do not seed the demo firms on an empty database')
    .option('--no-embed-demo', 'do not serve the embed demo page (development only, on PORT+1)')
    .action(
      localAction(async (options: { demo: boolean; embedDemo: boolean }) => {
        const config = loadConfig();
        const logger = createLogger(config);
        const state: { booted?: Booted; embedDemo?: EmbedDemo; pendingSignal?: string } = {};
        const shutdown = (signal: string) => {
          // A signal during boot waits for it to finish, so the database is stopped cleanly.
          if (!state.booted) return void (state.pendingSignal = signal);
          logger.info({ signal }, 'shutting down');
          Promise.all([state.embedDemo?.close(), state.booted.stop()]).then(
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
        const embedDemo =
          options.demo && options.embedDemo && !config.production
            ? await startDevEmbedDemo(booted, config.PORT === 0 ? 0 : server.port + 1).then(
                (demo) => ((state.embedDemo = demo), `${demo.origin}/`),
                (error: unknown) => `not started: ${error instanceof Error ? error.message : String(error)}`,
              )
            : undefined;
        if (state.pendingSignal) return shutdown(state.pendingSignal);
        const lines = [
          '',
          'CaseFlow Portal is running.',
          '',
          `  Acme Law portal:   ${server.tenantOrigin('acme')}/clients/login`,
          `  API base:          ${server.origin}/api/v1   (send "Caseflow-Tenant: acme", or call ${server.tenantOrigin('acme')}/api/v1)`,
          `  OpenAPI document:  ${server.origin}/api/v1/openapi.json`,
          ...(embedDemo
            ? [`  Embed demo:        ${embedDemo}   (every widget on another origin, as on a firm's site)`]
            : []),
          `  Database:          ${booted.embedded ? `embedded PostgreSQL in ${booted.embedded.clusterDir}` : 'DATABASE_URL'}`,
          `  Outgoing mail:     ${server.mailDestination}   (read it with: caseflow mail list)`,
          '',
          '  Demo logins (client portal):',
          ...demoLogins.map(
            (l) =>
              `    ${server.tenantOrigin(l.firm)}/clients/login   ${l.email} / ${l.password}   (${l.client}${l.shows ? `; ${l.shows}` : ''})`,
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

/**
 * The embed demo beside the portal in development: a firm's website on another
 * loopback origin, showing every widget with a session its backend minted for
 * Nora (Acme Law) with an API key Ada made.
 */
function startDevEmbedDemo(booted: Booted, port: number): Promise<EmbedDemo> {
  const { server } = booted;
  const staff = demoStaffLogins.find((l) => l.firm === 'acme' && l.role === 'admin')!;
  const contact = demoLogins.find((l) => l.firm === 'acme')!;
  const demoFirm = {
    api: server.origin,
    tenant: staff.firm,
    staff: { email: staff.email, password: staff.password },
    contactEmail: contact.email,
  };
  return startEmbedDemo({
    api: server.origin,
    portal: server.tenantOrigin(staff.firm),
    tenant: staff.firm,
    port,
    setup: (origin) => prepareDemoFirm(demoFirm, origin),
  });
}
