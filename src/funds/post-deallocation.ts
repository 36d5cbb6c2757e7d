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
 * Money released from a programme back to the year's unallocated money: Dr allocated(programme), Cr
 * unallocated. Refused (INSUFFICIENT_ALLOCATION) beyond what is allocated to the programme and not yet paid.
 */
export function postDeallocation(
  db: Db,
  deallocation: PostingHeader & { readonly programmeId: number },
): Promise<PostedTransaction> {
  return postLedgerTransaction(db, {
    kind: 'deallocation',
    header: deallocation,
    parties: { programmeId: deallocation.programmeId },
    legs: [
      { account: { kind: 'allocated', programmeId: deallocation.programmeId }, side: 'debit' },
      { account: { kind: 'unallocated' }, side: 'credit' },
    ],
    checkAccounts: ([allocated]) => {
      const unpaid = -allocated!.balancePence;
      if (deallocation.amountPence > unpaid)
        throw new LedgerRuleError(
          'INSUFFICIENT_ALLOCATION',
          `${formatPounds(unpaid)} is allocated to this programme and unpaid in ${financialYearLabel(deallocation.financialYear)}: release that or less`,
        );
    },
  });
}
