import { sql } from 'drizzle-orm';
import { boolean, check, doublePrecision, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const valueTypes = [
  'proportion',
  'crude-rate',
  'dsr',
  'isr',
  'life-expectancy',
  'mean',
  'count',
  'score',
] as const;
export const polarities = ['high-is-good', 'low-is-good', 'no-judgement'] as const;
export const periodTypes = [
  'calendar-year',
  'financial-year',
  'academic-year',
  'rolling-2-year',
  'rolling-3-year',
  'rolling-5-year',
  'quarter',
  'month',
  'point-in-time',
  'other',
] as const;

/**
 * What an indicator measures and how: its definition, unit and multiplier, the kind of value and so which
 * statistical method computes and compares it, its polarity, source and licence, and the kind of period.
 * Ids are Fingertips' indicator ids where the indicator comes from Fingertips.
 */
export const indicators = pgTable(
  'indicators',
  {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    definition: text('definition'),
    unit: text('unit'),
    multiplier: doublePrecision('multiplier'),
    valueType: text('value_type').notNull(),
    polarity: text('polarity').notNull().default('no-judgement'),
    source: text('source'),
    licence: text('licence'),
    periodType: text('period_type').notNull().default('other'),
    method: text('method'),
    isDemo: boolean('is_demo').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'indicators_value_type_known',
      sql.raw(`value_type in (${valueTypes.map((v) => `'${v}'`).join(', ')})`),
    ),
    check(
      'indicators_polarity_known',
      sql.raw(`polarity in (${polarities.map((v) => `'${v}'`).join(', ')})`),
    ),
    check(
      'indicators_period_type_known',
      sql.raw(`period_type in (${periodTypes.map((v) => `'${v}'`).join(', ')})`),
    ),
    check('indicators_multiplier_positive', sql`${t.multiplier} is null or ${t.multiplier} > 0`),
    check('indicators_id_positive', sql`${t.id} > 0`),
  ],
);
