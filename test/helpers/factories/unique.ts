/**
 * Unique values for test data. Each test file runs in its own worker on its own
 * database, so a counter per process is enough: two factories never hand out the
 * same slug, email or number, and a test never collides with the seeded demo.
 */
let counter = 0;

/** The next number of this run (1, 2, 3, …). */
export function nextNumber(): number {
  return ++counter;
}

/** A slug-safe unique word: `firm-3`, `area-4`. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${nextNumber()}`;
}

/** A unique email at the factories' own domain. */
export function uniqueEmail(prefix = 'person'): string {
  return `${prefix}-${nextNumber()}@factory.example`;
}

/** A client number above the demo's (1001, 1002, 2001). */
export function uniqueClientNumber(): number {
  return 5000 + nextNumber();
}
