import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { dateInputParts, datePartsOf } from '../app/date-input-parts.js';
import { formErrors, formErrorsOf } from '../app/form-errors.js';
import { PageNotFoundError } from '../app/page-not-found-error.js';
import type { Database } from '../db/database.js';
import { ForbiddenError } from '../errors/forbidden-error.js';
import { hasRole, organisationsWithRole } from '../people/has-role.js';
import { requireStaff, staffOf } from '../people/require-staff.js';
import type { StaffUser } from '../people/staff-user.js';
import { auditTrail } from './audit-trail.js';
import { decisionReferenceForm } from './decision-reference-form.js';
import { ensureRole } from './ensure-role.js';
import { findVisibleDecision } from './find-visible-decision.js';
import { formBody } from './form-body.js';
import { indicatorIdForm } from './indicator-id-form.js';
import { isUniqueViolation } from './is-unique-violation.js';
import { milestoneForm, milestoneStatuses, milestoneStatusLabels } from './milestone-form.js';
import { programmeForm, programmeStatuses } from './programme-form.js';
import {
  addMilestone,
  addUpdate,
  archiveProgramme,
  createProgramme,
  findIndicator,
  findMilestone,
  findProgramme,
  isProgrammeSlugTaken,
  linkDecision,
  linkIndicator,
  listLinkedDecisions,
  listLinkedIndicators,
  listMilestones,
  listProgrammes,
  listUpdates,
  type ProgrammeWithOwner,
  programmeChildIds,
  unlinkDecision,
  unlinkIndicator,
  updateMilestone,
  updateProgramme,
} from './programme-repository.js';
import { programmeStatusLabels } from './programme-status-labels.js';
import { reasonForm } from './reason-form.js';
import { recordId } from './record-id.js';
import { updateForm } from './update-form.js';
import { viewHelpers } from './view-helpers.js';

type Params = Record<string, string>;

const archiveForm = reasonForm('Enter why you are archiving this programme');

const slugTaken = () =>
  formErrorsOf({ slug: 'Another programme already uses this short name: choose another' });

/**
 * The staff pages of programmes, behind requireStaff: /staff/programmes (every programme, archived ones too),
 * create and edit a programme, its milestones, updates, linked decisions and indicators, and archive it. A
 * viewer of the owning organisation sees a programme's staff page and history; an editor or above changes it.
 * Every change is one transaction with its audit entry.
 */
export async function programmeStaffRoutes(
  app: FastifyInstance,
  options: { database: Database },
): Promise<void> {
  const { db } = options.database;
  const guarded = { preHandler: requireStaff };

  /** The programme in the path, if the person holds at least `minimum` in its organisation. */
  async function programmeFor(request: FastifyRequest, minimum: 'viewer' | 'editor', doing: string) {
    const user = staffOf(request);
    const programme = await findProgramme(db, recordId((request.params as Params).id));
    if (!programme) throw new PageNotFoundError('no such programme');
    ensureRole(user, programme.organisationId, minimum, doing);
    return { user, programme };
  }

  const ownerOptions = (user: StaffUser) =>
    organisationsWithRole(user, 'editor').map((m) => ({
      value: String(m.organisationId),
      text: m.organisationName,
    }));

  function renderProgrammeForm(
    reply: FastifyReply,
    user: StaffUser,
    context: { programme?: ProgrammeWithOwner; values: Record<string, unknown>; errors?: unknown },
  ) {
    const options = ownerOptions(user);
    // Editing a programme whose owner the person cannot choose keeps that owner in the list.
    if (context.programme && !options.some((o) => o.value === String(context.programme!.organisationId)))
      options.unshift({
        value: String(context.programme.organisationId),
        text: context.programme.organisationName,
      });
    return reply.view('programmes/programme-form.njk', {
      title: context.programme ? `Edit ${context.programme.name}` : 'Create a programme',
      action: context.programme ? `/staff/programmes/${context.programme.id}/edit` : '/staff/programmes',
      back: context.programme ? `/staff/programmes/${context.programme.id}` : '/staff/programmes',
      organisationOptions: options,
      statuses: programmeStatuses.map((s) => ({ value: s, text: programmeStatusLabels[s].text })),
      ...context,
    });
  }

  /** Validates a programme form; a forbidden owner is a 403 before anything else is looked at. */
  async function parseProgramme(user: StaffUser, body: Record<string, unknown>, exceptId?: number) {
    const owner = typeof body.organisationId === 'string' && /^\d{1,9}$/.test(body.organisationId);
    if (owner && !hasRole(user, Number(body.organisationId), 'editor'))
      throw new ForbiddenError(
        'You need to be an editor in the organisation you choose to own the programme',
      );
    const parsed = programmeForm.safeParse(body);
    if (!parsed.success) return { errors: formErrors(parsed.error, { status: 'status' }) };
    if (await isProgrammeSlugTaken(db, parsed.data.slug, exceptId)) return { errors: slugTaken() };
    return { data: parsed.data };
  }

  app.get('/staff/programmes', guarded, async (request, reply) => {
    const user = staffOf(request);
    const list = await listProgrammes(db, { includeArchived: true });
    return reply.view('programmes/staff-programmes.njk', {
      title: 'Programmes: staff',
      programmes: list.map((p) => ({
        ...p,
        canView: hasRole(user, p.organisationId, 'viewer'),
        canEdit: hasRole(user, p.organisationId, 'editor'),
      })),
      canCreate: organisationsWithRole(user, 'editor').length > 0,
      statusLabels: programmeStatusLabels,
      ...viewHelpers,
    });
  });

  app.get('/staff/programmes/new', guarded, async (request, reply) => {
    const user = staffOf(request);
    if (organisationsWithRole(user, 'editor').length === 0)
      throw new ForbiddenError('You need to be an editor in an organisation to create a programme');
    const only = ownerOptions(user);
    return renderProgrammeForm(reply, user, {
      values: { status: 'active', organisationId: only.length === 1 ? only[0]!.value : '' },
    });
  });

  app.post('/staff/programmes', guarded, async (request, reply) => {
    const user = staffOf(request);
    if (organisationsWithRole(user, 'editor').length === 0)
      throw new ForbiddenError('You need to be an editor in an organisation to create a programme');
    const body = formBody(request.body);
    const result = await parseProgramme(user, body);
    if (!result.data)
      return renderProgrammeForm(reply.code(400), user, { values: body, errors: result.errors });
    const input = result.data;
    try {
      const created = await db.transaction((trx) => createProgramme(trx, user.id, input));
      return reply.redirect(`/staff/programmes/${created.id}`, 303);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return renderProgrammeForm(reply.code(400), user, { values: body, errors: slugTaken() });
    }
  });

  app.get('/staff/programmes/:id', guarded, async (request, reply) => {
    const { user, programme } = await programmeFor(request, 'viewer', 'see its staff page');
    const [milestones, updates, decisions, linkedIndicators, children] = await Promise.all([
      listMilestones(db, programme.id),
      listUpdates(db, programme.id),
      listLinkedDecisions(db, programme.id, { publishedOnly: false }),
      listLinkedIndicators(db, programme.id),
      programmeChildIds(db, programme.id),
    ]);
    const history = await auditTrail(db, [
      { entity: 'programmes', ids: [programme.id] },
      { entity: 'programme_milestones', ids: children.milestones },
      { entity: 'programme_updates', ids: children.updates },
    ]);
    return reply.view('programmes/staff-programme.njk', {
      title: programme.name,
      programme,
      milestones,
      updates,
      decisions,
      indicators: linkedIndicators,
      history,
      canEdit: hasRole(user, programme.organisationId, 'editor'),
      statusLabels: programmeStatusLabels,
      milestoneLabels: milestoneStatusLabels,
      ...viewHelpers,
    });
  });

  app.get('/staff/programmes/:id/edit', guarded, async (request, reply) => {
    const { user, programme } = await programmeFor(request, 'editor', 'edit it');
    return renderProgrammeForm(reply, user, {
      programme,
      values: { ...programme, organisationId: String(programme.organisationId) },
    });
  });

  app.post('/staff/programmes/:id/edit', guarded, async (request, reply) => {
    const { user, programme } = await programmeFor(request, 'editor', 'edit it');
    const body = formBody(request.body);
    const result = await parseProgramme(user, body, programme.id);
    if (!result.data)
      return renderProgrammeForm(reply.code(400), user, { programme, values: body, errors: result.errors });
    const input = result.data;
    try {
      await db.transaction((trx) => updateProgramme(trx, user.id, programme, input));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return renderProgrammeForm(reply.code(400), user, { programme, values: body, errors: slugTaken() });
    }
    return reply.redirect(`/staff/programmes/${programme.id}`, 303);
  });

  // Milestones.
  const milestoneView = (
    programme: ProgrammeWithOwner,
    context: { milestoneId?: number; values: Record<string, unknown>; errors?: unknown },
  ) => ({
    title: context.milestoneId ? 'Edit a milestone' : 'Add a milestone',
    programme,
    action: context.milestoneId
      ? `/staff/programmes/${programme.id}/milestones/${context.milestoneId}/edit`
      : `/staff/programmes/${programme.id}/milestones`,
    statuses: milestoneStatuses.map((s) => ({ value: s, text: milestoneStatusLabels[s] })),
    ...context,
  });

  app.get('/staff/programmes/:id/milestones/new', guarded, async (request, reply) => {
    const { programme } = await programmeFor(request, 'editor', 'add a milestone');
    return reply.view(
      'programmes/milestone-form.njk',
      milestoneView(programme, { values: { status: 'not-started', dueOn: datePartsOf(null) } }),
    );
  });

  app.post('/staff/programmes/:id/milestones', guarded, async (request, reply) => {
    const { user, programme } = await programmeFor(request, 'editor', 'add a milestone');
    const body = formBody(request.body);
    const dueOn = dateInputParts(body, 'dueOn');
    const parsed = milestoneForm.safeParse({ ...body, dueOn });
    if (!parsed.success) {
      const errors = formErrors(parsed.error, { dueOn: 'dueOn-day' });
      return reply
        .code(400)
        .view(
          'programmes/milestone-form.njk',
          milestoneView(programme, { values: { ...body, dueOn }, errors }),
        );
    }
    await db.transaction((trx) => addMilestone(trx, user.id, programme, parsed.data));
    return reply.redirect(`/staff/programmes/${programme.id}#milestones`, 303);
  });

  async function milestoneFor(request: FastifyRequest, programme: ProgrammeWithOwner) {
    const milestone = await findMilestone(db, programme.id, recordId((request.params as Params).milestoneId));
    if (!milestone) throw new PageNotFoundError('no such milestone');
    return milestone;
  }

  app.get('/staff/programmes/:id/milestones/:milestoneId/edit', guarded, async (request, reply) => {
    const { programme } = await programmeFor(request, 'editor', 'edit a milestone');
    const milestone = await milestoneFor(request, programme);
    return reply.view(
      'programmes/milestone-form.njk',
      milestoneView(programme, {
        milestoneId: milestone.id,
        values: { ...milestone, dueOn: datePartsOf(milestone.dueOn) },
      }),
    );
  });

  app.post('/staff/programmes/:id/milestones/:milestoneId/edit', guarded, async (request, reply) => {
    const { user, programme } = await programmeFor(request, 'editor', 'edit a milestone');
    const milestone = await milestoneFor(request, programme);
    const body = formBody(request.body);
    const dueOn = dateInputParts(body, 'dueOn');
    const parsed = milestoneForm.safeParse({ ...body, dueOn });
    if (!parsed.success) {
      const errors = formErrors(parsed.error, { dueOn: 'dueOn-day' });
      return reply
        .code(400)
        .view(
          'programmes/milestone-form.njk',
          milestoneView(programme, { milestoneId: milestone.id, values: { ...body, dueOn }, errors }),
        );
    }
    await db.transaction((trx) => updateMilestone(trx, user.id, programme, milestone, parsed.data));
    return reply.redirect(`/staff/programmes/${programme.id}#milestones`, 303);
  });

  // Updates.
  app.get('/staff/programmes/:id/updates/new', guarded, async (request, reply) => {
    const { programme } = await programmeFor(request, 'editor', 'add an update');
    return reply.view('programmes/update-form.njk', {
      title: 'Add an update',
      programme,
      values: { asOf: datePartsOf(null) },
    });
  });

  app.post('/staff/programmes/:id/updates', guarded, async (request, reply) => {
    const { user, programme } = await programmeFor(request, 'editor', 'add an update');
    const body = formBody(request.body);
    const asOf = dateInputParts(body, 'asOf');
    const parsed = updateForm.safeParse({ ...body, asOf });
    if (!parsed.success)
      return reply.code(400).view('programmes/update-form.njk', {
        title: 'Add an update',
        programme,
        values: { ...body, asOf },
        errors: formErrors(parsed.error, { asOf: 'asOf-day' }),
      });
    await db.transaction((trx) => addUpdate(trx, user.id, programme, parsed.data));
    return reply.redirect(`/staff/programmes/${programme.id}#updates`, 303);
  });

  // Linked decisions.
  const decisionLinkView = (
    programme: ProgrammeWithOwner,
    values: Record<string, unknown>,
    errors?: unknown,
  ) => ({
    title: 'Link a decision',
    caption: programme.name,
    action: `/staff/programmes/${programme.id}/decisions`,
    back: `/staff/programmes/${programme.id}`,
    hint: 'The decision appears on the public programme page once it is published.',
    values,
    errors,
  });

  app.get('/staff/programmes/:id/decisions/new', guarded, async (request, reply) => {
    const { programme } = await programmeFor(request, 'editor', 'link a decision');
    return reply.view('programmes/link-decision-form.njk', decisionLinkView(programme, {}));
  });

  app.post('/staff/programmes/:id/decisions', guarded, async (request, reply) => {
    const { user, programme } = await programmeFor(request, 'editor', 'link a decision');
    const body = formBody(request.body);
    const parsed = decisionReferenceForm.safeParse(body);
    const decision = parsed.success ? await findVisibleDecision(db, user, parsed.data.reference) : undefined;
    if (!parsed.success || !decision) {
      const errors = parsed.success
        ? formErrorsOf({ reference: 'There is no decision with this reference that you can see' })
        : formErrors(parsed.error);
      return reply
        .code(400)
        .view('programmes/link-decision-form.njk', decisionLinkView(programme, body, errors));
    }
    await db.transaction((trx) => linkDecision(trx, user.id, programme, decision));
    return reply.redirect(`/staff/programmes/${programme.id}#decisions`, 303);
  });

  app.post('/staff/programmes/:id/decisions/:decisionId/unlink', guarded, async (request, reply) => {
    const { user, programme } = await programmeFor(request, 'editor', 'unlink a decision');
    const decisionId = recordId((request.params as Params).decisionId);
    const linked = (await listLinkedDecisions(db, programme.id, { publishedOnly: false })).find(
      (d) => d.id === decisionId,
    );
    if (!linked) throw new PageNotFoundError('that decision is not linked to this programme');
    await db.transaction((trx) => unlinkDecision(trx, user.id, programme, linked));
    return reply.redirect(`/staff/programmes/${programme.id}#decisions`, 303);
  });

  // Linked indicators.
  const indicatorLinkView = (
    programme: ProgrammeWithOwner,
    values: Record<string, unknown>,
    errors?: unknown,
  ) => ({
    title: 'Link an indicator',
    programme,
    values,
    errors,
  });

  app.get('/staff/programmes/:id/indicators/new', guarded, async (request, reply) => {
    const { programme } = await programmeFor(request, 'editor', 'link an indicator');
    return reply.view('programmes/link-indicator-form.njk', indicatorLinkView(programme, {}));
  });

  app.post('/staff/programmes/:id/indicators', guarded, async (request, reply) => {
    const { user, programme } = await programmeFor(request, 'editor', 'link an indicator');
    const body = formBody(request.body);
    const parsed = indicatorIdForm.safeParse(body);
    const indicator = parsed.success ? await findIndicator(db, parsed.data.indicatorId) : undefined;
    if (!parsed.success || !indicator) {
      const errors = parsed.success
        ? formErrorsOf({ indicatorId: 'There is no indicator with this id' })
        : formErrors(parsed.error);
      return reply
        .code(400)
        .view('programmes/link-indicator-form.njk', indicatorLinkView(programme, body, errors));
    }
    await db.transaction((trx) => linkIndicator(trx, user.id, programme, indicator));
    return reply.redirect(`/staff/programmes/${programme.id}#indicators`, 303);
  });

  app.post('/staff/programmes/:id/indicators/:indicatorId/unlink', guarded, async (request, reply) => {
    const { user, programme } = await programmeFor(request, 'editor', 'unlink an indicator');
    const indicatorId = recordId((request.params as Params).indicatorId);
    const linked = (await listLinkedIndicators(db, programme.id)).find((i) => i.id === indicatorId);
    if (!linked) throw new PageNotFoundError('that indicator is not linked to this programme');
    await db.transaction((trx) => unlinkIndicator(trx, user.id, programme, linked));
    return reply.redirect(`/staff/programmes/${programme.id}#indicators`, 303);
  });

  // Archive.
  const archiveView = (programme: ProgrammeWithOwner, values: Record<string, unknown>, errors?: unknown) => ({
    title: `Archive ${programme.name}`,
    caption: programme.name,
    heading: 'Archive this programme',
    lead: 'An archived programme leaves the public pages and lists. Nothing is deleted: its record and history stay.',
    label: 'Why are you archiving it?',
    button: 'Archive programme',
    warning: true,
    action: `/staff/programmes/${programme.id}/archive`,
    back: `/staff/programmes/${programme.id}`,
    values,
    errors,
  });

  app.get('/staff/programmes/:id/archive', guarded, async (request, reply) => {
    const { programme } = await programmeFor(request, 'editor', 'archive it');
    return reply.view('programmes/reason-form.njk', archiveView(programme, {}));
  });

  app.post('/staff/programmes/:id/archive', guarded, async (request, reply) => {
    const { user, programme } = await programmeFor(request, 'editor', 'archive it');
    const body = formBody(request.body);
    const parsed = archiveForm.safeParse(body);
    if (!parsed.success)
      return reply
        .code(400)
        .view('programmes/reason-form.njk', archiveView(programme, body, formErrors(parsed.error)));
    if (!programme.archivedAt)
      await db.transaction((trx) => archiveProgramme(trx, user.id, programme, parsed.data.reason));
    return reply.redirect(`/staff/programmes/${programme.id}`, 303);
  });
}
