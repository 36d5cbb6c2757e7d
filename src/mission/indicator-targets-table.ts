import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  doublePrecision,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { areas } from '../areas/areas-table.js';
import { indicators } from '../indicators/indicators-table.js';

/** London (the region): the area the partnership's targets are set for unless a row says otherwise. */
export const LONDON_CODE = 'E12000007';

/**
 * What the partnership aims for on one indicator, under one of its aims: the baseline (a period and its value),
 * the value aimed for and the year it is aimed for. Kept as data, not code, so that partnership staff can set
 * and change targets. `aim` is a Health Inequalities Strategy aim ('healthy-children'), a Better Health for
 * London aspiration ('aspiration-1') or the strategy's overarching outcome ('healthy-life-expectancy'); an
 * indicator under several aims has a row for each. Sex and age say which of the indicator's series the target
 * is about, since an indicator may have several.
 */
export const indicatorTargets = pgTable(
  'indicator_targets',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id),
    areaCode: text('area_code')
      .notNull()
      .default(LONDON_CODE)
      .references(() => areas.code),
    aim: text('aim').notNull(),
    sex: text('sex').notNull().default('Persons'),
    age: text('age').notNull(),
    /** The period as indicator_values writes it: 2015, 2015/16, 2015 - 17. */
    baselinePeriod: text('baseline_period').notNull(),
    baselineValue: doublePrecision('baseline_value').notNull(),
    targetValue: doublePrecision('target_value').notNull(),
    targetYear: integer('target_year').notNull().default(2035),
    isDemo: boolean('is_demo').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('indicator_targets_key').on(t.indicatorId, t.areaCode, t.aim, t.sex, t.age),
    check('indicator_targets_target_year_range', sql`${t.targetYear} between 2000 and 2100`),
    check('indicator_targets_aim_format', sql`${t.aim} ~ '^[a-z][a-z0-9-]*$'`),
    check('indicator_targets_baseline_period_year', sql`${t.baselinePeriod} ~ '^[0-9]{4}'`),
  ],
);
