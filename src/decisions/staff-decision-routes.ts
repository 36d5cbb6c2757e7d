import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { type FormErrors, formErrors, formErrorsOf } from '../app/form-errors.js';
import { parsePageParameters } from '../app/parse-page-parameters.js';
import type { Database } from '../db/database.js';
import { ForbiddenError } from '../errors/forbidden-error.js';
import { organisationsWithRole } from '../people/has-role.js';
import { requireStaff, staffOf } from '../people/require-staff.js';
import type { StaffUser } from '../people/staff-user.js';
import { decisionAccess } from './decision-access.js';
import { decisionForm, decisionFormFieldIds, newDecisionOrganisation } from './decision-form.js';
import { decisionId } from './decision-id.js';
import { DecisionNotEditableError } from './decision-not-editable-error.js';
import { DecisionNotFoundError } from './decision-not-found-error.js';
import { DecisionReferenceTakenError } from './decision-reference-taken-error.js';
import {
  createDecision,
  type Decision,
  findDecision,
  listOrganisationDecisions,
  updateDecision,
} from './decision-repository.js';
import { editableStatuses } from './decision-workflow.js';
import { decisionStatuses } from './decisions-table.js';
import { formatDateTime } from './format-date-time.js';
import { protectedCharacteristics } from './protected-characteristics.js';
import { renderStaffDecision } from './render-staff-decision.js';

const listQuery = z.strictObject({
  status: z.enum(['', ...decisionStatuses], { error: 'is not a status of a decision' }).optional(),
});

/** The form's values as the template shows them again: the body as sent, or the decision's own. */
function formValues(source: Record<string, unknown>): Record<string, unknown> {
  const list = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
  return { ...source, protectedCharacteristics: list(source.protectedCharacteristics) };
}

function valuesOf(decision: Decision): Record<string, unknown> {
  const [year = '', month = '', day = ''] = (decision.decisionDate ?? '').split('-');
  return {
    ...decision,
    'decisionDate-day': day.replace(/^0/, ''),
    'decisionDate-month': month.replace(/^0/, ''),
    'decisionDate-year': year,
  };
}

/**
 * The staff workspace for decisions: the list of the person's organisations' decisions, the form to create
 * one (owned by an organisation where they are an editor or above), its page (renderStaffDecision), and the
 * form to change a draft or returned decision. Lines, workflow and documents have their own routes.
 */
export async function staffDecisionRoutes(
  app: FastifyInstance,
  options: { database: Database },
): Promise<void> {
  const { db } = options.database;

  /** The decision a staff member may see, or 404 (another organisation's unpublished decision included). */
  async function visibleDecision(user: StaffUser, params: unknown): Promise<Decision> {
    const id = decisionId(params);
    const decision = await findDecision(db, { id });
    if (!decision || !decisionAccess(user, decision).canSee) throw new DecisionNotFoundError(id);
    return decision;
  }

  /** The decision, if this person may change its fields or lines now (403 otherwise, 409 when fixed). */
  async function editableDecision(user: StaffUser, params: unknown): Promise<Decision> {
    const decision = await visibleDecision(user, params);
    if (!decisionAccess(user, decision).canEdit)
      throw new ForbiddenError('only an editor of the owning organisation can change this decision');
    if (!editableStatuses.includes(decision.status)) throw new DecisionNotEditableError(decision.status);
    return decision;
  }

  function renderForm(
    reply: FastifyReply,
    user: StaffUser,
    context: {
      decision?: Decision;
      values: Record<string, unknown>;
      errors?: FormErrors;
      status?: number;
    },
  ) {
    const { decision, values } = context;
    const checked = new Set((values.protectedCharacteristics as string[] | undefined) ?? []);
    const editorOrganisations = organisationsWithRole(user, 'editor');
    return reply
      .code(context.status ?? 200)
      .header('cache-control', 'no-store')
      .view('decisions/decision-form.njk', {
        title: decision ? `Edit ${decision.reference}` : 'Create a decision',
        action: decision ? `/staff/decisions/${decision.id}` : '/staff/decisions',
        backHref: decision ? `/staff/decisions/${decision.id}` : '/staff/decisions',
        submitText: decision ? 'Save changes' : 'Save as a draft',
        organisationName: decision?.organisationName,
        organisations: decision
          ? null
          : [
              ...(editorOrganisations.length > 1 ? [{ value: '', text: 'Choose an organisation' }] : []),
              ...editorOrganisations.map((m) => ({
                value: String(m.organisationId),
                text: m.organisationName,
                selected: String(values.organisationId ?? '') === String(m.organisationId),
              })),
            ],
        characteristicItems: protectedCharacteristics.map((c) => ({
          value: c.value,
          text: c.text,
          checked: checked.has(c.value),
        })),
        values: {
          ...values,
          novelOrContentious:
            values.novelOrContentious === true ||
            values.novelOrContentious === 'yes' ||
            (Array.isArray(values.novelOrContentious) && values.novelOrContentious.includes('yes')),
        },
        errors: context.errors,
      });
  }

  app.get('/staff/decisions', { preHandler: requireStaff }, async (request, reply) => {
    const user = staffOf(request);
    const { status } = parsePageParameters(listQuery, request.query);
    const found = await listOrganisationDecisions(
      db,
      user.memberships.map((m) => m.organisationId),
      status || undefined,
    );
    reply.header('cache-control', 'no-store');
    return reply.view('decisions/staff-decisions.njk', {
      title: 'Decisions',
      decisions: found.map((d) => ({ ...d, updated: formatDateTime(d.updatedAt) })),
      status: status ?? '',
      statusItems: [
        { value: '', text: 'Any status', selected: !status },
        ...decisionStatuses.map((s) => ({ value: s, text: s, selected: s === status })),
      ],
      canCreate: organisationsWithRole(user, 'editor').length > 0,
    });
  });

  app.get('/staff/decisions/new', { preHandler: requireStaff }, async (request, reply) => {
    const user = staffOf(request);
    if (organisationsWithRole(user, 'editor').length === 0)
      throw new ForbiddenError('only an editor of an organisation can create its decisions');
    return renderForm(reply, user, { values: { protectedCharacteristics: [] } });
  });

  app.post('/staff/decisions', { preHandler: requireStaff }, async (request, reply) => {
    const user = staffOf(request);
    const editorOrganisations = organisationsWithRole(user, 'editor');
    if (editorOrganisations.length === 0)
      throw new ForbiddenError('only an editor of an organisation can create its decisions');
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = formValues(body);
    const owner = newDecisionOrganisation.safeParse(body);
    if (owner.success && !editorOrganisations.some((m) => m.organisationId === owner.data.organisationId))
      throw new ForbiddenError('you can create decisions only for organisations where you are an editor');
    const parsed = decisionForm.safeParse(body);
    if (!owner.success || !parsed.success) {
      const problems = {
        ...(owner.success ? {} : { organisationId: owner.error.issues[0]!.message }),
        ...(parsed.success
          ? {}
          : Object.fromEntries(Object.entries(formErrors(parsed.error).fields).map(([k, v]) => [k, v.text]))),
      };
      return renderForm(reply, user, {
        values,
        errors: formErrorsOf(problems, decisionFormFieldIds),
        status: 400,
      });
    }
    try {
      const id = await createDecision(db, user.id, owner.data.organisationId, parsed.data);
      return reply.redirect(`/staff/decisions/${id}`, 303);
    } catch (error) {
      if (!(error instanceof DecisionReferenceTakenError)) throw error;
      return renderForm(reply, user, {
        values,
        errors: formErrorsOf({ reference: error.message }),
        status: 400,
      });
    }
  });

  app.get('/staff/decisions/:id', { preHandler: requireStaff }, async (request, reply) => {
    const user = staffOf(request);
    const decision = await visibleDecision(user, request.params);
    return renderStaffDecision(reply, db, user, decision);
  });

  app.get('/staff/decisions/:id/edit', { preHandler: requireStaff }, async (request, reply) => {
    const user = staffOf(request);
    const decision = await editableDecision(user, request.params);
    return renderForm(reply, user, { decision, values: valuesOf(decision) });
  });

  app.post('/staff/decisions/:id', { preHandler: requireStaff }, async (request, reply) => {
    const user = staffOf(request);
    const decision = await editableDecision(user, request.params);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = formValues(body);
    const parsed = decisionForm.safeParse(body);
    if (!parsed.success)
      return renderForm(reply, user, {
        decision,
        values,
        errors: formErrors(parsed.error, decisionFormFieldIds),
        status: 400,
      });
    try {
      await updateDecision(db, user.id, decision.id, parsed.data);
      return reply.redirect(`/staff/decisions/${decision.id}`, 303);
    } catch (error) {
      if (!(error instanceof DecisionReferenceTakenError)) throw error;
      return renderForm(reply, user, {
        decision,
        values,
        errors: formErrorsOf({ reference: error.message }),
        status: 400,
      });
    }
  });
}
