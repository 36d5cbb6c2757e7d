import type { Db } from '../db/db.js';
import { dataLoads } from '../imports/data-loads-table.js';
import { insertAreaParents, insertAreas, insertTilePositions } from './area-repository.js';
import { londonAreas, londonParents, londonSquaredTiles } from './london-areas.js';

/**
 * Makes sure London's built-in geography is in the database: areas, dated memberships and London Squared
 * tiles. Runs at every start and from `healthhub demo`; what is there already is left alone, so it only ever
 * adds (for example after a migration added a table). Records a built-in data load when it added anything.
 */
export async function loadBuiltInGeography(
  db: Db,
): Promise<{ areas: number; parents: number; tiles: number }> {
  return db.transaction(async (trx) => {
    const added = {
      areas: await insertAreas(trx, londonAreas),
      parents: await insertAreaParents(trx, londonParents),
      tiles: await insertTilePositions(trx, 'london-squared', londonSquaredTiles),
    };
    const total = added.areas + added.parents + added.tiles;
    if (total > 0) {
      await trx.insert(dataLoads).values({
        kind: 'built-in',
        name: "London's geography",
        isDemo: false,
        rowCount: total,
        rowsRead: total,
      });
    }
    return added;
  });
}
