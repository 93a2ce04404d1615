import { Option, type Command } from 'commander';
import { routes, type RouteAudience } from '../generated/routes.js';
import { printJson, printTable } from '../output.js';

const audiences: RouteAudience[] = ['portal', 'admin', 'platform', 'public'];

export function registerRoutes(program: Command): void {
  program
    .command('routes')
    .description('List every API endpoint with its operationId and the module file that serves it (no server needed)')
    .addOption(new Option('--audience <audience>', 'only the endpoints of one audience').choices(audiences))
    .option('--json', 'print JSON')
    .action((options: { audience?: RouteAudience; json?: boolean }) => {
      const rows = routes.filter((r) => !options.audience || r.audience === options.audience);
      if (options.json) return printJson(rows);
      printTable(rows, ['method', 'path', 'operationId', 'audience', 'module']);
    });
}
