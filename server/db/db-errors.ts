/**
 * PostgreSQL's error behind an error from pg, knex or objection (objection wraps
 * the driver's error as `nativeError`): its SQLSTATE and constraint.
 */
function pgError(error: unknown): { code?: string; constraint?: string } {
  const e = error as { nativeError?: unknown; code?: string; constraint?: string };
  return (e.nativeError as { code?: string; constraint?: string } | undefined) ?? e;
}

/** Whether `error` is a unique violation (of `constraint`, when named). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = pgError(error);
  return e.code === '23505' && (constraint === undefined || e.constraint === constraint);
}

/** Whether `error` is a foreign-key violation. */
export function isForeignKeyViolation(error: unknown): boolean {
  return pgError(error).code === '23503';
}
