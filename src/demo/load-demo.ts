import { count } from 'drizzle-orm';
import { insertAreas } from '../areas/area-repository.js';
import { areas } from '../areas/areas-table.js';
import { londonAreas } from '../areas/london-areas.js';
import type { Db } from '../db/db.js';
import { dataLoads } from './data-loads-table.js';

/** What one run of the demo loader did, for the CLI's summary line. */
export interface DemoLoadSummary {
  readonly loaded: boolean;
  readonly rows: Record<string, number>;
}

/**
 * Loads healthhub's starting content in one transaction: London's real geography (built in, not
 * demonstration data). Feature issues add their generated demonstration data sets here, each recorded in
 * data_loads with is_demo so every page that shows them can say so. Loading twice changes nothing.
 */
export async function loadDemo(db: Db): Promise<DemoLoadSummary> {
  return db.transaction(async (trx) => {
    const areasAdded = await insertAreas(trx, londonAreas);
    if (areasAdded > 0) {
      await trx
        .insert(dataLoads)
        .values({ kind: 'built-in', name: "London's geography", isDemo: false, rowCount: areasAdded });
    }
    return { loaded: areasAdded > 0, rows: { areas: areasAdded } };
  });
}

/** True when nothing has been loaded yet: `npm start` then runs the demo loader. */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(areas);
  return Number(row?.n ?? 0) === 0;
}
