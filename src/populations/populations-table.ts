import { sql } from 'drizzle-orm';
import { check, doublePrecision, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { areas } from '../areas/areas-table.js';
import { dataLoads } from '../imports/data-loads-table.js';

/** Population of an area in a year, by sex and age band [age_from, age_to] (age_to null: and over). */
export const populations = pgTable(
  'populations',
  {
    areaCode: text('area_code')
      .notNull()
      .references(() => areas.code),
    year: integer('year').notNull(),
    sex: text('sex').notNull(),
    ageFrom: integer('age_from').notNull(),
    ageTo: integer('age_to'),
    population: doublePrecision('population').notNull(),
    loadId: integer('load_id')
      .notNull()
      .references(() => dataLoads.id),
  },
  (t) => [
    primaryKey({ columns: [t.areaCode, t.year, t.sex, t.ageFrom] }),
    check('populations_sex_known', sql`${t.sex} in ('persons', 'males', 'females')`),
    check(
      'populations_ages_ordered',
      sql`${t.ageFrom} >= 0 and (${t.ageTo} is null or ${t.ageTo} >= ${t.ageFrom})`,
    ),
    check('populations_non_negative', sql`${t.population} >= 0`),
  ],
);
