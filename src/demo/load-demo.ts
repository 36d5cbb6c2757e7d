import { count, inArray } from 'drizzle-orm';
import { loadBuiltInGeography } from '../areas/load-built-in-geography.js';
import type { Db } from '../db/db.js';
import { dataLoads } from '../imports/data-loads-table.js';

/** What one run of the demo loader did, for the CLI's summary line. */
export interface DemoLoadSummary {
  readonly loaded: boolean;
  readonly rows: Record<string, number>;
}

/**
 * Loads healthhub's starting content: London's real geography (built in, not demonstration data). The
 * generated demonstration data sets join here, each recorded in data_loads with is_demo so every page that
 * shows them can say so. Loading twice changes nothing.
 */
export async function loadDemo(db: Db): Promise<DemoLoadSummary> {
  const geography = await loadBuiltInGeography(db);
  const total = geography.areas + geography.parents + geography.tiles;
  return {
    loaded: total > 0,
    rows: { areas: geography.areas, 'area memberships': geography.parents, tiles: geography.tiles },
  };
}

/**
 * True when nothing but built-in content has been loaded (no demo data, no import): `npm start` then runs
 * the demo loader.
 */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(dataLoads)
    .where(inArray(dataLoads.kind, ['demo', 'import']));
  return Number(row?.n ?? 0) === 0;
}
