import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { decisions } from '../decisions/decisions-table.js';
import { organisations } from '../people/organisations-table.js';
import { users } from '../people/users-table.js';
import { programmes } from '../programmes/programmes-table.js';
import { fundingAgreements } from './funding-agreements-table.js';
import { funds } from './funds-table.js';

export const ledgerTransactionKinds = ['pledge', 'receipt', 'allocation', 'deallocation', 'payment'] as const;
export type LedgerTransactionKind = (typeof ledgerTransactionKinds)[number];

/**
 * One business event on a pooled fund, in a financial year: a partner's pledge or receipt, an allocation to
 * (or release from) a programme, or a payment under a decision and an executed funding agreement. Its
 * double entries are in ledger_entries and sum to zero. Never updated or deleted: a mistake is corrected by
 * a further transaction.
 */
export const ledgerTransactions = pgTable(
  'ledger_transactions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    fundId: integer('fund_id')
      .notNull()
      .references(() => funds.id),
    financialYear: integer('financial_year').notNull(),
    kind: text('kind', { enum: ledgerTransactionKinds }).notNull(),
    amountPence: bigint('amount_pence', { mode: 'number' }).notNull(),
    partnerOrganisationId: integer('partner_organisation_id').references(() => organisations.id),
    programmeId: integer('programme_id').references(() => programmes.id),
    decisionId: integer('decision_id').references(() => decisions.id),
    fundingAgreementId: integer('funding_agreement_id').references(() => fundingAgreements.id),
    occurredOn: date('occurred_on').notNull(),
    memo: text('memo').notNull().default(''),
    createdByUserId: integer('created_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [
    check('ledger_transactions_amount_positive', sql`${t.amountPence} > 0`),
    check(
      'ledger_transactions_kind_known',
      sql`${t.kind} in ('pledge', 'receipt', 'allocation', 'deallocation', 'payment')`,
    ),
    check(
      'ledger_transactions_parties',
      sql`case ${t.kind}
        when 'pledge' then ${t.partnerOrganisationId} is not null
        when 'receipt' then ${t.partnerOrganisationId} is not null
        when 'allocation' then ${t.programmeId} is not null
        when 'deallocation' then ${t.programmeId} is not null
        when 'payment' then ${t.programmeId} is not null and ${t.decisionId} is not null and ${t.fundingAgreementId} is not null
      end`,
    ),
    index('ledger_transactions_fund_idx').on(t.fundId, t.financialYear),
  ],
);
