import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { programmes } from '../programmes/programmes-table.js';
import { decisions } from './decisions-table.js';

/**
 * A decision's money, line by line: an expenditure or a receipt, in pence (never floating point), in a
 * financial year (`financialYear` is the year it starts: 2024 is 2024-25), from a budget, for a programme,
 * to or from a recipient, as a grant, a procurement or other.
 */
export const decisionExpenditures = pgTable(
  'decision_expenditures',
  {
    id: serial('id').primaryKey(),
    decisionId: integer('decision_id')
      .notNull()
      .references(() => decisions.id),
    direction: text('direction', { enum: ['expenditure', 'receipt'] })
      .notNull()
      .default('expenditure'),
    amountPence: bigint('amount_pence', { mode: 'number' }).notNull(),
    financialYear: integer('financial_year').notNull(),
    budget: text('budget').notNull().default(''),
    programmeId: integer('programme_id').references(() => programmes.id),
    recipient: text('recipient').notNull().default(''),
    kind: text('kind', { enum: ['grant', 'procurement', 'contribution', 'other'] })
      .notNull()
      .default('other'),
    description: text('description').notNull().default(''),
  },
  (t) => [
    check('decision_expenditures_amount_positive', sql`${t.amountPence} > 0`),
    check('decision_expenditures_year_range', sql`${t.financialYear} between 2000 and 2100`),
    check('decision_expenditures_direction_known', sql`${t.direction} in ('expenditure', 'receipt')`),
    check(
      'decision_expenditures_kind_known',
      sql`${t.kind} in ('grant', 'procurement', 'contribution', 'other')`,
    ),
    index('decision_expenditures_decision_idx').on(t.decisionId),
  ],
);
