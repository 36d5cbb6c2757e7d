import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Every load of data into healthhub, demo or imported: what it was, when, how many rows, and whether it is
 * demonstration data (which every page and export that shows it must say).
 */
export const dataLoads = pgTable(
  'data_loads',
  {
    id: serial('id').primaryKey(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    isDemo: boolean('is_demo').notNull(),
    rowCount: integer('row_count').notNull().default(0),
    loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('data_loads_kind_known', sql`${t.kind} in ('built-in', 'demo', 'import')`),
    check('data_loads_row_count_non_negative', sql`${t.rowCount} >= 0`),
  ],
);
