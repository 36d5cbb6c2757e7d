import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { areas } from '../areas/areas-table.js';
import { dataLoads } from '../imports/data-loads-table.js';
import { indicators } from './indicators-table.js';

/**
 * One value of an indicator for an area, period, sex, age and category (e.g. a deprivation decile), with its
 * limits, count and denominator, and the load it came from. Comparisons with London and England and the
 * recent trend are computed by healthhub with @healthhub/stats (computed_*); what the source file said is
 * kept for reference only (source_*).
 */
export const indicatorValues = pgTable(
  'indicator_values',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id),
    areaCode: text('area_code')
      .notNull()
      .references(() => areas.code),
    /** The period as the source writes it: 2015, 2015/16, 2013 - 15. */
    period: text('period').notNull(),
    /** A number that sorts periods in time order (Fingertips' "Time period Sortable", e.g. 20150000). */
    periodSort: integer('period_sort').notNull(),
    sex: text('sex').notNull(),
    age: text('age').notNull(),
    categoryType: text('category_type').notNull().default(''),
    category: text('category').notNull().default(''),
    value: doublePrecision('value'),
    lower95: doublePrecision('lower95'),
    upper95: doublePrecision('upper95'),
    lower998: doublePrecision('lower998'),
    upper998: doublePrecision('upper998'),
    count: doublePrecision('count'),
    denominator: doublePrecision('denominator'),
    valueNote: text('value_note'),
    sourceTrend: text('source_trend'),
    sourceComparedToEngland: text('source_compared_to_england'),
    sourceComparedToRegion: text('source_compared_to_region'),
    computedComparedToEngland: text('computed_compared_to_england'),
    computedComparedToLondon: text('computed_compared_to_london'),
    computedTrend: text('computed_trend'),
    loadId: integer('load_id')
      .notNull()
      .references(() => dataLoads.id),
    isDemo: boolean('is_demo').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('indicator_values_key').on(
      t.indicatorId,
      t.areaCode,
      t.period,
      t.sex,
      t.age,
      t.categoryType,
      t.category,
    ),
    index('indicator_values_area_idx').on(t.areaCode, t.indicatorId),
    check(
      'indicator_values_limits_ordered',
      sql`(${t.lower95} is null or ${t.upper95} is null or ${t.lower95} <= ${t.upper95}) and (${t.lower998} is null or ${t.upper998} is null or ${t.lower998} <= ${t.upper998})`,
    ),
    check('indicator_values_count_non_negative', sql`${t.count} is null or ${t.count} >= 0`),
    check(
      'indicator_values_denominator_non_negative',
      sql`${t.denominator} is null or ${t.denominator} >= 0`,
    ),
  ],
);
