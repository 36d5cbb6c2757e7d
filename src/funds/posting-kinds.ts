import type { LedgerTransactionKind } from './ledger-transactions-table.js';

/** What a posting form asks for beyond the year, amount, date and note. */
export type PostingField = 'partner' | 'programme' | 'decision' | 'agreement';

/** Each kind of posting as its form presents it. */
export interface PostingKind {
  readonly kind: LedgerTransactionKind;
  /** The path segment of its form: /staff/funds/{id}/{path}/new, posted to /staff/funds/{id}/{path}. */
  readonly path: string;
  readonly title: string;
  readonly hint: string;
  readonly button: string;
  readonly fields: readonly PostingField[];
  /** Lower case, for messages: "the date of the pledge". */
  readonly noun: string;
}

export const postingKinds: readonly PostingKind[] = [
  {
    kind: 'pledge',
    path: 'pledges',
    title: 'Record a pledge',
    hint: 'What a partner has promised to pay into the fund for a year. No money moves until it is received.',
    button: 'Record pledge',
    fields: ['partner'],
    noun: 'pledge',
  },
  {
    kind: 'receipt',
    path: 'receipts',
    title: 'Record money received',
    hint: 'Money a partner has paid into the fund for a year. It is unallocated until allocated to a programme.',
    button: 'Record receipt',
    fields: ['partner'],
    noun: 'receipt',
  },
  {
    kind: 'allocation',
    path: 'allocations',
    title: 'Allocate money to a programme',
    hint: 'Sets aside money received in a year for a programme. You can allocate only what is unallocated.',
    button: 'Allocate',
    fields: ['programme'],
    noun: 'allocation',
  },
  {
    kind: 'deallocation',
    path: 'deallocations',
    title: 'Release an allocation',
    hint: "Returns money allocated to a programme, and not yet paid, to the year's unallocated money.",
    button: 'Release',
    fields: ['programme'],
    noun: 'release',
  },
  {
    kind: 'payment',
    path: 'payments',
    title: 'Record a payment',
    hint: "Money paid out of a programme's allocation, under an approved decision that covers it and an executed funding agreement.",
    button: 'Record payment',
    fields: ['programme', 'decision', 'agreement'],
    noun: 'payment',
  },
];

/** Words for a kind of transaction in the history and the downloads. */
export const transactionKindLabels: Readonly<Record<LedgerTransactionKind, string>> = {
  pledge: 'Pledge',
  receipt: 'Receipt',
  allocation: 'Allocation',
  deallocation: 'Release',
  payment: 'Payment',
};
