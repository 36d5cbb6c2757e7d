import { sql } from 'drizzle-orm';
import { check, integer, pgTable, primaryKey, timestamp } from 'drizzle-orm/pg-core';
import { funds } from './funds-table.js';

/**
 * A fund's financial years (April to March; `financialYear` is the year it starts: 2024 is 2024-25). A
 * closed year (`closedAt`) refuses any new ledger transaction, in the database as well as in code.
 */
export const fundYears = pgTable(
  'fund_years',
  {
    fundId: integer('fund_id')
      .notNull()
      .references(() => funds.id),
    financialYear: integer('financial_year').notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.fundId, t.financialYear] }),
    check('fund_years_year_range', sql`${t.financialYear} between 2000 and 2100`),
  ],
);
