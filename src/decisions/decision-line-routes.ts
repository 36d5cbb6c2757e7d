import { and, asc, eq, isNull } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { z } from 'zod';
import { type FormErrors, formErrors, formErrorsOf } from '../app/form-errors.js';
import type { Database } from '../db/database.js';
import { ForbiddenError } from '../errors/forbidden-error.js';
import { requireStaff, staffOf } from '../people/require-staff.js';
import type { StaffUser } from '../people/staff-user.js';
import { programmes } from '../programmes/programmes-table.js';
import { decisionAccess } from './decision-access.js';
import { decisionId } from './decision-id.js';
import { decisionLineFieldIds, decisionLineForms } from './decision-line-forms.js';
import { addDecisionLine, type NumberedLineKind, removeDecisionLine } from './decision-line-repository.js';
import { DecisionNotEditableError } from './decision-not-editable-error.js';
import { DecisionNotFoundError } from './decision-not-found-error.js';
import { decisionRelations } from './decision-relations-table.js';
import { type Decision, findDecision } from './decision-repository.js';
import { editableStatuses } from './decision-workflow.js';

/** Each line's URL segment, page title and button. */
const lineKinds = {
  expenditure: {
    segment: 'expenditures',
    title: 'Add a money line',
    button: 'Add the line',
    anchor: 'money',
  },
  risk: { segment: 'risks', title: 'Add a risk', button: 'Add the risk', anchor: 'risks' },
  milestone: {
    segment: 'milestones',
    title: 'Add a milestone',
    button: 'Add the milestone',
    anchor: 'milestones',
  },
  relation: {
    segment: 'relations',
    title: 'Add a related decision',
    button: 'Add the related decision',
    anchor: 'related',
  },
} as const;

type LineKind = keyof typeof lineKinds;

/**
 * The lines of a draft or returned decision, without JavaScript: a small page with a form to add each kind of
 * line (money, risk, milestone, related decision), and a POST to remove one (a button beside it on the
 * decision's page). Only editors of the owning organisation; every addition and removal is audited.
 */
export async function decisionLineRoutes(
  app: FastifyInstance,
  options: { database: Database },
): Promise<void> {
  const { db } = options.database;

  async function editableDecision(user: StaffUser, params: unknown): Promise<Decision> {
    const id = decisionId(params);
    const decision = await findDecision(db, { id });
    if (!decision || !decisionAccess(user, decision).canSee) throw new DecisionNotFoundError(id);
    if (!decisionAccess(user, decision).canEdit)
      throw new ForbiddenError('only an editor of the owning organisation can change this decision');
    if (!editableStatuses.includes(decision.status)) throw new DecisionNotEditableError(decision.status);
    return decision;
  }

  /** Why the decision cannot be related to `related`, or null. */
  async function relationProblem(
    user: StaffUser,
    decision: Decision,
    related: Decision | undefined,
    reference: string,
  ): Promise<string | null> {
    if (!related || !decisionAccess(user, related).canSee)
      return `There is no decision ${reference} that you can see`;
    if (related.id === decision.id) return 'A decision cannot be related to itself';
    const existing = await db
      .select({ kind: decisionRelations.kind })
      .from(decisionRelations)
      .where(
        and(
          eq(decisionRelations.decisionId, decision.id),
          eq(decisionRelations.relatedDecisionId, related.id),
        ),
      );
    return existing.length > 0 ? `This decision is already related to ${related.reference}` : null;
  }

  async function renderLineForm(
    reply: FastifyReply,
    decision: Decision,
    kind: LineKind,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    const programmeRows =
      kind === 'expenditure'
        ? await db
            .select({ id: programmes.id, name: programmes.name })
            .from(programmes)
            .where(isNull(programmes.archivedAt))
            .orderBy(asc(programmes.name))
        : [];
    return reply
      .code(errors ? 400 : 200)
      .header('cache-control', 'no-store')
      .view('decisions/decision-line-form.njk', {
        title: lineKinds[kind].title,
        kind,
        decision,
        action: `/staff/decisions/${decision.id}/${lineKinds[kind].segment}`,
        submitText: lineKinds[kind].button,
        values,
        errors,
        programmeItems: [
          { value: '', text: 'None' },
          ...programmeRows.map((p) => ({
            value: String(p.id),
            text: p.name,
            selected: String(values.programmeId ?? '') === String(p.id),
          })),
        ],
      });
  }

  for (const kind of Object.keys(lineKinds) as LineKind[]) {
    const { segment, anchor } = lineKinds[kind];

    app.get(`/staff/decisions/:id/${segment}/new`, { preHandler: requireStaff }, async (request, reply) => {
      const decision = await editableDecision(staffOf(request), request.params);
      return renderLineForm(
        reply,
        decision,
        kind,
        kind === 'expenditure' ? { direction: 'expenditure' } : {},
      );
    });

    app.post(`/staff/decisions/:id/${segment}`, { preHandler: requireStaff }, async (request, reply) => {
      const user = staffOf(request);
      const decision = await editableDecision(user, request.params);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const parsed = decisionLineForms[kind].safeParse(body);
      if (!parsed.success)
        return renderLineForm(reply, decision, kind, body, formErrors(parsed.error, decisionLineFieldIds));
      if (kind === 'relation') {
        const values = parsed.data as {
          kind: 'continues' | 'amends' | 'supersedes';
          relatedReference: string;
        };
        const related = await findDecision(db, { reference: values.relatedReference });
        const problem = await relationProblem(user, decision, related, values.relatedReference);
        if (problem)
          return renderLineForm(reply, decision, kind, body, formErrorsOf({ relatedReference: problem }));
        await addDecisionLine(db, user.id, decision.id, {
          kind: 'relation',
          values: { kind: values.kind, relatedDecisionId: related!.id },
        });
      } else if (kind === 'expenditure') {
        const { amount, ...rest } = parsed.data as z.output<typeof decisionLineForms.expenditure>;
        if (
          rest.programmeId !== null &&
          (await db.select({ id: programmes.id }).from(programmes).where(eq(programmes.id, rest.programmeId)))
            .length === 0
        )
          return renderLineForm(
            reply,
            decision,
            kind,
            body,
            formErrorsOf({ programmeId: 'Select a programme from the list' }),
          );
        await addDecisionLine(db, user.id, decision.id, {
          kind: 'expenditure',
          values: { ...rest, amountPence: amount },
        });
      } else if (kind === 'risk') {
        await addDecisionLine(db, user.id, decision.id, {
          kind: 'risk',
          values: parsed.data as { description: string; mitigation: string; rag: 'red' | 'amber' | 'green' },
        });
      } else {
        await addDecisionLine(db, user.id, decision.id, {
          kind: 'milestone',
          values: parsed.data as { description: string; dueOn: string | null },
        });
      }
      return reply.redirect(`/staff/decisions/${decision.id}#${anchor}`, 303);
    });
  }

  for (const kind of ['expenditure', 'risk', 'milestone'] as NumberedLineKind[]) {
    app.post(
      `/staff/decisions/:id/${lineKinds[kind].segment}/:lineId/remove`,
      { preHandler: requireStaff },
      async (request, reply) => {
        const user = staffOf(request);
        const decision = await editableDecision(user, request.params);
        const lineId = decisionId(request.params, 'lineId');
        if (!(await removeDecisionLine(db, user.id, decision.id, { kind, id: lineId })))
          throw new DecisionNotFoundError(`${decision.id} line ${lineId}`);
        return reply.redirect(`/staff/decisions/${decision.id}#${lineKinds[kind].anchor}`, 303);
      },
    );
  }

  app.post(
    '/staff/decisions/:id/relations/:relatedId/remove',
    { preHandler: requireStaff },
    async (request, reply) => {
      const user = staffOf(request);
      const decision = await editableDecision(user, request.params);
      const relatedDecisionId = decisionId(request.params, 'relatedId');
      if (!(await removeDecisionLine(db, user.id, decision.id, { kind: 'relation', relatedDecisionId })))
        throw new DecisionNotFoundError(`${decision.id} link to ${relatedDecisionId}`);
      return reply.redirect(`/staff/decisions/${decision.id}#related`, 303);
    },
  );
}
