import type { Db } from '../db/db.js';
import { formatPounds } from '../money/format-pounds.js';
import { financialYearLabel } from './financial-year-label.js';
import { LedgerRuleError } from './ledger-rule-error.js';
import {
  type PostedTransaction,
  type PostingHeader,
  postLedgerTransaction,
} from './post-ledger-transaction.js';

/**
 * Money set aside for a programme in a year: Dr unallocated, Cr allocated(programme). Refused
 * (INSUFFICIENT_UNALLOCATED) beyond what the year has received and not yet allocated.
 */
export function postAllocation(
  db: Db,
  allocation: PostingHeader & { readonly programmeId: number },
): Promise<PostedTransaction> {
  return postLedgerTransaction(db, {
    kind: 'allocation',
    header: allocation,
    parties: { programmeId: allocation.programmeId },
    legs: [
      { account: { kind: 'unallocated' }, side: 'debit' },
      { account: { kind: 'allocated', programmeId: allocation.programmeId }, side: 'credit' },
    ],
    checkAccounts: ([unallocated]) => {
      const available = -unallocated!.balancePence;
      if (allocation.amountPence > available)
        throw new LedgerRuleError(
          'INSUFFICIENT_UNALLOCATED',
          `${formatPounds(available)} is unallocated in ${financialYearLabel(allocation.financialYear)}: allocate that or less`,
        );
    },
  });
}
