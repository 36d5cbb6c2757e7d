import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { formErrors, formErrorsOf } from '../app/form-errors.js';
import type { Database } from '../db/database.js';
import { ForbiddenError } from '../errors/forbidden-error.js';
import { requireStaff, staffOf } from '../people/require-staff.js';
import { applyDecisionTransition } from './apply-decision-transition.js';
import { decisionAccess } from './decision-access.js';
import { findDecisionDocument, storeDecisionDocument } from './decision-document-repository.js';
import { decisionId } from './decision-id.js';
import { DecisionNotFoundError } from './decision-not-found-error.js';
import { findDecision } from './decision-repository.js';
import { DecisionStatusConflictError } from './decision-status-conflict-error.js';
import { DecisionTransitionRefusedError } from './decision-transition-refused-error.js';
import { decisionActions } from './decision-workflow.js';
import { formDate, formDateFields } from './form-date.js';
import { readSignedForm } from './read-signed-form.js';
import { renderStaffDecision } from './render-staff-decision.js';

const transitionForm = z.preprocess(
  (body) => {
    const b = (body ?? {}) as Record<string, unknown>;
    return { ...b, deferredUntil: formDateFields(b, 'deferredUntil') };
  },
  z.object({
    reason: z.string().max(2000, 'Reason must be 2,000 characters or fewer').default(''),
    thresholdOverrideReason: z.string().max(2000, 'Reason must be 2,000 characters or fewer').default(''),
    deferredUntil: formDate('The date publication is deferred until'),
  }),
);

/** A client that asked for JSON gets the error's code from the application's handler instead of a page. */
function wantsJson(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

/**
 * The workflow's actions as POSTs (/staff/decisions/{id}/submit, /approve, ...; applyDecisionTransition
 * decides), the signed form's upload (multipart, PDF only) and its download. A refused action shows the
 * decision's page again with the reason (400, or 409 when someone else moved the decision first).
 */
export async function decisionWorkflowRoutes(
  app: FastifyInstance,
  options: { database: Database },
): Promise<void> {
  const { db } = options.database;

  for (const action of decisionActions) {
    app.post(`/staff/decisions/:id/${action}`, { preHandler: requireStaff }, async (request, reply) => {
      const user = staffOf(request);
      const id = decisionId(request.params);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const rerender = async (errors: ReturnType<typeof formErrorsOf>, status: number) => {
        const decision = await findDecision(db, { id });
        if (!decision || !decisionAccess(user, decision).canSee) throw new DecisionNotFoundError(id);
        return renderStaffDecision(reply, db, user, decision, {
          errors,
          failedAction: action,
          values: body,
          status,
        });
      };
      const parsed = transitionForm.safeParse(body);
      if (!parsed.success)
        return rerender(
          formErrors(parsed.error, { reason: `${action}-reason`, deferredUntil: 'deferredUntil-day' }),
          400,
        );
      try {
        await applyDecisionTransition(db, {
          actor: user,
          decisionId: id,
          action,
          reason: parsed.data.reason,
          deferredUntil: parsed.data.deferredUntil,
          thresholdOverrideReason: parsed.data.thresholdOverrideReason,
        });
      } catch (error) {
        if (wantsJson(request)) throw error;
        if (error instanceof DecisionTransitionRefusedError)
          return rerender(
            formErrorsOf(
              { [error.field]: error.message },
              {
                reason: `${action}-reason`,
                thresholdOverrideReason: `${action}-thresholdOverrideReason`,
                deferredUntil: 'deferredUntil-day',
              },
            ),
            400,
          );
        if (error instanceof DecisionStatusConflictError)
          return rerender(
            formErrorsOf({
              actions: `${error.message}. Someone may have acted on it first: here it is as it is now`,
            }),
            409,
          );
        throw error;
      }
      return reply.redirect(`/staff/decisions/${id}`, 303);
    });
  }

  app.post('/staff/decisions/:id/documents', { preHandler: requireStaff }, async (request, reply) => {
    const user = staffOf(request);
    const id = decisionId(request.params);
    const decision = await findDecision(db, { id });
    if (!decision || !decisionAccess(user, decision).canSee) throw new DecisionNotFoundError(id);
    if (!decisionAccess(user, decision).canEdit)
      throw new ForbiddenError('only an editor of the owning organisation can upload its signed form');
    const file = readSignedForm(((request.body ?? {}) as Record<string, unknown>).file);
    if ('problem' in file)
      return renderStaffDecision(reply, db, user, decision, {
        errors: formErrorsOf({ file: file.problem }),
        failedAction: 'upload',
        status: 400,
      });
    try {
      await storeDecisionDocument(db, user.id, id, file.content);
    } catch (error) {
      if (wantsJson(request) || !(error instanceof DecisionStatusConflictError)) throw error;
      return renderStaffDecision(reply, db, user, decision, {
        errors: formErrorsOf({
          file: 'A signed form can be uploaded only while the decision is approved and not yet signed',
        }),
        failedAction: 'upload',
        status: 409,
      });
    }
    return reply.redirect(`/staff/decisions/${id}#actions`, 303);
  });

  app.get(
    '/staff/decisions/:id/documents/:documentId',
    { preHandler: requireStaff },
    async (request, reply) => {
      const user = staffOf(request);
      const id = decisionId(request.params);
      const decision = await findDecision(db, { id });
      if (!decision || !decisionAccess(user, decision).canSee) throw new DecisionNotFoundError(id);
      const document = await findDecisionDocument(db, id, decisionId(request.params, 'documentId'));
      if (!document) throw new DecisionNotFoundError(`${id} document`);
      return reply
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `attachment; filename="${document.fileName}"`)
        .header('x-content-type-options', 'nosniff')
        .type('application/pdf')
        .send(Buffer.from(document.content));
    },
  );
}
