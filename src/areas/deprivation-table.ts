import { sql } from 'drizzle-orm';
import { check, doublePrecision, integer, pgTable, primaryKey, smallint, text } from 'drizzle-orm/pg-core';
import { dataLoads } from '../imports/data-loads-table.js';
import { areas } from './areas-table.js';

/** An area's Index of Multiple Deprivation in one edition (IMD2019, IMD2025): score, rank and decile. */
export const deprivation = pgTable(
  'deprivation',
  {
    areaCode: text('area_code')
      .notNull()
      .references(() => areas.code),
    edition: text('edition').notNull(),
    score: doublePrecision('score'),
    rank: integer('rank'),
    /** 1 is the most deprived tenth. */
    decile: smallint('decile'),
    loadId: integer('load_id').references(() => dataLoads.id),
  },
  (t) => [
    primaryKey({ columns: [t.areaCode, t.edition] }),
    check('deprivation_decile_range', sql`${t.decile} is null or ${t.decile} between 1 and 10`),
    check('deprivation_rank_positive', sql`${t.rank} is null or ${t.rank} > 0`),
  ],
);
