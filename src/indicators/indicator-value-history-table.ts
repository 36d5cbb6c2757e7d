import { bigint, bigserial, index, integer, jsonb, pgTable, timestamp } from 'drizzle-orm/pg-core';
import { dataLoads } from '../imports/data-loads-table.js';

/**
 * What a value was before a newer edition of its data replaced it: the whole previous row, the load that
 * replaced it, and when. Values are replaced, never lost.
 */
export const indicatorValueHistory = pgTable(
  'indicator_value_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    valueId: bigint('value_id', { mode: 'number' }).notNull(),
    previous: jsonb('previous').notNull(),
    replacedByLoadId: integer('replaced_by_load_id')
      .notNull()
      .references(() => dataLoads.id),
    replacedAt: timestamp('replaced_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('indicator_value_history_value_idx').on(t.valueId)],
);
