import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { Db } from '../db/db.js';
import { financialYearLabel } from './financial-year-label.js';
import { fundYears } from './fund-years-table.js';
import { ledgerErrorFromDatabase } from './ledger-error-from-database.js';
import { LedgerRuleError } from './ledger-rule-error.js';

/**
 * Closes a financial year of a fund: from then on every posting for it is refused (YEAR_CLOSED), in code and
 * in the database. Closing is final: there is no reopening, in code or in the database. Waits for postings to
 * the year that are in flight (they hold its row for share). YEAR_NOT_OPEN when the fund has no such year,
 * YEAR_CLOSED when it is closed already.
 */
export async function closeFundYear(
  db: Db,
  year: {
    readonly fundId: number;
    readonly organisationId: number;
    readonly financialYear: number;
    readonly actorUserId: number | null;
    readonly closedAt?: Date;
    readonly reason?: string;
  },
): Promise<void> {
  const label = financialYearLabel(year.financialYear);
  try {
    await db.transaction(async (trx) => {
      const which = and(eq(fundYears.fundId, year.fundId), eq(fundYears.financialYear, year.financialYear));
      const [row] = await trx
        .update(fundYears)
        .set({ closedAt: year.closedAt ?? new Date() })
        .where(and(which, isNull(fundYears.closedAt)))
        .returning();
      if (!row) {
        const [existing] = await trx.select().from(fundYears).where(which);
        if (!existing) throw new LedgerRuleError('YEAR_NOT_OPEN', `${label} is not a year of this fund`);
        throw new LedgerRuleError('YEAR_CLOSED', `${label} is closed already`);
      }
      await recordAudit(trx, {
        actorUserId: year.actorUserId,
        organisationId: year.organisationId,
        entity: 'fund_years',
        entityId: `${year.fundId}:${year.financialYear}`,
        action: 'close',
        before: { ...row, closedAt: null },
        after: row,
        reason: year.reason ?? null,
      });
    });
  } catch (error) {
    throw ledgerErrorFromDatabase(error) ?? error;
  }
}
