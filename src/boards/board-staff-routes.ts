import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { dateInputParts, datePartsOf } from '../app/date-input-parts.js';
import { formErrors, formErrorsOf } from '../app/form-errors.js';
import { londonToday } from '../app/london-today.js';
import { PageNotFoundError } from '../app/page-not-found-error.js';
import type { Database } from '../db/database.js';
import { ForbiddenError } from '../errors/forbidden-error.js';
import { hasRole, organisationsWithRole } from '../people/has-role.js';
import { requireStaff, staffOf } from '../people/require-staff.js';
import type { StaffUser } from '../people/staff-user.js';
import { auditTrail } from '../programmes/audit-trail.js';
import { decisionReferenceForm } from '../programmes/decision-reference-form.js';
import { ensureRole } from '../programmes/ensure-role.js';
import { findVisibleDecision } from '../programmes/find-visible-decision.js';
import { formBody } from '../programmes/form-body.js';
import { isUniqueViolation } from '../programmes/is-unique-violation.js';
import { recordId } from '../programmes/record-id.js';
import { viewHelpers } from '../programmes/view-helpers.js';
import { actionForm, actionStatusForm } from './action-form.js';
import { agendaItemForm } from './agenda-item-form.js';
import { boardForm } from './board-form.js';
import {
  addAction,
  addAgendaItem,
  addMember,
  type BoardWithOwner,
  createBoard,
  createMeeting,
  endMember,
  findAction,
  findBoard,
  findMeeting,
  findMember,
  isBoardSlugTaken,
  linkMeetingDecision,
  listAgendaItems,
  listBoards,
  listMeetingActions,
  listMeetingDecisions,
  listMeetings,
  listMembers,
  type MeetingWithBoard,
  meetingChildIds,
  organisationChoices,
  setActionStatus,
  updateBoard,
  updateMeeting,
} from './board-repository.js';
import {
  meetingForm,
  meetingKindLabels,
  meetingKinds,
  meetingStatuses,
  meetingStatusLabels,
} from './meeting-form.js';
import { endMemberForm, memberForm } from './member-form.js';
import { withOverdue } from './with-overdue.js';

type Params = Record<string, string>;

const slugTaken = () => formErrorsOf({ slug: 'Another board already uses this short name: choose another' });

/**
 * The staff pages of boards, behind requireStaff: create and edit boards, add and end members, create meetings
 * and edit their minutes and status, add agenda items, link decisions, add actions and mark them done or
 * dropped. A viewer of the board's organisation sees its staff pages and history; an editor or above changes
 * them. Every change is one transaction with its audit entry.
 */
export async function boardStaffRoutes(app: FastifyInstance, options: { database: Database }): Promise<void> {
  const { db } = options.database;
  const guarded = { preHandler: requireStaff };

  async function boardFor(request: FastifyRequest, minimum: 'viewer' | 'editor', doing: string) {
    const user = staffOf(request);
    const board = await findBoard(db, recordId((request.params as Params).id));
    if (!board) throw new PageNotFoundError('no such board');
    ensureRole(user, board.organisationId, minimum, doing);
    return { user, board };
  }

  async function meetingFor(request: FastifyRequest, minimum: 'viewer' | 'editor', doing: string) {
    const user = staffOf(request);
    const meeting = await findMeeting(db, recordId((request.params as Params).id));
    if (!meeting) throw new PageNotFoundError('no such meeting');
    ensureRole(user, meeting.organisationId, minimum, doing);
    return { user, meeting };
  }

  // Boards.
  function renderBoardForm(
    reply: FastifyReply,
    user: StaffUser,
    context: { board?: BoardWithOwner; values: Record<string, unknown>; errors?: unknown },
  ) {
    const owners = organisationsWithRole(user, 'editor').map((m) => ({
      value: String(m.organisationId),
      text: m.organisationName,
    }));
    if (context.board && !owners.some((o) => o.value === String(context.board!.organisationId)))
      owners.unshift({ value: String(context.board.organisationId), text: context.board.organisationName });
    return reply.view('boards/board-form.njk', {
      title: context.board ? `Edit ${context.board.name}` : 'Create a board',
      action: context.board ? `/staff/boards/${context.board.id}/edit` : '/staff/boards',
      back: context.board ? `/staff/boards/${context.board.id}` : '/staff/boards',
      organisationOptions: owners,
      ...context,
    });
  }

  async function parseBoard(user: StaffUser, body: Record<string, unknown>, exceptId?: number) {
    if (typeof body.organisationId === 'string' && /^\d{1,9}$/.test(body.organisationId)) {
      if (!hasRole(user, Number(body.organisationId), 'editor'))
        throw new ForbiddenError('You need to be an editor in the organisation you choose to run the board');
    }
    const parsed = boardForm.safeParse(body);
    if (!parsed.success) return { errors: formErrors(parsed.error) };
    if (await isBoardSlugTaken(db, parsed.data.slug, exceptId)) return { errors: slugTaken() };
    return { data: parsed.data };
  }

  const noEditorRole = () =>
    new ForbiddenError('You need to be an editor in an organisation to create a board');

  app.get('/staff/boards', guarded, async (request, reply) => {
    const user = staffOf(request);
    const list = await listBoards(db, { includeArchived: true });
    return reply.view('boards/staff-boards.njk', {
      title: 'Boards: staff',
      boards: list.map((b) => ({
        ...b,
        canView: hasRole(user, b.organisationId, 'viewer'),
        canEdit: hasRole(user, b.organisationId, 'editor'),
      })),
      canCreate: organisationsWithRole(user, 'editor').length > 0,
    });
  });

  app.get('/staff/boards/new', guarded, async (request, reply) => {
    const user = staffOf(request);
    const editorOf = organisationsWithRole(user, 'editor');
    if (editorOf.length === 0) throw noEditorRole();
    return renderBoardForm(reply, user, {
      values: { organisationId: editorOf.length === 1 ? String(editorOf[0]!.organisationId) : '' },
    });
  });

  app.post('/staff/boards', guarded, async (request, reply) => {
    const user = staffOf(request);
    if (organisationsWithRole(user, 'editor').length === 0) throw noEditorRole();
    const body = formBody(request.body);
    const result = await parseBoard(user, body);
    if (!result.data) return renderBoardForm(reply.code(400), user, { values: body, errors: result.errors });
    const input = result.data;
    try {
      const created = await db.transaction((trx) => createBoard(trx, user.id, input));
      return reply.redirect(`/staff/boards/${created.id}`, 303);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return renderBoardForm(reply.code(400), user, { values: body, errors: slugTaken() });
    }
  });

  app.get('/staff/boards/:id', guarded, async (request, reply) => {
    const { user, board } = await boardFor(request, 'viewer', 'see its staff page');
    const [members, meetingList] = await Promise.all([listMembers(db, board.id), listMeetings(db, board.id)]);
    const history = await auditTrail(db, [
      { entity: 'boards', ids: [board.id] },
      { entity: 'board_members', ids: members.map((m) => m.id) },
    ]);
    return reply.view('boards/staff-board.njk', {
      title: board.name,
      board,
      members,
      meetings: meetingList,
      history,
      today: londonToday(),
      canEdit: hasRole(user, board.organisationId, 'editor'),
      kindLabels: meetingKindLabels,
      statusLabels: meetingStatusLabels,
      ...viewHelpers,
    });
  });

  app.get('/staff/boards/:id/edit', guarded, async (request, reply) => {
    const { user, board } = await boardFor(request, 'editor', 'edit it');
    return renderBoardForm(reply, user, {
      board,
      values: { ...board, organisationId: String(board.organisationId) },
    });
  });

  app.post('/staff/boards/:id/edit', guarded, async (request, reply) => {
    const { user, board } = await boardFor(request, 'editor', 'edit it');
    const body = formBody(request.body);
    const result = await parseBoard(user, body, board.id);
    if (!result.data)
      return renderBoardForm(reply.code(400), user, { board, values: body, errors: result.errors });
    const input = result.data;
    try {
      await db.transaction((trx) => updateBoard(trx, user.id, board, input));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return renderBoardForm(reply.code(400), user, { board, values: body, errors: slugTaken() });
    }
    return reply.redirect(`/staff/boards/${board.id}`, 303);
  });

  // Members.
  const memberView = async (board: BoardWithOwner, values: Record<string, unknown>, errors?: unknown) => ({
    title: 'Add a member',
    board,
    organisations: await organisationChoices(db),
    values,
    errors,
  });

  app.get('/staff/boards/:id/members/new', guarded, async (request, reply) => {
    const { board } = await boardFor(request, 'editor', 'add a member');
    return reply.view('boards/member-form.njk', await memberView(board, { fromDate: datePartsOf(null) }));
  });

  app.post('/staff/boards/:id/members', guarded, async (request, reply) => {
    const { user, board } = await boardFor(request, 'editor', 'add a member');
    const body = formBody(request.body);
    const fromDate = dateInputParts(body, 'fromDate');
    const parsed = memberForm.safeParse({ ...body, fromDate });
    let errors = parsed.success ? undefined : formErrors(parsed.error, { fromDate: 'fromDate-day' });
    if (parsed.success && parsed.data.organisationId !== null) {
      const known = await organisationChoices(db);
      if (!known.some((o) => o.id === parsed.data.organisationId))
        errors = formErrorsOf({
          organisationId: 'Select the organisation they represent from the list, or none',
        });
    }
    if (errors || !parsed.success)
      return reply
        .code(400)
        .view('boards/member-form.njk', await memberView(board, { ...body, fromDate }, errors));
    await db.transaction((trx) => addMember(trx, user.id, board, parsed.data));
    return reply.redirect(`/staff/boards/${board.id}#members`, 303);
  });

  async function memberFor(request: FastifyRequest, board: BoardWithOwner) {
    const member = await findMember(db, board.id, recordId((request.params as Params).memberId));
    if (!member) throw new PageNotFoundError('no such member');
    return member;
  }

  app.get('/staff/boards/:id/members/:memberId/end', guarded, async (request, reply) => {
    const { board } = await boardFor(request, 'editor', 'end a membership');
    const member = await memberFor(request, board);
    return reply.view('boards/end-member-form.njk', {
      title: `End the membership of ${member.name}`,
      board,
      member,
      values: { toDate: datePartsOf(member.toDate ?? londonToday()) },
    });
  });

  app.post('/staff/boards/:id/members/:memberId/end', guarded, async (request, reply) => {
    const { user, board } = await boardFor(request, 'editor', 'end a membership');
    const member = await memberFor(request, board);
    const body = formBody(request.body);
    const toDate = dateInputParts(body, 'toDate');
    const parsed = endMemberForm.safeParse({ toDate });
    let errors = parsed.success ? undefined : formErrors(parsed.error, { toDate: 'toDate-day' });
    if (parsed.success && member.fromDate && parsed.data.toDate < member.fromDate)
      errors = formErrorsOf(
        {
          toDate: `The date the membership ended must be on or after the date they joined, ${viewHelpers.formatDate(member.fromDate)}`,
        },
        { toDate: 'toDate-day' },
      );
    if (errors || !parsed.success)
      return reply.code(400).view('boards/end-member-form.njk', {
        title: `End the membership of ${member.name}`,
        board,
        member,
        values: { toDate },
        errors,
      });
    await db.transaction((trx) => endMember(trx, user.id, board, member, parsed.data.toDate));
    return reply.redirect(`/staff/boards/${board.id}#members`, 303);
  });

  // Meetings.
  const meetingView = (
    board: { id: number; name: string },
    context: { meeting?: MeetingWithBoard; values: Record<string, unknown>; errors?: unknown },
  ) => ({
    title: context.meeting ? `Edit ${context.meeting.title}` : 'Add a meeting',
    board,
    action: context.meeting
      ? `/staff/meetings/${context.meeting.id}/edit`
      : `/staff/boards/${board.id}/meetings`,
    back: context.meeting ? `/staff/meetings/${context.meeting.id}` : `/staff/boards/${board.id}#meetings`,
    kinds: meetingKinds.map((k) => ({ value: k, text: meetingKindLabels[k] })),
    statuses: meetingStatuses.map((s) => ({ value: s, text: meetingStatusLabels[s] })),
    ...context,
  });

  app.get('/staff/boards/:id/meetings/new', guarded, async (request, reply) => {
    const { board } = await boardFor(request, 'editor', 'add a meeting');
    return reply.view(
      'boards/meeting-form.njk',
      meetingView(board, { values: { kind: 'board', status: 'planned', heldOn: datePartsOf(null) } }),
    );
  });

  app.post('/staff/boards/:id/meetings', guarded, async (request, reply) => {
    const { user, board } = await boardFor(request, 'editor', 'add a meeting');
    const body = formBody(request.body);
    const heldOn = dateInputParts(body, 'heldOn');
    const parsed = meetingForm.safeParse({ ...body, heldOn });
    if (!parsed.success)
      return reply.code(400).view(
        'boards/meeting-form.njk',
        meetingView(board, {
          values: { ...body, heldOn },
          errors: formErrors(parsed.error, { heldOn: 'heldOn-day' }),
        }),
      );
    const created = await db.transaction((trx) => createMeeting(trx, user.id, board, parsed.data));
    return reply.redirect(`/staff/meetings/${created.id}`, 303);
  });

  app.get('/staff/meetings/:id', guarded, async (request, reply) => {
    const { user, meeting } = await meetingFor(request, 'viewer', 'see its staff page');
    const today = londonToday();
    const [agenda, decisions, actions, children] = await Promise.all([
      listAgendaItems(db, meeting.id),
      listMeetingDecisions(db, meeting.id, { publishedOnly: false }),
      listMeetingActions(db, meeting.id),
      meetingChildIds(db, meeting.id),
    ]);
    const history = await auditTrail(db, [
      { entity: 'meetings', ids: [meeting.id] },
      { entity: 'agenda_items', ids: children.agendaItems },
      { entity: 'meeting_actions', ids: children.actions },
    ]);
    return reply.view('boards/staff-meeting.njk', {
      title: meeting.title,
      meeting,
      agenda,
      decisions,
      actions: actions.map((a) => withOverdue(a, today)),
      history,
      canEdit: hasRole(user, meeting.organisationId, 'editor'),
      kindLabels: meetingKindLabels,
      statusLabels: meetingStatusLabels,
      ...viewHelpers,
    });
  });

  app.get('/staff/meetings/:id/edit', guarded, async (request, reply) => {
    const { meeting } = await meetingFor(request, 'editor', 'edit it');
    return reply.view(
      'boards/meeting-form.njk',
      meetingView(
        { id: meeting.boardId, name: meeting.boardName },
        { meeting, values: { ...meeting, heldOn: datePartsOf(meeting.heldOn) } },
      ),
    );
  });

  app.post('/staff/meetings/:id/edit', guarded, async (request, reply) => {
    const { user, meeting } = await meetingFor(request, 'editor', 'edit it');
    const body = formBody(request.body);
    const heldOn = dateInputParts(body, 'heldOn');
    const parsed = meetingForm.safeParse({ ...body, heldOn });
    if (!parsed.success)
      return reply.code(400).view(
        'boards/meeting-form.njk',
        meetingView(
          { id: meeting.boardId, name: meeting.boardName },
          {
            meeting,
            values: { ...body, heldOn },
            errors: formErrors(parsed.error, { heldOn: 'heldOn-day' }),
          },
        ),
      );
    await db.transaction((trx) => updateMeeting(trx, user.id, meeting, parsed.data));
    return reply.redirect(`/staff/meetings/${meeting.id}`, 303);
  });

  // Agenda items.
  app.get('/staff/meetings/:id/agenda/new', guarded, async (request, reply) => {
    const { meeting } = await meetingFor(request, 'editor', 'add an agenda item');
    return reply.view('boards/agenda-item-form.njk', { title: 'Add an agenda item', meeting, values: {} });
  });

  app.post('/staff/meetings/:id/agenda', guarded, async (request, reply) => {
    const { user, meeting } = await meetingFor(request, 'editor', 'add an agenda item');
    const body = formBody(request.body);
    const parsed = agendaItemForm.safeParse(body);
    if (!parsed.success)
      return reply.code(400).view('boards/agenda-item-form.njk', {
        title: 'Add an agenda item',
        meeting,
        values: body,
        errors: formErrors(parsed.error),
      });
    await db.transaction((trx) => addAgendaItem(trx, user.id, meeting, parsed.data));
    return reply.redirect(`/staff/meetings/${meeting.id}#agenda`, 303);
  });

  // Decisions taken.
  const decisionLinkView = (
    meeting: MeetingWithBoard,
    values: Record<string, unknown>,
    errors?: unknown,
  ) => ({
    title: 'Link a decision',
    caption: `${meeting.title}, ${viewHelpers.formatDate(meeting.heldOn)}`,
    action: `/staff/meetings/${meeting.id}/decisions`,
    back: `/staff/meetings/${meeting.id}`,
    hint: "It appears on the meeting's public page once it is published.",
    values,
    errors,
  });

  app.get('/staff/meetings/:id/decisions/new', guarded, async (request, reply) => {
    const { meeting } = await meetingFor(request, 'editor', 'link a decision');
    return reply.view('programmes/link-decision-form.njk', decisionLinkView(meeting, {}));
  });

  app.post('/staff/meetings/:id/decisions', guarded, async (request, reply) => {
    const { user, meeting } = await meetingFor(request, 'editor', 'link a decision');
    const body = formBody(request.body);
    const parsed = decisionReferenceForm.safeParse(body);
    const decision = parsed.success ? await findVisibleDecision(db, user, parsed.data.reference) : undefined;
    if (!parsed.success || !decision) {
      const errors = parsed.success
        ? formErrorsOf({ reference: 'There is no decision with this reference that you can see' })
        : formErrors(parsed.error);
      return reply
        .code(400)
        .view('programmes/link-decision-form.njk', decisionLinkView(meeting, body, errors));
    }
    await db.transaction((trx) => linkMeetingDecision(trx, user.id, meeting, decision));
    return reply.redirect(`/staff/meetings/${meeting.id}#decisions`, 303);
  });

  // Actions.
  app.get('/staff/meetings/:id/actions/new', guarded, async (request, reply) => {
    const { meeting } = await meetingFor(request, 'editor', 'add an action');
    return reply.view('boards/action-form.njk', {
      title: 'Add an action',
      meeting,
      values: { dueOn: datePartsOf(null) },
    });
  });

  app.post('/staff/meetings/:id/actions', guarded, async (request, reply) => {
    const { user, meeting } = await meetingFor(request, 'editor', 'add an action');
    const body = formBody(request.body);
    const dueOn = dateInputParts(body, 'dueOn');
    const parsed = actionForm.safeParse({ ...body, dueOn });
    if (!parsed.success)
      return reply.code(400).view('boards/action-form.njk', {
        title: 'Add an action',
        meeting,
        values: { ...body, dueOn },
        errors: formErrors(parsed.error, { dueOn: 'dueOn-day' }),
      });
    await db.transaction((trx) => addAction(trx, user.id, meeting, parsed.data));
    return reply.redirect(`/staff/meetings/${meeting.id}#actions`, 303);
  });

  async function actionFor(request: FastifyRequest) {
    const user = staffOf(request);
    const found = await findAction(db, recordId((request.params as Params).id));
    if (!found) throw new PageNotFoundError('no such action');
    ensureRole(user, found.organisationId, 'editor', 'close it');
    return { user, found };
  }

  const actionStatusView = (
    found: NonNullable<Awaited<ReturnType<typeof findAction>>>,
    values: Record<string, unknown>,
    errors?: unknown,
  ) => ({
    title: 'Close an action',
    action: found.action,
    meetingTitle: found.meetingTitle,
    values,
    errors,
  });

  app.get('/staff/actions/:id/status', guarded, async (request, reply) => {
    const { found } = await actionFor(request);
    return reply.view('boards/action-status-form.njk', actionStatusView(found, {}));
  });

  app.post('/staff/actions/:id/status', guarded, async (request, reply) => {
    const { user, found } = await actionFor(request);
    const body = formBody(request.body);
    const parsed = actionStatusForm.safeParse(body);
    if (!parsed.success)
      return reply
        .code(400)
        .view('boards/action-status-form.njk', actionStatusView(found, body, formErrors(parsed.error)));
    if (found.action.status === 'open')
      await db.transaction((trx) =>
        setActionStatus(
          trx,
          user.id,
          found.organisationId,
          found.action,
          parsed.data.status,
          parsed.data.note,
        ),
      );
    return reply.redirect(`/staff/meetings/${found.action.meetingId}#actions`, 303);
  });
}
