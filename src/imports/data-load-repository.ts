import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/db.js';
import { dataLoads } from './data-loads-table.js';

/** What an import did to the rows, recorded on its data_loads row. */
export interface LoadCounts {
  readonly rowsRead: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: number;
}

/** The earlier load of the same file by the same importer, if any: the same file again changes nothing. */
export async function findLoadByHash(
  db: Db,
  name: string,
  sha256: string,
): Promise<{ id: number; loadedAt: Date } | undefined> {
  const [row] = await db
    .select({ id: dataLoads.id, loadedAt: dataLoads.loadedAt })
    .from(dataLoads)
    .where(and(eq(dataLoads.name, name), eq(dataLoads.sha256, sha256)))
    .limit(1);
  return row;
}

/** Records the start of an import (kind 'import', counts zero until it ends); returns the load's id. */
export async function createImportLoad(
  db: Db,
  load: { name: string; source: string; sha256: string },
): Promise<number> {
  const [row] = await db
    .insert(dataLoads)
    .values({ kind: 'import', name: load.name, source: load.source, sha256: load.sha256, isDemo: false })
    .returning({ id: dataLoads.id });
  return row!.id;
}

/** Fills in what the import did. `row_count` holds the rows inserted. */
export async function recordLoadCounts(db: Db, id: number, counts: LoadCounts): Promise<void> {
  await db
    .update(dataLoads)
    .set({
      rowsRead: counts.rowsRead,
      rowCount: counts.inserted,
      rowsUpdated: counts.updated,
      rowsUnchanged: counts.unchanged,
      rowsRejected: counts.rejected,
    })
    .where(eq(dataLoads.id, id));
}

/**
 * Makes imports and computations take turns, for the rest of the transaction: two runs of one file at the
 * same moment cannot both load it, and each merge may assume that no other writes the shared tables (areas,
 * indicator values, populations) between its checks and its writes, as its plain inserts do.
 */
export async function lockImports(db: Db): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended('healthhub-import', 0))`);
}
