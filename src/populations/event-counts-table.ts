import { sql } from 'drizzle-orm';
import { check, doublePrecision, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { areas } from '../areas/areas-table.js';
import { dataLoads } from '../imports/data-loads-table.js';

/**
 * Counts of events (deaths from a cause, births, diagnoses) by area, year, sex and age band, so that
 * indicators can be recomputed from them with populations (e.g. mortality DSRs).
 */
export const eventCounts = pgTable(
  'event_counts',
  {
    measure: text('measure').notNull(),
    areaCode: text('area_code')
      .notNull()
      .references(() => areas.code),
    year: integer('year').notNull(),
    sex: text('sex').notNull(),
    ageFrom: integer('age_from').notNull(),
    ageTo: integer('age_to'),
    count: doublePrecision('count').notNull(),
    loadId: integer('load_id')
      .notNull()
      .references(() => dataLoads.id),
  },
  (t) => [
    primaryKey({ columns: [t.measure, t.areaCode, t.year, t.sex, t.ageFrom] }),
    check('event_counts_sex_known', sql`${t.sex} in ('persons', 'males', 'females')`),
    check(
      'event_counts_ages_ordered',
      sql`${t.ageFrom} >= 0 and (${t.ageTo} is null or ${t.ageTo} >= ${t.ageFrom})`,
    ),
    check('event_counts_non_negative', sql`${t.count} >= 0`),
  ],
);
