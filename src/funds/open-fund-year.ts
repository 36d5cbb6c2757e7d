import { recordAudit } from '../audit/record-audit.js';
import type { Db } from '../db/db.js';
import { financialYearLabel } from './financial-year-label.js';
import { fundYears } from './fund-years-table.js';
import { LedgerRuleError } from './ledger-rule-error.js';

/**
 * Opens a financial year of a fund, so that postings for it are accepted; YEAR_ALREADY_OPEN when the fund has
 * that year already (open or closed: a closed year is never opened again).
 */
export async function openFundYear(
  db: Db,
  year: {
    readonly fundId: number;
    readonly organisationId: number;
    readonly financialYear: number;
    readonly actorUserId: number | null;
  },
): Promise<void> {
  await db.transaction(async (trx) => {
    const [row] = await trx
      .insert(fundYears)
      .values({ fundId: year.fundId, financialYear: year.financialYear })
      .onConflictDoNothing()
      .returning();
    if (!row)
      throw new LedgerRuleError(
        'YEAR_ALREADY_OPEN',
        `${financialYearLabel(year.financialYear)} is already a year of this fund`,
      );
    await recordAudit(trx, {
      actorUserId: year.actorUserId,
      organisationId: year.organisationId,
      entity: 'fund_years',
      entityId: `${year.fundId}:${year.financialYear}`,
      action: 'open',
      after: row,
    });
  });
}
