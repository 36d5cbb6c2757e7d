import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { areas } from './areas-table.js';

/**
 * An area's membership of a parent from one date to another (open-ended when valid_to is null): boroughs in
 * ICBs, ICBs in London, LSOAs in authorities. Areas move (ICBs merge), so one child can have several parents
 * of one type over time, never two at once (checked by the repository).
 */
export const areaParents = pgTable(
  'area_parents',
  {
    childCode: text('child_code')
      .notNull()
      .references(() => areas.code),
    parentCode: text('parent_code')
      .notNull()
      .references(() => areas.code),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
  },
  (t) => [
    primaryKey({ columns: [t.childCode, t.parentCode, t.validFrom] }),
    check('area_parents_dates_ordered', sql`${t.validTo} is null or ${t.validTo} > ${t.validFrom}`),
    check('area_parents_not_self', sql`${t.childCode} <> ${t.parentCode}`),
    index('area_parents_parent_idx').on(t.parentCode),
  ],
);
