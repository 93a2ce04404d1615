import { Command } from 'commander';
import { ConfigError } from '../server/config.js';
import { registerDatabase } from './commands/database.js';
import { registerServe } from './commands/serve.js';
import { fail } from './output.js';

const program = new Command()
  .name('caseflow')
  .description('CaseFlow Portal: run the server and manage firms, contacts and portal access')
  .version('0.1.0');

registerServe(program);
registerDatabase(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof ConfigError) fail(error.message, 2);
  fail(error instanceof Error ? error.message : String(error));
});
