import { recordAudit } from '../audit/record-audit.js';
import type { Db } from '../db/db.js';
import { FundSlugTakenError } from './fund-slug-taken-error.js';
import { funds } from './funds-table.js';
import { sqlStateOf } from './sql-state-of.js';

export interface NewFund {
  readonly organisationId: number;
  readonly slug: string;
  readonly name: string;
  readonly description?: string;
  readonly actorUserId: number | null;
}

/** Creates a pooled fund held by an organisation, with its audit entry; FundSlugTakenError when the slug is used. */
export async function createFund(db: Db, fund: NewFund): Promise<number> {
  try {
    return await db.transaction(async (trx) => {
      const [row] = await trx
        .insert(funds)
        .values({
          organisationId: fund.organisationId,
          slug: fund.slug,
          name: fund.name,
          description: fund.description ?? '',
        })
        .returning();
      await recordAudit(trx, {
        actorUserId: fund.actorUserId,
        organisationId: fund.organisationId,
        entity: 'funds',
        entityId: row!.id,
        action: 'create',
        after: row,
      });
      return row!.id;
    });
  } catch (error) {
    const state = sqlStateOf(error);
    if (state?.code === '23505' && state.constraint === 'funds_slug_unique')
      throw new FundSlugTakenError(fund.slug);
    throw error;
  }
}
