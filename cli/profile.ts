import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cliEnv } from './env.js';

/** What `caseflow login` keeps: where the server is, which firm, and the staff session token. */
export interface Profile {
  base_url: string;
  tenant: string;
  token: string;
  email: string;
}

function configDir(): string {
  const base = cliEnv.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config');
  return path.join(base, 'caseflow');
}

export function profilePath(name = 'default'): string {
  if (!/^[a-z0-9_-]{1,40}$/i.test(name)) throw new Error(`Invalid profile name "${name}".`);
  return path.join(configDir(), `${name}.json`);
}

export function readProfile(name?: string): Profile | undefined {
  const file = profilePath(name);
  if (!fs.existsSync(file)) return undefined;
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
}

/** Written with mode 0600 (the token is a credential), in a 0700 folder. */
export function writeProfile(profile: Profile, name?: string): string {
  const file = profilePath(name);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(profile, null, 2) + '\n', { mode: 0o600 });
  fs.renameSync(tmp, file);
  return file;
}

export function deleteProfile(name?: string): boolean {
  const file = profilePath(name);
  if (!fs.existsSync(file)) return false;
  fs.rmSync(file);
  return true;
}
