import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { Db } from '../db/db.js';
import { fundingAgreements } from './funding-agreements-table.js';
import { ledgerErrorFromDatabase } from './ledger-error-from-database.js';
import { LedgerRuleError } from './ledger-rule-error.js';

/**
 * Terminates an executed funding agreement, for a reason kept in the audit log: no further payment is made
 * under it; payments already made stand. AGREEMENT_LOCKED unless it is executed and of this fund.
 */
export async function terminateFundingAgreement(
  db: Db,
  change: {
    readonly fundId: number;
    readonly organisationId: number;
    readonly agreementId: number;
    readonly reason: string;
    readonly actorUserId: number | null;
  },
): Promise<void> {
  try {
    await db.transaction(async (trx) => {
      const which = and(
        eq(fundingAgreements.id, change.agreementId),
        eq(fundingAgreements.fundId, change.fundId),
      );
      const [before] = await trx.select().from(fundingAgreements).where(which).for('update');
      if (before?.status !== 'executed')
        throw new LedgerRuleError(
          'AGREEMENT_LOCKED',
          `Funding agreement ${change.agreementId} is ${before?.status ?? 'not recorded'}: only an executed agreement can be terminated`,
        );
      const [after] = await trx
        .update(fundingAgreements)
        .set({ status: 'terminated', updatedAt: sql`now()` })
        .where(which)
        .returning();
      await recordAudit(trx, {
        actorUserId: change.actorUserId,
        organisationId: change.organisationId,
        entity: 'funding_agreements',
        entityId: change.agreementId,
        action: 'terminate',
        before,
        after,
        reason: change.reason,
      });
    });
  } catch (error) {
    throw ledgerErrorFromDatabase(error) ?? error;
  }
}
