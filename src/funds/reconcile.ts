import { sql } from 'drizzle-orm';
import type { Db } from '../db/db.js';
import { queryRows } from '../db/query-rows.js';
import { formatPounds } from '../money/format-pounds.js';
import { financialYearLabel } from './financial-year-label.js';

/** Whether a fund's ledger holds together, and if not, each discrepancy in words. */
export interface Reconciliation {
  readonly ok: boolean;
  readonly problems: readonly string[];
}

interface AccountRow {
  id: number;
  financial_year: number;
  kind: string;
  organisation_id: number | null;
  programme_id: number | null;
  balance: string;
  entries: string;
}

interface TransactionRow {
  id: number;
  kind: string;
  financial_year: number;
  amount: string;
  partner_organisation_id: number | null;
  programme_id: number | null;
  entry_count: number;
  total: string;
}

const keyOf = (year: number, kind: string, organisationId: number | null, programmeId: number | null) =>
  `${year}|${kind}|${organisationId ?? ''}|${programmeId ?? ''}`;

function describeKey(key: string): string {
  const [year, kind, organisation, programme] = key.split('|');
  const owner = organisation
    ? ` of organisation ${organisation}`
    : programme
      ? ` for programme ${programme}`
      : '';
  return `${kind}${owner} in ${financialYearLabel(Number(year))}`;
}

/** What each kind of transaction moves, debit-positive, by account: the postings' legs, from the transactions alone. */
function expectedMoves(t: TransactionRow): [string, number][] {
  const a = Number(t.amount);
  const y = t.financial_year;
  const partner = t.partner_organisation_id;
  const programme = t.programme_id;
  switch (t.kind) {
    case 'pledge':
      return [
        [keyOf(y, 'pledge-receivable', partner, null), a],
        [keyOf(y, 'pledged', partner, null), -a],
      ];
    case 'receipt':
      return [
        [keyOf(y, 'cash', null, null), a],
        [keyOf(y, 'unallocated', null, null), -a],
        [keyOf(y, 'pledged', partner, null), a],
        [keyOf(y, 'pledge-receivable', partner, null), -a],
      ];
    case 'allocation':
      return [
        [keyOf(y, 'unallocated', null, null), a],
        [keyOf(y, 'allocated', null, programme), -a],
      ];
    case 'deallocation':
      return [
        [keyOf(y, 'allocated', null, programme), a],
        [keyOf(y, 'unallocated', null, null), -a],
      ];
    default:
      return [
        [keyOf(y, 'allocated', null, programme), a],
        [keyOf(y, 'cash', null, null), -a],
      ];
  }
}

/**
 * Recomputes a fund's ledger from scratch and says where it disagrees with itself:
 * - each account's balance_pence against the sum of its entries;
 * - each transaction's entries: at least two, summing to zero;
 * - each account's entries against what the fund's transactions say it should hold (the reports are read from
 *   the transactions, so this ties them to the accounts);
 * - each year: cash equals unallocated plus every programme's allocation (cash + unallocated + allocated = 0,
 *   debit-positive), cash never below zero, unallocated and allocated never the wrong side;
 * - each partner's memorandum pair nets to zero.
 * Used by the tests after every posting and shown on the staff fund page.
 */
export async function reconcile(db: Db, fundId: number): Promise<Reconciliation> {
  const accounts = await queryRows<AccountRow>(
    db,
    sql`select a.id, a.financial_year, a.kind, a.organisation_id, a.programme_id,
          a.balance_pence::text as balance, coalesce(sum(e.amount_pence), 0)::text as entries
        from ledger_accounts a left join ledger_entries e on e.account_id = a.id
        where a.fund_id = ${fundId}
        group by a.id order by a.id`,
  );
  const transactions = await queryRows<TransactionRow>(
    db,
    sql`select t.id, t.kind, t.financial_year, t.amount_pence::text as amount, t.partner_organisation_id,
          t.programme_id, count(e.id)::int as entry_count, coalesce(sum(e.amount_pence), 0)::text as total
        from ledger_transactions t left join ledger_entries e on e.transaction_id = t.id
        where t.fund_id = ${fundId}
        group by t.id order by t.id`,
  );
  const problems: string[] = [];

  const fromEntries = new Map<string, number>();
  for (const a of accounts) {
    const key = keyOf(a.financial_year, a.kind, a.organisation_id, a.programme_id);
    const entries = Number(a.entries);
    fromEntries.set(key, entries);
    if (Number(a.balance) !== entries)
      problems.push(
        `The balance of ${describeKey(key)} is ${formatPounds(Number(a.balance))} but its entries add up to ${formatPounds(entries)}`,
      );
  }

  const fromTransactions = new Map<string, number>();
  for (const t of transactions) {
    if (Number(t.entry_count) < 2 || Number(t.total) !== 0)
      problems.push(
        `Transaction ${t.id} (${t.kind}) has ${t.entry_count} entries adding up to ${formatPounds(Number(t.total))}, not balancing`,
      );
    for (const [key, amount] of expectedMoves(t))
      fromTransactions.set(key, (fromTransactions.get(key) ?? 0) + amount);
  }
  for (const key of new Set([...fromEntries.keys(), ...fromTransactions.keys()])) {
    const entries = fromEntries.get(key) ?? 0;
    const expected = fromTransactions.get(key) ?? 0;
    if (entries !== expected)
      problems.push(
        `The entries of ${describeKey(key)} add up to ${formatPounds(entries)} but its transactions say ${formatPounds(expected)}`,
      );
  }

  const years = new Map<number, { cash: number; unallocated: number; allocated: number }>();
  const pairs = new Map<string, number>();
  for (const [key, amount] of fromEntries) {
    const [yearText, kind, organisation] = key.split('|');
    const year = Number(yearText);
    const totals = years.get(year) ?? { cash: 0, unallocated: 0, allocated: 0 };
    if (kind === 'cash') totals.cash += amount;
    if (kind === 'unallocated') totals.unallocated += amount;
    if (kind === 'allocated') {
      totals.allocated += amount;
      if (amount > 0) problems.push(`${describeKey(key)} is overspent by ${formatPounds(amount)}`);
    }
    if (kind === 'pledged' || kind === 'pledge-receivable') {
      const pair = `${year}|${organisation}`;
      pairs.set(pair, (pairs.get(pair) ?? 0) + amount);
    }
    years.set(year, totals);
  }
  for (const [year, t] of [...years].sort(([a], [b]) => a - b)) {
    const label = financialYearLabel(year);
    if (t.cash + t.unallocated + t.allocated !== 0)
      problems.push(
        `In ${label} the fund holds ${formatPounds(t.cash)} but ${formatPounds(-t.unallocated)} is unallocated and ${formatPounds(-t.allocated)} allocated and unpaid`,
      );
    if (t.cash < 0) problems.push(`In ${label} the fund holds less than nothing: ${formatPounds(t.cash)}`);
    if (t.unallocated > 0) problems.push(`In ${label} more is allocated than was received`);
  }
  for (const [pair, net] of pairs) {
    const [year, organisation] = pair.split('|');
    if (net !== 0)
      problems.push(
        `The pledge accounts of organisation ${organisation} in ${financialYearLabel(Number(year))} do not net to zero (${formatPounds(net)})`,
      );
  }
  return { ok: problems.length === 0, problems };
}
