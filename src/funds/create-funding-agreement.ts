import { recordAudit } from '../audit/record-audit.js';
import type { Db } from '../db/db.js';
import { fundingAgreements } from './funding-agreements-table.js';

export interface NewFundingAgreement {
  readonly fundId: number;
  readonly organisationId: number;
  readonly programmeId: number;
  readonly decisionId: number;
  readonly recipient: string;
  readonly amountPence: number;
  readonly actorUserId: number | null;
  readonly isDemo?: boolean;
}

/** Records a draft funding agreement (payments wait for it to be executed), with its audit entry. */
export async function createFundingAgreement(db: Db, agreement: NewFundingAgreement): Promise<number> {
  return db.transaction(async (trx) => {
    const [row] = await trx
      .insert(fundingAgreements)
      .values({
        fundId: agreement.fundId,
        programmeId: agreement.programmeId,
        decisionId: agreement.decisionId,
        recipient: agreement.recipient,
        amountPence: agreement.amountPence,
        isDemo: agreement.isDemo ?? false,
      })
      .returning();
    await recordAudit(trx, {
      actorUserId: agreement.actorUserId,
      organisationId: agreement.organisationId,
      entity: 'funding_agreements',
      entityId: row!.id,
      action: 'create',
      after: row,
    });
    return row!.id;
  });
}
