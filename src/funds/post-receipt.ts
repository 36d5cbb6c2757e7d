import type { Db } from '../db/db.js';
import {
  type PostedTransaction,
  type PostingHeader,
  postLedgerTransaction,
} from './post-ledger-transaction.js';

/**
 * Money received from a partner for a year: Dr cash, Cr unallocated; and the memorandum pair reversed by the
 * same amount (Dr pledged(partner), Cr pledge-receivable(partner)), so the pair's balance is always what the
 * partner has pledged and not yet paid. A receipt beyond the pledge is accepted (the money is in the bank):
 * the pair then goes the other way, and the reports show it as received beyond the pledge.
 */
export function postReceipt(
  db: Db,
  receipt: PostingHeader & { readonly partnerOrganisationId: number },
): Promise<PostedTransaction> {
  const partner = { organisationId: receipt.partnerOrganisationId };
  return postLedgerTransaction(db, {
    kind: 'receipt',
    header: receipt,
    parties: { partnerOrganisationId: receipt.partnerOrganisationId },
    legs: [
      { account: { kind: 'cash' }, side: 'debit' },
      { account: { kind: 'unallocated' }, side: 'credit' },
      { account: { kind: 'pledged', ...partner }, side: 'debit' },
      { account: { kind: 'pledge-receivable', ...partner }, side: 'credit' },
    ],
  });
}
