import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { Db } from '../db/db.js';
import { fundingAgreements } from './funding-agreements-table.js';
import { ledgerErrorFromDatabase } from './ledger-error-from-database.js';
import { LedgerRuleError } from './ledger-rule-error.js';

/**
 * Marks a draft funding agreement executed (signed by both sides) on a date: payments under it are accepted
 * from then on, and its terms are fixed. AGREEMENT_LOCKED unless it is a draft of this fund.
 */
export async function executeFundingAgreement(
  db: Db,
  change: {
    readonly fundId: number;
    readonly organisationId: number;
    readonly agreementId: number;
    readonly executedOn: string;
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
      if (before?.status !== 'draft')
        throw new LedgerRuleError(
          'AGREEMENT_LOCKED',
          `Funding agreement ${change.agreementId} is ${before?.status ?? 'not recorded'}: only a draft can be executed`,
        );
      const [after] = await trx
        .update(fundingAgreements)
        .set({ status: 'executed', executedOn: change.executedOn, updatedAt: sql`now()` })
        .where(which)
        .returning();
      await recordAudit(trx, {
        actorUserId: change.actorUserId,
        organisationId: change.organisationId,
        entity: 'funding_agreements',
        entityId: change.agreementId,
        action: 'execute',
        before,
        after,
      });
    });
  } catch (error) {
    throw ledgerErrorFromDatabase(error) ?? error;
  }
}
