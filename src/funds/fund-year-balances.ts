import { sql } from 'drizzle-orm';
import type { Db } from '../db/db.js';
import { queryRows } from '../db/query-rows.js';

/** A fund year's state from its account balances, in plain positive amounts. */
export interface FundYearBalances {
  readonly financialYear: number;
  readonly closedAt: Date | null;
  /** Money the fund holds for the year. */
  readonly cashPence: number;
  /** Received and not yet allocated. */
  readonly unallocatedPence: number;
  /** Allocated to programmes and not yet paid. */
  readonly allocatedPence: number;
  /** Pledged and not yet received, over all partners. */
  readonly outstandingPledgesPence: number;
}

interface Row {
  financial_year: number;
  closed_at: Date | string | null;
  cash: string;
  unallocated: string;
  allocated: string;
  outstanding: string;
}

/** Each year of a fund, oldest first, with its balances as the ledger accounts hold them. */
export async function fundYearBalances(db: Db, fundId: number): Promise<FundYearBalances[]> {
  const rows = await queryRows<Row>(
    db,
    sql`select y.financial_year, y.closed_at,
          coalesce(sum(a.balance_pence) filter (where a.kind = 'cash'), 0)::text as cash,
          coalesce(-sum(a.balance_pence) filter (where a.kind = 'unallocated'), 0)::text as unallocated,
          coalesce(-sum(a.balance_pence) filter (where a.kind = 'allocated'), 0)::text as allocated,
          coalesce(sum(greatest(a.balance_pence, 0)) filter (where a.kind = 'pledge-receivable'), 0)::text as outstanding
        from fund_years y
        left join ledger_accounts a on a.fund_id = y.fund_id and a.financial_year = y.financial_year
        where y.fund_id = ${fundId}
        group by y.financial_year, y.closed_at
        order by y.financial_year`,
  );
  return rows.map((r) => ({
    financialYear: r.financial_year,
    closedAt: r.closed_at === null ? null : new Date(r.closed_at),
    cashPence: Number(r.cash),
    unallocatedPence: Number(r.unallocated),
    allocatedPence: Number(r.allocated),
    outstandingPledgesPence: Number(r.outstanding),
  }));
}
