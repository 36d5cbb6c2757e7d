import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/db.js';
import { decisionExpenditures } from '../decisions/decision-expenditures-table.js';
import { decisions } from '../decisions/decisions-table.js';
import { formatPounds } from '../money/format-pounds.js';
import { financialYearLabel } from './financial-year-label.js';
import { fundingAgreements } from './funding-agreements-table.js';
import { LedgerRuleError } from './ledger-rule-error.js';
import { ledgerTransactions } from './ledger-transactions-table.js';
import {
  type PostedTransaction,
  type PostingHeader,
  postLedgerTransaction,
} from './post-ledger-transaction.js';

/** The decision statuses under which money may be paid. */
export const payableDecisionStatuses = ['approved', 'signed', 'published'] as const;

export interface Payment extends PostingHeader {
  readonly programmeId: number;
  readonly decisionId: number;
  readonly fundingAgreementId: number;
}

const sumOf = (value: unknown) => Number(value ?? 0);

/**
 * Money paid out for a programme: Dr allocated(programme), Cr cash. Refused unless
 * - the decision is approved, signed or published (DECISION_NOT_APPROVED), and its expenditure lines for the
 *   programme and year cover every payment under it for them, this one included (DECISION_DOES_NOT_COVER);
 * - the funding agreement is of the same fund, programme and decision (AGREEMENT_MISMATCH), executed
 *   (AGREEMENT_NOT_EXECUTED), and payments under it stay within its amount (AGREEMENT_EXCEEDED);
 * - the programme's allocation in the year, less what is paid, covers it (INSUFFICIENT_ALLOCATION).
 * The decision and the agreement are locked first (as the database's trigger locks them), so racing payments
 * under them are counted one after the other.
 */
export function postPayment(db: Db, payment: Payment): Promise<PostedTransaction> {
  const year = financialYearLabel(payment.financialYear);
  return postLedgerTransaction(db, {
    kind: 'payment',
    header: payment,
    parties: {
      programmeId: payment.programmeId,
      decisionId: payment.decisionId,
      fundingAgreementId: payment.fundingAgreementId,
    },
    legs: [
      { account: { kind: 'allocated', programmeId: payment.programmeId }, side: 'debit' },
      { account: { kind: 'cash' }, side: 'credit' },
    ],
    beforeAccounts: async (trx) => {
      const [decision] = await trx
        .select({ reference: decisions.reference, status: decisions.status })
        .from(decisions)
        .where(eq(decisions.id, payment.decisionId))
        .for('no key update');
      if (!decision || !(payableDecisionStatuses as readonly string[]).includes(decision.status))
        throw new LedgerRuleError(
          'DECISION_NOT_APPROVED',
          `Decision ${decision?.reference ?? payment.decisionId} is ${decision?.status ?? 'not recorded'}: a payment needs an approved, signed or published decision`,
        );
      const [covered] = await trx
        .select({ total: sql<string>`coalesce(sum(${decisionExpenditures.amountPence}), 0)` })
        .from(decisionExpenditures)
        .where(
          and(
            eq(decisionExpenditures.decisionId, payment.decisionId),
            eq(decisionExpenditures.direction, 'expenditure'),
            eq(decisionExpenditures.programmeId, payment.programmeId),
            eq(decisionExpenditures.financialYear, payment.financialYear),
          ),
        );
      const [paidUnderDecision] = await trx
        .select({ total: sql<string>`coalesce(sum(${ledgerTransactions.amountPence}), 0)` })
        .from(ledgerTransactions)
        .where(
          and(
            eq(ledgerTransactions.kind, 'payment'),
            eq(ledgerTransactions.decisionId, payment.decisionId),
            eq(ledgerTransactions.programmeId, payment.programmeId),
            eq(ledgerTransactions.financialYear, payment.financialYear),
          ),
        );
      const cover = sumOf(covered?.total);
      const paid = sumOf(paidUnderDecision?.total);
      if (paid + payment.amountPence > cover)
        throw new LedgerRuleError(
          'DECISION_DOES_NOT_COVER',
          `Decision ${decision.reference} provides ${formatPounds(cover)} for this programme in ${year} and ${formatPounds(paid)} is paid under it already: pay ${formatPounds(Math.max(0, cover - paid))} or less`,
        );

      const [agreement] = await trx
        .select()
        .from(fundingAgreements)
        .where(eq(fundingAgreements.id, payment.fundingAgreementId))
        .for('update');
      if (
        !agreement ||
        agreement.fundId !== payment.fundId ||
        agreement.programmeId !== payment.programmeId ||
        agreement.decisionId !== payment.decisionId
      )
        throw new LedgerRuleError(
          'AGREEMENT_MISMATCH',
          `Funding agreement ${payment.fundingAgreementId} is not for this fund, programme and decision`,
        );
      if (agreement.status !== 'executed')
        throw new LedgerRuleError(
          'AGREEMENT_NOT_EXECUTED',
          `Funding agreement ${agreement.id} is ${agreement.status}: a payment needs an executed agreement`,
        );
      const [paidUnderAgreement] = await trx
        .select({ total: sql<string>`coalesce(sum(${ledgerTransactions.amountPence}), 0)` })
        .from(ledgerTransactions)
        .where(
          and(
            eq(ledgerTransactions.kind, 'payment'),
            eq(ledgerTransactions.fundingAgreementId, agreement.id),
          ),
        );
      const agreed = Number(agreement.amountPence);
      const paidAgreement = sumOf(paidUnderAgreement?.total);
      if (paidAgreement + payment.amountPence > agreed)
        throw new LedgerRuleError(
          'AGREEMENT_EXCEEDED',
          `Funding agreement ${agreement.id} is for ${formatPounds(agreed)} and ${formatPounds(paidAgreement)} is paid under it already: pay ${formatPounds(agreed - paidAgreement)} or less`,
        );
    },
    checkAccounts: ([allocated, cash]) => {
      const unpaid = -allocated!.balancePence;
      if (payment.amountPence > unpaid)
        throw new LedgerRuleError(
          'INSUFFICIENT_ALLOCATION',
          `${formatPounds(unpaid)} is allocated to this programme and unpaid in ${year}: pay that or less, or allocate more first`,
        );
      if (payment.amountPence > cash!.balancePence)
        throw new LedgerRuleError(
          'INSUFFICIENT_CASH',
          `The fund holds ${formatPounds(cash!.balancePence)} in ${year}: pay that or less`,
        );
    },
  });
}
