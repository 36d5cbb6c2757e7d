import { count, sql } from 'drizzle-orm';
import type { Db } from '../db/db.js';
import { areaParents } from './area-parents-table.js';
import { areaTilePositions } from './area-tile-positions-table.js';
import { areas } from './areas-table.js';
import type { BuiltInArea, BuiltInParent, BuiltInTile } from './london-areas.js';

/** Inserts areas; an area already present is left as it is. Returns how many were new. */
export async function insertAreas(db: Db, rows: readonly BuiltInArea[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insert(areas)
    .values(
      rows.map((r) => ({ code: r.code, name: r.name, areaType: r.areaType, nhsCode: r.nhsCode ?? null })),
    )
    .onConflictDoNothing({ target: areas.code })
    .returning({ code: areas.code });
  return inserted.length;
}

/** Inserts dated memberships; one already present (same child, parent and start) is left as it is. */
export async function insertAreaParents(db: Db, rows: readonly BuiltInParent[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insert(areaParents)
    .values(rows.map((r) => ({ childCode: r.childCode, parentCode: r.parentCode, validFrom: r.validFrom })))
    .onConflictDoNothing()
    .returning({ code: areaParents.childCode });
  return inserted.length;
}

/** Inserts the tiles of a layout; a tile already placed is left as it is. */
export async function insertTilePositions(
  db: Db,
  layout: string,
  rows: readonly BuiltInTile[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insert(areaTilePositions)
    .values(rows.map((r) => ({ layout, ...r })))
    .onConflictDoNothing()
    .returning({ code: areaTilePositions.areaCode });
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

/**
 * The children of a parent of one type on a date (default today): e.g. the boroughs of an ICB, or London's
 * 33 authorities. Memberships are dated because areas move.
 */
export async function childAreas(
  db: Db,
  parentCode: string,
  areaType: string,
  on: string = new Date().toISOString().slice(0, 10),
): Promise<{ code: string; name: string }[]> {
  return db
    .select({ code: areas.code, name: areas.name })
    .from(areaParents)
    .innerJoin(areas, sql`${areas.code} = ${areaParents.childCode}`)
    .where(
      sql`${areaParents.parentCode} = ${parentCode} and ${areas.areaType} = ${areaType} and ${areaParents.validFrom} <= ${on} and (${areaParents.validTo} is null or ${areaParents.validTo} > ${on})`,
    )
    .orderBy(areas.name);
}
