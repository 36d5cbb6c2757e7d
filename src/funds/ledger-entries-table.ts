import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, index, integer, pgTable } from 'drizzle-orm/pg-core';
import { ledgerAccounts } from './ledger-accounts-table.js';
import { ledgerTransactions } from './ledger-transactions-table.js';

/**
 * The double entries of a ledger transaction: debit-positive amounts in pence on accounts. A transaction's
 * entries sum to zero (checked at commit by a deferred trigger); entries are never updated or deleted.
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    transactionId: bigint('transaction_id', { mode: 'number' })
      .notNull()
      .references(() => ledgerTransactions.id),
    accountId: integer('account_id')
      .notNull()
      .references(() => ledgerAccounts.id),
    amountPence: bigint('amount_pence', { mode: 'number' }).notNull(),
  },
  (t) => [
    check('ledger_entries_amount_nonzero', sql`${t.amountPence} <> 0`),
    index('ledger_entries_transaction_idx').on(t.transactionId),
    index('ledger_entries_account_idx').on(t.accountId),
  ],
);
