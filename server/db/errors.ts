/**
 * PostgreSQL's errors as services test for them, whether they come from a raw
 * query (node-postgres' DatabaseError) or from a model (objection wraps it in
 * a DBError whose `nativeError` is the original).
 */
interface PgError {
  code?: string;
  constraint?: string;
}

function pgErrorOf(error: unknown): PgError {
  const native = (error as { nativeError?: unknown } | undefined)?.nativeError;
  return ((native ?? error) as PgError | undefined) ?? {};
}

/** A unique constraint refused the row (23505), the constraint named when given. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = pgErrorOf(error);
  return e.code === '23505' && (constraint === undefined || e.constraint === constraint);
}

/** A foreign key found no row to point at (23503). */
export function isForeignKeyViolation(error: unknown): boolean {
  return pgErrorOf(error).code === '23503';
}
