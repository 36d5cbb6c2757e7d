import type { z } from 'zod';

/** A record turned into a row, or the reason it was rejected. */
export type RowResult<T> =
  | { readonly ok: true; readonly row: T }
  | { readonly ok: false; readonly reason: string };

/**
 * Validates a record's fields (by column key) with a zod schema. A rejected row's reason names each bad
 * column as the file names it, e.g. `Value: 'abc' is not a number; Count: '-1' is below 0`.
 */
export function validateRow<T>(
  schema: z.ZodType<T>,
  values: Readonly<Record<string, string>>,
  names: Readonly<Record<string, string>>,
): RowResult<T> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, row: result.data };
  const reasons = result.error.issues.map((issue) => {
    const key = issue.path[0];
    const column = typeof key === 'string' ? (names[key] ?? key) : undefined;
    return column === undefined ? issue.message : `${column}: ${issue.message}`;
  });
  return { ok: false, reason: [...new Set(reasons)].join('; ') };
}
