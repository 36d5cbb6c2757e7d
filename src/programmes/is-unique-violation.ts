/**
 * Whether a database error is a unique-constraint violation (SQLSTATE 23505), as drivers report it directly or
 * as Drizzle wraps it: two people taking the same slug at once, after both checked it was free.
 */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    if ((e as { code?: unknown }).code === '23505') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
