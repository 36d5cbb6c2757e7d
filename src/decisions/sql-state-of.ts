/**
 * The SQLSTATE and constraint of a database error, looked for down the cause chain (Drizzle wraps the
 * driver's error), or undefined for anything else.
 */
export function sqlStateOf(error: unknown): { code: string; constraint: string | undefined } | undefined {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 8; depth++) {
    const { code, constraint } = e as { code?: unknown; constraint?: unknown };
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code))
      return { code, constraint: typeof constraint === 'string' ? constraint : undefined };
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
