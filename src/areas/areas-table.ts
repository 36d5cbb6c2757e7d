import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Geographies by ONS GSS code: England, regions, ICBs and local authorities to begin with. */
export const areas = pgTable(
  'areas',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    areaType: text('area_type').notNull(),
    parentCode: text('parent_code').references((): import('drizzle-orm/pg-core').AnyPgColumn => areas.code),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('areas_code_format', sql`${t.code} ~ '^[EWSNK][0-9]{8}$'`),
    check('areas_type_known', sql`${t.areaType} in ('country', 'region', 'icb', 'local-authority')`),
    index('areas_parent_code_idx').on(t.parentCode),
  ],
);
