import pg from 'pg';

let installed = false;

/**
 * Wire-friendly column types: bigint money as numbers (refusing anything past
 * 2^53 rather than rounding it), dates as 'YYYY-MM-DD' strings, never as local
 * midnight Date objects.
 */
export function installTypeParsers(): void {
  if (installed) return;
  installed = true;
  pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => {
    const n = Number(value);
    if (!Number.isSafeInteger(n)) throw new RangeError(`bigint ${value} exceeds the safe integer range`);
    return n;
  });
  pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);
}
