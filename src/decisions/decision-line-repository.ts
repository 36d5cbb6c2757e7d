import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { Db } from '../db/db.js';
import { decisionExpenditures } from './decision-expenditures-table.js';
import { decisionMilestones } from './decision-milestones-table.js';
import { decisionRelations } from './decision-relations-table.js';
import { lockEditableDecision } from './decision-repository.js';
import { decisionRisks } from './decision-risks-table.js';
import { decisions } from './decisions-table.js';

/** A line to add to a decision, by kind, with its values as the line forms give them. */
export type NewDecisionLine =
  | {
      readonly kind: 'expenditure';
      readonly values: {
        readonly direction: 'expenditure' | 'receipt';
        readonly amountPence: number;
        readonly financialYear: number;
        readonly budget: string;
        readonly programmeId: number | null;
        readonly recipient: string;
        readonly kind: 'grant' | 'procurement' | 'contribution' | 'other';
        readonly description: string;
      };
    }
  | {
      readonly kind: 'risk';
      readonly values: {
        readonly description: string;
        readonly mitigation: string;
        readonly rag: 'red' | 'amber' | 'green';
      };
    }
  | {
      readonly kind: 'milestone';
      readonly values: { readonly description: string; readonly dueOn: string | null };
    }
  | {
      readonly kind: 'relation';
      readonly values: {
        readonly kind: 'continues' | 'amends' | 'supersedes';
        readonly relatedDecisionId: number;
      };
    };

/** The kinds of line that have their own id (a relation is keyed by the two decisions). */
export type NumberedLineKind = 'expenditure' | 'risk' | 'milestone';

const numberedTables = {
  expenditure: decisionExpenditures,
  risk: decisionRisks,
  milestone: decisionMilestones,
} as const;

const entityOf = {
  expenditure: 'decision_expenditures',
  risk: 'decision_risks',
  milestone: 'decision_milestones',
  relation: 'decision_relations',
} as const;

async function touch(db: Db, decisionId: number): Promise<void> {
  await db.update(decisions).set({ updatedAt: sql`now()` }).where(eq(decisions.id, decisionId));
}

/**
 * Adds a line (money, a risk, a milestone, a related decision) to a draft or returned decision, with its
 * audit entry; the decision is locked meanwhile so that it cannot be submitted half-changed. Returns the
 * audit entity id of the line.
 */
export async function addDecisionLine(
  db: Db,
  actorUserId: number | null,
  decisionId: number,
  line: NewDecisionLine,
): Promise<string> {
  return db.transaction(async (trx) => {
    const decision = await lockEditableDecision(trx, decisionId);
    let row: object | undefined;
    if (line.kind === 'relation') {
      [row] = await trx
        .insert(decisionRelations)
        .values({ decisionId, ...line.values })
        .returning();
    } else if (line.kind === 'expenditure') {
      [row] = await trx
        .insert(decisionExpenditures)
        .values({ decisionId, ...line.values })
        .returning();
    } else if (line.kind === 'risk') {
      [row] = await trx
        .insert(decisionRisks)
        .values({ decisionId, ...line.values })
        .returning();
    } else {
      [row] = await trx
        .insert(decisionMilestones)
        .values({ decisionId, ...line.values })
        .returning();
    }
    const entityId =
      line.kind === 'relation'
        ? `${decisionId}:${line.values.relatedDecisionId}`
        : String((row as { id: number }).id);
    await recordAudit(trx, {
      actorUserId,
      organisationId: decision.organisationId,
      entity: entityOf[line.kind],
      entityId,
      action: 'create',
      after: row!,
    });
    await touch(trx, decisionId);
    return entityId;
  });
}

/**
 * Removes a line from a draft or returned decision. A draft is not a published record, so its lines may go,
 * but the audit entry keeps what was removed. Returns false when the decision has no such line.
 */
export async function removeDecisionLine(
  db: Db,
  actorUserId: number,
  decisionId: number,
  line:
    | { readonly kind: NumberedLineKind; readonly id: number }
    | { readonly kind: 'relation'; readonly relatedDecisionId: number },
): Promise<boolean> {
  return db.transaction(async (trx) => {
    const decision = await lockEditableDecision(trx, decisionId);
    let removed: unknown;
    let entityId: string;
    if (line.kind === 'relation') {
      [removed] = await trx
        .delete(decisionRelations)
        .where(
          and(
            eq(decisionRelations.decisionId, decisionId),
            eq(decisionRelations.relatedDecisionId, line.relatedDecisionId),
          ),
        )
        .returning();
      entityId = `${decisionId}:${line.relatedDecisionId}`;
    } else {
      const table = numberedTables[line.kind];
      [removed] = await trx
        .delete(table)
        .where(and(eq(table.id, line.id), eq(table.decisionId, decisionId)))
        .returning();
      entityId = String(line.id);
    }
    if (!removed) return false;
    await recordAudit(trx, {
      actorUserId,
      organisationId: decision.organisationId,
      entity: entityOf[line.kind],
      entityId,
      action: 'remove',
      before: removed,
    });
    await touch(trx, decisionId);
    return true;
  });
}
