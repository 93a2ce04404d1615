import { AdminClient } from '../sdk/admin-client.js';
import { PlatformClient } from '../sdk/platform-client.js';
import { cliEnv } from './env.js';
import { readLocalPlatformKey } from './local-data.js';
import { CliError } from './output.js';
import { readProfile } from './profile.js';

export const DEFAULT_URL = 'http://localhost:4000';

export interface AdminFlags {
  profile?: string;
}

/**
 * The admin API as the CLI reaches it: CASEFLOW_API_KEY (with CASEFLOW_URL and
 * CASEFLOW_TENANT) for scripts, else the profile `caseflow login` stored. The
 * firm travels as the Caseflow-Tenant header.
 */
export function adminClient(flags: AdminFlags = {}): AdminClient {
  const key = cliEnv.CASEFLOW_API_KEY;
  if (key) {
    const tenant = cliEnv.CASEFLOW_TENANT;
    if (!tenant) throw new CliError('CASEFLOW_API_KEY is set: set CASEFLOW_TENANT to the firm slug too.');
    return new AdminClient({ baseUrl: cliEnv.CASEFLOW_URL ?? DEFAULT_URL, tenant, token: key });
  }
  const profile = readProfile(flags.profile);
  if (!profile) throw new CliError('Not logged in: run `caseflow login` first (or set CASEFLOW_API_KEY).');
  return new AdminClient({ baseUrl: profile.base_url, tenant: profile.tenant, token: profile.token });
}

export interface PlatformFlags {
  url?: string;
}

/**
 * The operator's client: the key from CASEFLOW_PLATFORM_KEY, else the one the
 * local server generated in its data directory (the embedded default).
 */
export function platformClient(flags: PlatformFlags = {}): PlatformClient {
  const baseUrl = flags.url || cliEnv.CASEFLOW_URL || DEFAULT_URL;
  const token = cliEnv.CASEFLOW_PLATFORM_KEY ?? readLocalPlatformKey(cliEnv.CASEFLOW_DATA_DIR);
  if (!token) {
    throw new CliError('Set CASEFLOW_PLATFORM_KEY to the operator key (`caseflow serve` prints it when it makes one).');
  }
  return new PlatformClient({ baseUrl, token });
}
