import { and, count, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { Db } from '../db/db.js';
import { ForbiddenError } from '../errors/forbidden-error.js';
import { formatPounds } from '../money/format-pounds.js';
import { hasRole } from '../people/has-role.js';
import { organisations } from '../people/organisations-table.js';
import type { StaffUser } from '../people/staff-user.js';
import { decisionDocuments } from './decision-documents-table.js';
import { DecisionNotFoundError } from './decision-not-found-error.js';
import { DecisionStatusConflictError } from './decision-status-conflict-error.js';
import { DecisionTransitionRefusedError } from './decision-transition-refused-error.js';
import { type DecisionAction, findTransition } from './decision-workflow.js';
import { decisions } from './decisions-table.js';
import { requiredGlaDecisionType } from './required-gla-decision-type.js';
import { SelfApprovalError } from './self-approval-error.js';
import { sqlStateOf } from './sql-state-of.js';
import { totalExpenditurePence } from './total-expenditure-pence.js';
import { withArticle } from './with-article.js';

/** What a person asks of the workflow, with what the transition's rules may need. */
export interface TransitionRequest {
  readonly actor: StaffUser;
  readonly decisionId: number;
  readonly action: DecisionAction;
  /** Why: required to return, defer or withdraw. */
  readonly reason?: string;
  /** Until when publication is deferred (ISO date), to defer. */
  readonly deferredUntil?: string | null;
  /** Why a GLA decision's type differs from what its total requires, to submit it anyway. */
  readonly thresholdOverrideReason?: string;
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Moves a decision along the workflow (decision-workflow.ts), in one transaction: the decision is locked,
 * the transition looked up from its status (none: DecisionStatusConflictError, 409), the person's role in
 * the owning organisation checked (ForbiddenError), then the transition's rules; the status changes only
 * `where status = <from>`, so of two people racing, one wins and the other gets the 409. The dates and
 * people the transition sets are written with it, and an audit entry named after the action records the
 * status and fields before and after, and the reason.
 */
export async function applyDecisionTransition(db: Db, request: TransitionRequest) {
  const { actor, decisionId, action } = request;
  return db.transaction(async (trx) => {
    const [decision] = await trx
      .select({
        id: decisions.id,
        status: decisions.status,
        type: decisions.type,
        organisationId: decisions.organisationId,
        organisationSlug: organisations.slug,
        authorUserId: decisions.authorUserId,
        novelOrContentious: decisions.novelOrContentious,
        thresholdOverrideReason: decisions.thresholdOverrideReason,
        decisionDate: decisions.decisionDate,
      })
      .from(decisions)
      .innerJoin(organisations, eq(organisations.id, decisions.organisationId))
      .where(eq(decisions.id, decisionId))
      .for('update', { of: decisions });
    // Outside the owning organisation only published decisions exist, and those have no actions left.
    if (!decision || (!hasRole(actor, decision.organisationId, 'viewer') && decision.status !== 'published'))
      throw new DecisionNotFoundError(decisionId);
    const transition = findTransition(decision.status, action);
    if (!transition) throw new DecisionStatusConflictError(decision.status, action);
    if (!hasRole(actor, decision.organisationId, transition.minimumRole))
      throw new ForbiddenError(
        `only an ${transition.minimumRole} of the owning organisation can ${action} it`,
      );

    const reason = request.reason?.trim() ?? '';
    const changes: Record<string, unknown> = {};
    let auditReason: string | null = reason || null;
    for (const rule of transition.rules) {
      if (rule === 'not-author' && decision.authorUserId === actor.id) throw new SelfApprovalError();
      if (rule === 'reason' && reason === '')
        throw new DecisionTransitionRefusedError(
          'REASON_REQUIRED',
          'reason',
          `Enter the reason to ${action} it`,
        );
      if (rule === 'deferred-until') {
        const until = request.deferredUntil ?? null;
        if (until === null || until < today())
          throw new DecisionTransitionRefusedError(
            'DEFERRED_UNTIL_INVALID',
            'deferredUntil',
            'Enter the date until which publication is deferred: today or later',
          );
        changes.deferralReason = reason;
        changes.deferredUntil = until;
      }
      if (rule === 'signed-document') {
        const [documents] = await trx
          .select({ n: count() })
          .from(decisionDocuments)
          .where(eq(decisionDocuments.decisionId, decisionId));
        if (Number(documents?.n ?? 0) === 0)
          throw new DecisionTransitionRefusedError(
            'SIGNED_DOCUMENT_REQUIRED',
            'file',
            'Upload the signed decision form (a PDF) before signing',
          );
      }
      if (rule === 'gla-thresholds') {
        const total = await totalExpenditurePence(trx, decisionId);
        const required = requiredGlaDecisionType({ ...decision, totalExpenditurePence: total });
        const override = request.thresholdOverrideReason?.trim() ?? '';
        if (required !== null && required !== decision.type) {
          if (override === '')
            throw new DecisionTransitionRefusedError(
              'THRESHOLD_TYPE_MISMATCH',
              'thresholdOverrideReason',
              `The GLA's thresholds make ${decision.novelOrContentious ? 'a novel or contentious decision' : `a decision spending ${formatPounds(total)}`} ${withArticle(required)}, but this is ${withArticle(decision.type)}: change its type, or give the reason it should be ${withArticle(decision.type)}`,
            );
          changes.thresholdOverrideReason = override;
          auditReason = override;
        } else if (decision.thresholdOverrideReason !== null) {
          changes.thresholdOverrideReason = null;
        }
      }
    }
    if (action === 'approve') {
      changes.approvedByUserId = actor.id;
      changes.approvedAt = sql`now()`;
    }
    if (action === 'sign') {
      changes.signedAt = sql`now()`;
      // The form is dated when the decision-maker signs, unless it carried a date already.
      if (decision.decisionDate === null) changes.decisionDate = sql`current_date`;
    }
    if (action === 'publish') changes.publishedAt = sql`now()`;

    const [updated] = await trx
      .update(decisions)
      .set({ ...changes, status: transition.to, updatedAt: sql`now()` })
      .where(and(eq(decisions.id, decisionId), eq(decisions.status, transition.from)))
      .returning({
        id: decisions.id,
        status: decisions.status,
        approvedByUserId: decisions.approvedByUserId,
        approvedAt: decisions.approvedAt,
        signedAt: decisions.signedAt,
        publishedAt: decisions.publishedAt,
        decisionDate: decisions.decisionDate,
        deferralReason: decisions.deferralReason,
        deferredUntil: decisions.deferredUntil,
        thresholdOverrideReason: decisions.thresholdOverrideReason,
      })
      .catch((error: unknown) => {
        if (sqlStateOf(error)?.constraint === 'decisions_approver_not_author') throw new SelfApprovalError();
        throw error;
      });
    if (!updated) throw new DecisionStatusConflictError(transition.to, action);
    const before: Record<string, unknown> = { status: transition.from };
    const after: Record<string, unknown> = { status: transition.to };
    for (const name of Object.keys(changes) as (keyof typeof updated)[]) {
      before[name] = name in decision ? decision[name as keyof typeof decision] : null;
      after[name] = updated[name];
    }
    await recordAudit(trx, {
      actorUserId: actor.id,
      organisationId: decision.organisationId,
      entity: 'decisions',
      entityId: decisionId,
      action,
      before,
      after,
      reason: auditReason,
    });
    return { from: transition.from, to: transition.to, decision: updated };
  });
}
