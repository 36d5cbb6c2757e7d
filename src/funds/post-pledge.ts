import type { Db } from '../db/db.js';
import {
  type PostedTransaction,
  type PostingHeader,
  postLedgerTransaction,
} from './post-ledger-transaction.js';

/**
 * A partner's pledge to the fund for a year: Dr pledge-receivable(partner), Cr pledged(partner). A memorandum
 * pair only: no money moves until the partner's receipt.
 */
export function postPledge(
  db: Db,
  pledge: PostingHeader & { readonly partnerOrganisationId: number },
): Promise<PostedTransaction> {
  const partner = { organisationId: pledge.partnerOrganisationId };
  return postLedgerTransaction(db, {
    kind: 'pledge',
    header: pledge,
    parties: { partnerOrganisationId: pledge.partnerOrganisationId },
    legs: [
      { account: { kind: 'pledge-receivable', ...partner }, side: 'debit' },
      { account: { kind: 'pledged', ...partner }, side: 'credit' },
    ],
  });
}
