import { ConfigError } from '../../server/config.js';
import { CliError } from '../output.js';

/**
 * The action of a local operator command (serve, migrate, demo, mail, jobs): these
 * read the server's settings, and a bad one is a usage error (exit 2) like a bad
 * flag. Converted here so cli/main.ts need not know the server's error types.
 */
export function localAction<Args extends unknown[]>(
  action: (...args: Args) => Promise<void>,
): (...args: Args) => Promise<void> {
  return async (...args) => {
    try {
      await action(...args);
    } catch (error) {
      if (error instanceof ConfigError) throw new CliError(error.message, 2);
      throw error;
    }
  };
}
