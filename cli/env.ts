/**
 * Every environment variable the CLI reads, read once here (the server's are in
 * server/config.ts). No other CLI file touches process.env: it imports `cliEnv`.
 * An empty value counts as unset, as `VAR= caseflow …` means "not given".
 */
export interface CliEnv {
  /** Server URL for the API commands (else the profile's, else the default). */
  CASEFLOW_URL?: string;
  /** A firm's API key for scripts; needs CASEFLOW_TENANT. */
  CASEFLOW_API_KEY?: string;
  /** The firm slug sent with CASEFLOW_API_KEY. */
  CASEFLOW_TENANT?: string;
  /** The operator key for `caseflow tenants …`. */
  CASEFLOW_PLATFORM_KEY?: string;
  /** The local server's data directory, where the generated operator key is kept. */
  CASEFLOW_DATA_DIR?: string;
  /** Base of the user's config directory (profiles live in <it>/caseflow). */
  XDG_CONFIG_HOME?: string;
  /** CI=true: never prompt, even on a terminal. */
  CI?: string;
}

const names = [
  'CASEFLOW_URL',
  'CASEFLOW_API_KEY',
  'CASEFLOW_TENANT',
  'CASEFLOW_PLATFORM_KEY',
  'CASEFLOW_DATA_DIR',
  'XDG_CONFIG_HOME',
  'CI',
] as const satisfies readonly (keyof CliEnv)[];

/** The CLI's variables from `env`, empty ones dropped, frozen. */
export function readCliEnv(env: Record<string, string | undefined>): Readonly<CliEnv> {
  const picked: CliEnv = {};
  for (const name of names) {
    const value = env[name];
    if (value !== undefined && value !== '') picked[name] = value;
  }
  return Object.freeze(picked);
}

export const cliEnv = readCliEnv(process.env);
