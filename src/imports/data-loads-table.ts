import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Every load of data into healthhub, built in, demo or imported: what it was (kind, source file or URL and
 * its SHA-256, so the same file again is recognised), when, what it did to the rows, and whether it is
 * demonstration data (which every page and export that shows it must say).
 */
export const dataLoads = pgTable(
  'data_loads',
  {
    id: serial('id').primaryKey(),
    kind: text('kind').notNull(),
    /** The importer, e.g. fingertips, population, ons-health-index; or the demo data set. */
    name: text('name').notNull(),
    source: text('source'),
    sha256: text('sha256'),
    isDemo: boolean('is_demo').notNull(),
    rowsRead: integer('rows_read').notNull().default(0),
    rowCount: integer('row_count').notNull().default(0),
    rowsUpdated: integer('rows_updated').notNull().default(0),
    rowsUnchanged: integer('rows_unchanged').notNull().default(0),
    rowsRejected: integer('rows_rejected').notNull().default(0),
    loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('data_loads_kind_known', sql`${t.kind} in ('built-in', 'demo', 'import')`),
    check(
      'data_loads_counts_non_negative',
      sql`${t.rowCount} >= 0 and ${t.rowsRead} >= 0 and ${t.rowsUpdated} >= 0 and ${t.rowsUnchanged} >= 0 and ${t.rowsRejected} >= 0`,
    ),
    index('data_loads_sha256_idx').on(t.name, t.sha256),
  ],
);
