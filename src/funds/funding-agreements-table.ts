import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { decisions } from '../decisions/decisions-table.js';
import { programmes } from '../programmes/programmes-table.js';
import { funds } from './funds-table.js';

/**
 * A funding agreement with a recipient, under a decision, for a programme of a fund, up to an amount.
 * Payments need an executed one; payments under it never exceed its amount.
 */
export const fundingAgreements = pgTable(
  'funding_agreements',
  {
    id: serial('id').primaryKey(),
    fundId: integer('fund_id')
      .notNull()
      .references(() => funds.id),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id),
    decisionId: integer('decision_id')
      .notNull()
      .references(() => decisions.id),
    recipient: text('recipient').notNull(),
    amountPence: bigint('amount_pence', { mode: 'number' }).notNull(),
    status: text('status', { enum: ['draft', 'executed', 'terminated'] })
      .notNull()
      .default('draft'),
    executedOn: date('executed_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [
    check('funding_agreements_amount_positive', sql`${t.amountPence} > 0`),
    check('funding_agreements_status_known', sql`${t.status} in ('draft', 'executed', 'terminated')`),
    check('funding_agreements_executed_dated', sql`(${t.status} = 'draft') or (${t.executedOn} is not null)`),
  ],
);
