import type { FastifyInstance } from 'fastify';
import { londonToday } from '../app/london-today.js';
import { PageNotFoundError } from '../app/page-not-found-error.js';
import type { Database } from '../db/database.js';
import { recordId } from '../programmes/record-id.js';
import { viewHelpers } from '../programmes/view-helpers.js';
import {
  findBoardBySlug,
  findMeeting,
  listAgendaItems,
  listBoards,
  listMeetingActions,
  listMeetingDecisions,
  listMeetings,
  listMembers,
  listOpenActions,
} from './board-repository.js';
import { meetingKindLabels, meetingStatusLabels } from './meeting-form.js';
import { withOverdue } from './with-overdue.js';

/**
 * The public board pages: /boards, /boards/actions (every open action, overdue first), /boards/{slug} (remit,
 * members, meetings newest first) and /boards/{slug}/meetings/{id} (agenda with papers, minutes, the published
 * decisions taken, and actions). Archived boards are not shown.
 */
export async function boardRoutes(app: FastifyInstance, options: { database: Database }): Promise<void> {
  const { db } = options.database;

  app.get('/boards', async (_request, reply) => {
    const list = await listBoards(db, { includeArchived: false });
    return reply.view('boards/boards.njk', {
      title: 'Boards',
      boards: list,
      demo: list.some((b) => b.isDemo),
      ...viewHelpers,
    });
  });

  app.get('/boards/actions', async (_request, reply) => {
    const today = londonToday();
    const actions = (await listOpenActions(db, today)).map((a) => withOverdue(a, today));
    return reply.view('boards/actions.njk', {
      title: 'Open actions',
      actions,
      overdueCount: actions.filter((a) => a.overdue).length,
      today,
      demo: actions.some((a) => a.isDemo),
      ...viewHelpers,
    });
  });

  app.get('/boards/:slug', async (request, reply) => {
    const { slug } = request.params as { slug: string };
    const board = await findBoardBySlug(db, slug);
    if (!board || board.archivedAt) throw new PageNotFoundError(`no board ${slug}`);
    const today = londonToday();
    const [members, meetingList] = await Promise.all([listMembers(db, board.id), listMeetings(db, board.id)]);
    const current = members.filter((m) => m.toDate === null || m.toDate >= today);
    return reply.view('boards/board.njk', {
      title: board.name,
      board,
      members: current,
      pastMembers: members.filter((m) => !current.includes(m)),
      meetings: meetingList,
      kindLabels: meetingKindLabels,
      statusLabels: meetingStatusLabels,
      demo: board.isDemo || meetingList.some((m) => m.isDemo),
      ...viewHelpers,
    });
  });

  app.get('/boards/:slug/meetings/:id', async (request, reply) => {
    const { slug, id } = request.params as { slug: string; id: string };
    const meeting = await findMeeting(db, recordId(id));
    if (!meeting || meeting.boardSlug !== slug || meeting.boardArchivedAt)
      throw new PageNotFoundError('no such meeting');
    const today = londonToday();
    const [agenda, decisions, actions] = await Promise.all([
      listAgendaItems(db, meeting.id),
      listMeetingDecisions(db, meeting.id, { publishedOnly: true }),
      listMeetingActions(db, meeting.id),
    ]);
    const shownActions = actions.map((a) => withOverdue(a, today));
    return reply.view('boards/meeting.njk', {
      title: `${meeting.title}, ${viewHelpers.formatDate(meeting.heldOn)}`,
      meeting,
      agenda,
      decisions,
      actions: shownActions,
      kindLabels: meetingKindLabels,
      statusLabels: meetingStatusLabels,
      demo: meeting.isDemo || actions.some((a) => a.isDemo) || decisions.some((d) => d.isDemo),
      ...viewHelpers,
    });
  });
}
