import { AdminClient } from '../sdk/admin-client.js';
import type { CaseflowError } from '../sdk/errors.js';
import { PlatformClient } from '../sdk/platform-client.js';
import { cliEnv } from './env.js';
import { readLocalPlatformKey } from './local-data.js';
import { CliError } from './output.js';
import { readProfile } from './profile.js';

export const DEFAULT_URL = 'http://localhost:4000';

export const urlMessages = {
  noScheme: "Give the server's URL with its scheme, e.g. --url https://portal.example.com (or http://localhost:4000).",
};

// The local server speaks plain HTTP (TLS is the proxy's job): a bare local host:port can only mean http.
const bareLocal = /^(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?(\/.*)?$/i;

/**
 * The server's URL as a person types it (--url, CASEFLOW_URL): http:// or https://
 * as given; a bare `localhost:4311` is taken as http://localhost:4311; anything else
 * without its scheme is refused with an example, never fetch's "Invalid URL".
 */
export function serverUrl(raw: string): string {
  const text = raw.trim();
  if (bareLocal.test(text)) return `http://${text}`.replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new CliError(urlMessages.noScheme);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CliError(urlMessages.noScheme);
  return text.replace(/\/+$/, '');
}

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
    return new AdminClient({ baseUrl: serverUrl(cliEnv.CASEFLOW_URL ?? DEFAULT_URL), tenant, token: key });
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
  const baseUrl = serverUrl(flags.url || cliEnv.CASEFLOW_URL || DEFAULT_URL);
  const token = cliEnv.CASEFLOW_PLATFORM_KEY ?? readLocalPlatformKey(cliEnv.CASEFLOW_DATA_DIR);
  if (!token) {
    throw new CliError('Set CASEFLOW_PLATFORM_KEY to the operator key (`caseflow serve` prints it when it makes one).');
  }
  return new PlatformClient({ baseUrl, token });
}

/**
 * An API refusal as the CLI prints it: the API's own sentence; when several fields
 * were refused, each field's sentence on its line (the paths are for code, not people).
 */
export function apiErrorText(error: CaseflowError): string {
  const sentences = [...new Set(error.params.map((p) => p.message))];
  if (sentences.length <= 1) return error.message;
  return [`${sentences.length} things need attention:`, ...sentences.map((m) => `  - ${m}`)].join('\n');
}
