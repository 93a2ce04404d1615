import { input, password, select } from '@inquirer/prompts';
import { cliEnv } from './env.js';
import { CliError } from './output.js';

export const promptMessages = {
  noTerminalForPassword: 'No terminal to ask for a password on: pass it on standard input with --password-stdin.',
};

/** Prompts only when a person is there to answer (DESIGN §9); otherwise a clear error. */
export function interactive(): boolean {
  return Boolean(process.stdin.isTTY) && cliEnv.CI !== 'true';
}

/** A value from its flag, else a prompt on a TTY, else an error naming the flag. */
export async function askText(value: string | undefined, flag: string, message: string, fallback?: string) {
  if (value) return value;
  if (!interactive()) throw new CliError(`Missing ${flag} (no terminal to ask on).`);
  return input({ message, ...(fallback ? { default: fallback } : {}), required: true });
}

export async function askChoice<T extends string>(value: T | undefined, flag: string, message: string, choices: T[]) {
  if (value) return value;
  if (!interactive()) throw new CliError(`Missing ${flag} (no terminal to ask on).`);
  return select<T>({ message, choices: choices.map((c) => ({ value: c, name: c })) });
}

/** A secret typed without echo; never taken from a flag, so it never lands in shell history. */
export async function askSecret(message: string): Promise<string> {
  if (!interactive()) throw new CliError(promptMessages.noTerminalForPassword);
  return password({ message, mask: false });
}

/** All of standard input, without its final line break (for --password-stdin). */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** A new password typed twice without echo, or read from standard input with --password-stdin. */
export async function newPassword(passwordStdin: boolean | undefined): Promise<string> {
  if (passwordStdin) {
    const value = await readStdin();
    if (!value) throw new CliError('--password-stdin was given but standard input was empty.');
    return value;
  }
  if (!interactive()) {
    throw new CliError(promptMessages.noTerminalForPassword);
  }
  const first = await password({ message: 'New password (at least 8 characters)', mask: false });
  const second = await password({ message: 'Repeat the password', mask: false });
  if (first !== second) throw new CliError('The two passwords differ; nothing was changed.');
  return first;
}

/** A secret typed without echo that may be left empty (to keep the stored one); undefined when empty. */
export async function askOptionalSecret(message: string): Promise<string | undefined> {
  if (!interactive()) throw new CliError('No terminal to ask on.');
  const value = (await password({ message, mask: false })).trim();
  return value || undefined;
}

/** A text that may be left empty (to keep the stored value); undefined when empty. */
export async function askOptionalText(message: string): Promise<string | undefined> {
  if (!interactive()) throw new CliError('No terminal to ask on.');
  const value = (await input({ message })).trim();
  return value || undefined;
}
