import { AppError } from '../errors/app-error.js';

/** Why the ledger refused a posting or a change to a fund: each rule's stable code. */
export const ledgerRuleCodes = [
  'FUND_NOT_FOUND',
  'YEAR_NOT_OPEN',
  'YEAR_CLOSED',
  'YEAR_ALREADY_OPEN',
  'INSUFFICIENT_UNALLOCATED',
  'INSUFFICIENT_ALLOCATION',
  'INSUFFICIENT_CASH',
  'DECISION_NOT_APPROVED',
  'DECISION_DOES_NOT_COVER',
  'AGREEMENT_MISMATCH',
  'AGREEMENT_NOT_EXECUTED',
  'AGREEMENT_EXCEEDED',
  'AGREEMENT_LOCKED',
  'LEDGER_UNBALANCED',
  'LEDGER_APPEND_ONLY',
  'LEDGER_ENTRY_INVALID',
] as const;
export type LedgerRuleCode = (typeof ledgerRuleCodes)[number];

/**
 * A posting (or a change to a fund's years or agreements) that breaks a rule of the ledger: 409 with the
 * rule's code. The code raises it before writing; the database raises the same rule when the code's check is
 * bypassed or raced, and ledgerErrorFromDatabase turns that into this error with the same code. The message
 * is written for the person who filled in the form.
 */
export class LedgerRuleError extends AppError {
  declare readonly code: LedgerRuleCode;

  constructor(code: LedgerRuleCode, message: string, options?: { cause?: unknown }) {
    super(code, message, 409, options);
  }
}
