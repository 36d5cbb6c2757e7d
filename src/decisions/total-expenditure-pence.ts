import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/db.js';
import { decisionExpenditures } from './decision-expenditures-table.js';

/** The total a decision spends, in pence (receipts are not spending). */
export async function totalExpenditurePence(db: Db, decisionId: number): Promise<number> {
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${decisionExpenditures.amountPence}), 0)` })
    .from(decisionExpenditures)
    .where(
      and(eq(decisionExpenditures.decisionId, decisionId), eq(decisionExpenditures.direction, 'expenditure')),
    );
  return Number(row?.total ?? 0);
}
