import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { Db } from '../db/db.js';
import { maxPence } from '../money/parse-pounds.js';
import { financialYearLabel } from './financial-year-label.js';
import { fundYears } from './fund-years-table.js';
import { funds } from './funds-table.js';
import { ledgerEntries } from './ledger-entries-table.js';
import { ledgerErrorFromDatabase } from './ledger-error-from-database.js';
import { LedgerRuleError } from './ledger-rule-error.js';
import { type LedgerTransactionKind, ledgerTransactions } from './ledger-transactions-table.js';
import {
  type LedgerAccountSpec,
  type LockedLedgerAccount,
  lockLedgerAccounts,
} from './lock-ledger-accounts.js';

/** What every posting says: the fund and year, how much, when, why, who, and whether it is generated. */
export interface PostingHeader {
  readonly fundId: number;
  readonly financialYear: number;
  readonly amountPence: number;
  /** The date it happened (YYYY-MM-DD). */
  readonly occurredOn: string;
  readonly memo?: string;
  readonly actorUserId: number | null;
  readonly isDemo?: boolean;
}

/** A posted transaction and its entries (debit-positive). */
export interface PostedTransaction {
  readonly id: number;
  readonly kind: LedgerTransactionKind;
  readonly fundId: number;
  readonly financialYear: number;
  readonly amountPence: number;
  readonly entries: readonly { readonly accountId: number; readonly amountPence: number }[];
}

/** One leg of a posting: an account, debited (+amount) or credited (-amount). */
export interface PostingLeg {
  readonly account: LedgerAccountSpec;
  readonly side: 'debit' | 'credit';
}

export interface PostingSpec {
  readonly kind: LedgerTransactionKind;
  readonly header: PostingHeader;
  readonly parties: {
    readonly partnerOrganisationId?: number;
    readonly programmeId?: number;
    readonly decisionId?: number;
    readonly fundingAgreementId?: number;
  };
  readonly legs: readonly PostingLeg[];
  /** The kind's own rules that need rows locked before its accounts (a payment's decision and agreement). */
  readonly beforeAccounts?: (trx: Db) => Promise<void>;
  /** The kind's rules on the balances of its accounts, locked, in the order of `legs`. */
  readonly checkAccounts?: (accounts: readonly LockedLedgerAccount[]) => void;
}

/**
 * Posts one ledger transaction, in its own transaction (a savepoint when `db` is one already) with its audit
 * entry: the fund's year must be open (its row locked for share, so a close waits for postings in flight), then
 * the kind's rules are checked with the rows they depend on locked, and the transaction and its double entries
 * are written. Each rule is checked here first, for a clear message, and again by the database (migration
 * 0006), whose refusals come back as the same LedgerRuleError. A refused posting changes nothing.
 */
export async function postLedgerTransaction(db: Db, spec: PostingSpec): Promise<PostedTransaction> {
  const { header, kind } = spec;
  if (!Number.isSafeInteger(header.amountPence) || header.amountPence <= 0 || header.amountPence > maxPence)
    throw new RangeError(`a posting's amount is a positive whole number of pence, not ${header.amountPence}`);
  try {
    return await db.transaction(async (trx) => {
      const [fund] = await trx
        .select({ organisationId: funds.organisationId })
        .from(funds)
        .where(eq(funds.id, header.fundId));
      if (!fund) throw new LedgerRuleError('FUND_NOT_FOUND', 'There is no such fund');
      const [year] = await trx
        .select({ closedAt: fundYears.closedAt })
        .from(fundYears)
        .where(and(eq(fundYears.fundId, header.fundId), eq(fundYears.financialYear, header.financialYear)))
        .for('share');
      const label = financialYearLabel(header.financialYear);
      if (!year) throw new LedgerRuleError('YEAR_NOT_OPEN', `${label} is not open in this fund`);
      if (year.closedAt)
        throw new LedgerRuleError('YEAR_CLOSED', `${label} is closed: nothing more can be posted to it`);
      await spec.beforeAccounts?.(trx);
      const accounts = await lockLedgerAccounts(
        trx,
        header.fundId,
        header.financialYear,
        spec.legs.map((l) => l.account),
      );
      spec.checkAccounts?.(accounts);
      const [row] = await trx
        .insert(ledgerTransactions)
        .values({
          fundId: header.fundId,
          financialYear: header.financialYear,
          kind,
          amountPence: header.amountPence,
          partnerOrganisationId: spec.parties.partnerOrganisationId ?? null,
          programmeId: spec.parties.programmeId ?? null,
          decisionId: spec.parties.decisionId ?? null,
          fundingAgreementId: spec.parties.fundingAgreementId ?? null,
          occurredOn: header.occurredOn,
          memo: header.memo ?? '',
          createdByUserId: header.actorUserId,
          isDemo: header.isDemo ?? false,
        })
        .returning();
      const entries = spec.legs
        .map((leg, i) => ({
          accountId: accounts[i]!.id,
          amountPence: leg.side === 'debit' ? header.amountPence : -header.amountPence,
        }))
        .sort((a, b) => a.accountId - b.accountId);
      await trx.insert(ledgerEntries).values(entries.map((e) => ({ ...e, transactionId: row!.id })));
      await recordAudit(trx, {
        actorUserId: header.actorUserId,
        organisationId: fund.organisationId,
        entity: 'ledger_transactions',
        entityId: row!.id,
        action: 'create',
        after: { ...row, entries },
      });
      return {
        id: Number(row!.id),
        kind,
        fundId: header.fundId,
        financialYear: header.financialYear,
        amountPence: header.amountPence,
        entries,
      };
    });
  } catch (error) {
    throw ledgerErrorFromDatabase(error, kind) ?? error;
  }
}
