import { count, sql } from 'drizzle-orm';
import type { Db } from '../db/db.js';
import { areas } from './areas-table.js';
import type { BuiltInArea } from './london-areas.js';

/** Inserts areas parents first; an area already present is left as it is. Returns how many were new. */
export async function insertAreas(db: Db, rows: readonly BuiltInArea[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insert(areas)
    .values(rows.map((r) => ({ code: r.code, name: r.name, areaType: r.areaType, parentCode: r.parentCode })))
    .onConflictDoNothing({ target: areas.code })
    .returning({ code: areas.code });
  return inserted.length;
}

/** How many areas of each type are loaded, for the home page and the health of a fresh install. */
export async function countAreasByType(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .select({ areaType: areas.areaType, n: count() })
    .from(areas)
    .groupBy(areas.areaType)
    .orderBy(sql`${areas.areaType}`);
  return Object.fromEntries(rows.map((r) => [r.areaType, Number(r.n)]));
}
