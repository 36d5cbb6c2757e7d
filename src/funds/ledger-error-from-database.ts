import { type LedgerRuleCode, LedgerRuleError } from './ledger-rule-error.js';
import type { LedgerTransactionKind } from './ledger-transactions-table.js';
import { sqlStateOf } from './sql-state-of.js';

/** The SQLSTATEs of migrations/0006_ledger_rules.sql, rule by rule. */
const codeOfState: Readonly<Record<string, LedgerRuleCode>> = {
  LF001: 'YEAR_CLOSED',
  LF002: 'YEAR_NOT_OPEN',
  LF003: 'DECISION_NOT_APPROVED',
  LF004: 'DECISION_DOES_NOT_COVER',
  LF005: 'AGREEMENT_NOT_EXECUTED',
  LF006: 'AGREEMENT_EXCEEDED',
  LF007: 'AGREEMENT_MISMATCH',
  LF008: 'LEDGER_UNBALANCED',
  LF009: 'LEDGER_APPEND_ONLY',
  LF010: 'LEDGER_ENTRY_INVALID',
  LF011: 'YEAR_CLOSED',
  LF012: 'AGREEMENT_LOCKED',
};

/** What each refusal means for the person posting, when the database (not the code) caught it. */
const messageOf: Readonly<Record<LedgerRuleCode, string>> = {
  FUND_NOT_FOUND: 'There is no such fund',
  YEAR_NOT_OPEN: 'That financial year is not open in this fund',
  YEAR_CLOSED: 'That financial year is closed: nothing more can be posted to it',
  YEAR_ALREADY_OPEN: 'That financial year is already open',
  INSUFFICIENT_UNALLOCATED: 'There is not enough unallocated money in that year',
  INSUFFICIENT_ALLOCATION: 'There is not enough allocated and unpaid money for that programme in that year',
  INSUFFICIENT_CASH: 'The fund does not hold enough money in that year',
  DECISION_NOT_APPROVED: 'The decision is not approved, signed or published',
  DECISION_DOES_NOT_COVER:
    "The decision's expenditure for that programme and year does not cover this payment",
  AGREEMENT_MISMATCH: 'The funding agreement is not for this fund, programme and decision',
  AGREEMENT_NOT_EXECUTED: 'The funding agreement is not executed',
  AGREEMENT_EXCEEDED: 'Payments under the funding agreement would exceed its amount',
  AGREEMENT_LOCKED: 'The funding agreement cannot be changed that way',
  LEDGER_UNBALANCED: 'The ledger transaction does not balance',
  LEDGER_APPEND_ONLY: 'The ledger is append-only: correct a mistake with a further transaction',
  LEDGER_ENTRY_INVALID: 'The ledger entry does not belong to its transaction',
};

/** The overspend check refuses the account the posting draws on; which one that is follows from its kind. */
const overspendOf: Readonly<Record<LedgerTransactionKind, LedgerRuleCode>> = {
  pledge: 'INSUFFICIENT_CASH',
  receipt: 'INSUFFICIENT_CASH',
  allocation: 'INSUFFICIENT_UNALLOCATED',
  deallocation: 'INSUFFICIENT_ALLOCATION',
  payment: 'INSUFFICIENT_ALLOCATION',
};

/**
 * The LedgerRuleError for a refusal by the database's ledger rules (a trigger's LF SQLSTATE, or the
 * ledger_accounts_no_overspend check while a posting of `kind` applied its entries), or undefined when the
 * error is something else (a lost connection, a bug) and should be thrown as it is.
 */
export function ledgerErrorFromDatabase(
  error: unknown,
  kind?: LedgerTransactionKind,
): LedgerRuleError | undefined {
  if (error instanceof LedgerRuleError) return error;
  const state = sqlStateOf(error);
  if (!state) return undefined;
  let code = codeOfState[state.code];
  if (!code && state.code === '23514' && state.constraint === 'ledger_accounts_no_overspend')
    code = kind ? overspendOf[kind] : 'INSUFFICIENT_CASH';
  if (!code) return undefined;
  return new LedgerRuleError(code, messageOf[code], { cause: error });
}
