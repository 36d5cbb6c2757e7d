import { sql } from 'drizzle-orm';
import type { Db } from './db.js';

/**
 * Gathers the planner's statistics of tables just filled, inside the caller's transaction (ANALYZE sees the
 * transaction's own rows). PostgreSQL's autovacuum gets to a table only later and PGlite has none, so until
 * then the planner takes a table freshly loaded with 35,000 LSOAs for a handful of rows and plans nested
 * loops over it: England's IMD decile aggregates took 140 s on PostgreSQL right after `import population`,
 * and 0.2 s once analysed.
 */
export async function analyzeTables(db: Db, tables: readonly string[]): Promise<void> {
  if (tables.length === 0) return;
  await db.execute(sql.raw(`analyze ${tables.map((t) => `"${t}"`).join(', ')}`));
}
