/** Prints records as JSON (--json) or as aligned text. */
export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

export function fail(message: string, code = 1): never {
  process.stderr.write(`caseflow: ${message}\n`);
  process.exit(code);
}
