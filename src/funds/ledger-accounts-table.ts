import { sql } from 'drizzle-orm';
import { bigint, check, integer, pgTable, serial, text, unique } from 'drizzle-orm/pg-core';
import { organisations } from '../people/organisations-table.js';
import { programmes } from '../programmes/programmes-table.js';
import { funds } from './funds-table.js';

export const ledgerAccountKinds = [
  'cash',
  'unallocated',
  'allocated',
  'pledge-receivable',
  'pledged',
] as const;
export type LedgerAccountKind = (typeof ledgerAccountKinds)[number];

/**
 * The accounts of a fund's year, in the double-entry sense. Amounts are debit-positive: cash (held) is a
 * debit balance; unallocated (received, not yet allocated) and allocated:programme (allocated, not yet
 * paid) are credit balances, so cash = unallocated + every allocated. Pledges are a memorandum pair per
 * partner: pledge-receivable (debit, pledged and not yet received) against pledged (credit). `balancePence`
 * is kept equal to the sum of the account's entries by a trigger, so that a row lock on it serialises
 * concurrent payments and its check refuses an overspend even when two connections race.
 */
export const ledgerAccounts = pgTable(
  'ledger_accounts',
  {
    id: serial('id').primaryKey(),
    fundId: integer('fund_id')
      .notNull()
      .references(() => funds.id),
    financialYear: integer('financial_year').notNull(),
    kind: text('kind', { enum: ledgerAccountKinds }).notNull(),
    organisationId: integer('organisation_id').references(() => organisations.id),
    programmeId: integer('programme_id').references(() => programmes.id),
    balancePence: bigint('balance_pence', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    unique('ledger_accounts_identity')
      .on(t.fundId, t.financialYear, t.kind, t.organisationId, t.programmeId)
      .nullsNotDistinct(),
    check(
      'ledger_accounts_kind_known',
      sql`${t.kind} in ('cash', 'unallocated', 'allocated', 'pledge-receivable', 'pledged')`,
    ),
    check(
      'ledger_accounts_owner',
      sql`case ${t.kind}
        when 'allocated' then ${t.programmeId} is not null and ${t.organisationId} is null
        when 'pledge-receivable' then ${t.organisationId} is not null and ${t.programmeId} is null
        when 'pledged' then ${t.organisationId} is not null and ${t.programmeId} is null
        else ${t.organisationId} is null and ${t.programmeId} is null
      end`,
    ),
    check(
      'ledger_accounts_no_overspend',
      sql`case ${t.kind}
        when 'cash' then ${t.balancePence} >= 0
        when 'unallocated' then ${t.balancePence} <= 0
        when 'allocated' then ${t.balancePence} <= 0
        else true
      end`,
    ),
  ],
);
