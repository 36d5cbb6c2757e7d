import { integer, pgTable, primaryKey } from 'drizzle-orm/pg-core';
import { decisions } from '../decisions/decisions-table.js';
import { indicators } from '../indicators/indicators-table.js';
import { programmes } from './programmes-table.js';

/** The decisions that fund or steer a programme. */
export const programmeDecisions = pgTable(
  'programme_decisions',
  {
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id),
    decisionId: integer('decision_id')
      .notNull()
      .references(() => decisions.id),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.decisionId] })],
);

/** The indicators a programme means to move. */
export const programmeIndicators = pgTable(
  'programme_indicators',
  {
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.indicatorId] })],
);
