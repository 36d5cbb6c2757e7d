import type { SQL } from 'drizzle-orm';
import type { Db } from './db.js';

/**
 * Runs raw SQL and returns its rows typed as the caller says. Both drivers answer `{ rows }`, but Drizzle's
 * type for a handle that may be either driver cannot say so.
 */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
