import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { Db } from '../db/db.js';
import { decisions } from '../decisions/decisions-table.js';
import { organisations } from '../people/organisations-table.js';
import { agendaItems } from './agenda-items-table.js';
import { boardMembers } from './board-members-table.js';
import { boards } from './boards-table.js';
import { meetingActions } from './meeting-actions-table.js';
import { meetingDecisions } from './meeting-decisions-table.js';
import { meetings } from './meetings-table.js';

export type Board = typeof boards.$inferSelect;
export type BoardMember = typeof boardMembers.$inferSelect;
export type Meeting = typeof meetings.$inferSelect;
export type MeetingKind = Meeting['kind'];
export type MeetingStatus = Meeting['status'];
export type AgendaItem = typeof agendaItems.$inferSelect;
export type MeetingAction = typeof meetingActions.$inferSelect;

export interface BoardWithOwner extends Board {
  readonly organisationName: string;
}

/** A meeting with its board, whose organisation decides who may change it. */
export interface MeetingWithBoard extends Meeting {
  readonly boardSlug: string;
  readonly boardName: string;
  readonly organisationId: number;
  readonly boardArchivedAt: Date | null;
}

const boardWithOwner = {
  id: boards.id,
  organisationId: boards.organisationId,
  slug: boards.slug,
  name: boards.name,
  remit: boards.remit,
  createdAt: boards.createdAt,
  updatedAt: boards.updatedAt,
  archivedAt: boards.archivedAt,
  isDemo: boards.isDemo,
  organisationName: organisations.name,
};

/** Boards by name; archived ones only when asked. */
export async function listBoards(db: Db, options: { includeArchived: boolean }): Promise<BoardWithOwner[]> {
  return db
    .select(boardWithOwner)
    .from(boards)
    .innerJoin(organisations, eq(organisations.id, boards.organisationId))
    .where(options.includeArchived ? undefined : isNull(boards.archivedAt))
    .orderBy(asc(boards.name), asc(boards.id));
}

export async function findBoardBySlug(db: Db, slug: string): Promise<BoardWithOwner | undefined> {
  const [row] = await db
    .select(boardWithOwner)
    .from(boards)
    .innerJoin(organisations, eq(organisations.id, boards.organisationId))
    .where(eq(boards.slug, slug));
  return row;
}

export async function findBoard(db: Db, id: number): Promise<BoardWithOwner | undefined> {
  const [row] = await db
    .select(boardWithOwner)
    .from(boards)
    .innerJoin(organisations, eq(organisations.id, boards.organisationId))
    .where(eq(boards.id, id));
  return row;
}

export async function isBoardSlugTaken(db: Db, slug: string, exceptId?: number): Promise<boolean> {
  const rows = await db.select({ id: boards.id }).from(boards).where(eq(boards.slug, slug));
  return rows.some((r) => r.id !== exceptId);
}

/** A board's members, current and past, with whom they represent. */
export async function listMembers(db: Db, boardId: number) {
  return db
    .select({
      id: boardMembers.id,
      boardId: boardMembers.boardId,
      name: boardMembers.name,
      role: boardMembers.role,
      organisationId: boardMembers.organisationId,
      organisationName: organisations.name,
      fromDate: boardMembers.fromDate,
      toDate: boardMembers.toDate,
    })
    .from(boardMembers)
    .leftJoin(organisations, eq(organisations.id, boardMembers.organisationId))
    .where(eq(boardMembers.boardId, boardId))
    .orderBy(asc(boardMembers.id));
}

export async function findMember(db: Db, boardId: number, id: number): Promise<BoardMember | undefined> {
  const [row] = await db
    .select()
    .from(boardMembers)
    .where(and(eq(boardMembers.id, id), eq(boardMembers.boardId, boardId)));
  return row;
}

/** A board's meetings, newest first. */
export async function listMeetings(db: Db, boardId: number): Promise<Meeting[]> {
  return db
    .select()
    .from(meetings)
    .where(eq(meetings.boardId, boardId))
    .orderBy(desc(meetings.heldOn), desc(meetings.id));
}

export async function findMeeting(db: Db, id: number): Promise<MeetingWithBoard | undefined> {
  const [row] = await db
    .select({
      id: meetings.id,
      boardId: meetings.boardId,
      kind: meetings.kind,
      title: meetings.title,
      heldOn: meetings.heldOn,
      location: meetings.location,
      minutes: meetings.minutes,
      status: meetings.status,
      createdAt: meetings.createdAt,
      updatedAt: meetings.updatedAt,
      isDemo: meetings.isDemo,
      boardSlug: boards.slug,
      boardName: boards.name,
      organisationId: boards.organisationId,
      boardArchivedAt: boards.archivedAt,
    })
    .from(meetings)
    .innerJoin(boards, eq(boards.id, meetings.boardId))
    .where(eq(meetings.id, id));
  return row;
}

export async function listAgendaItems(db: Db, meetingId: number): Promise<AgendaItem[]> {
  return db
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position), asc(agendaItems.id));
}

/** The decisions linked to a meeting; only published ones for the public page. */
export async function listMeetingDecisions(db: Db, meetingId: number, options: { publishedOnly: boolean }) {
  return db
    .select({
      id: decisions.id,
      reference: decisions.reference,
      title: decisions.title,
      status: decisions.status,
      isDemo: decisions.isDemo,
    })
    .from(meetingDecisions)
    .innerJoin(decisions, eq(decisions.id, meetingDecisions.decisionId))
    .where(
      and(
        eq(meetingDecisions.meetingId, meetingId),
        options.publishedOnly ? eq(decisions.status, 'published') : undefined,
      ),
    )
    .orderBy(asc(decisions.reference));
}

/** A meeting's actions by due date. */
export async function listMeetingActions(db: Db, meetingId: number): Promise<MeetingAction[]> {
  return db
    .select()
    .from(meetingActions)
    .where(eq(meetingActions.meetingId, meetingId))
    .orderBy(asc(meetingActions.dueOn), asc(meetingActions.id));
}

/** An action with the meeting and board it came from. */
export async function findAction(db: Db, id: number) {
  const [row] = await db
    .select({
      action: meetingActions,
      meetingTitle: meetings.title,
      boardId: boards.id,
      boardName: boards.name,
      organisationId: boards.organisationId,
    })
    .from(meetingActions)
    .innerJoin(meetings, eq(meetings.id, meetingActions.meetingId))
    .innerJoin(boards, eq(boards.id, meetings.boardId))
    .where(eq(meetingActions.id, id));
  return row;
}

/**
 * Every open action of the boards that are not archived, overdue ones (due before `today`) first, then by due
 * date.
 */
export async function listOpenActions(db: Db, today: string) {
  return db
    .select({
      id: meetingActions.id,
      description: meetingActions.description,
      owner: meetingActions.owner,
      dueOn: meetingActions.dueOn,
      status: meetingActions.status,
      isDemo: meetingActions.isDemo,
      meetingId: meetings.id,
      meetingTitle: meetings.title,
      heldOn: meetings.heldOn,
      boardSlug: boards.slug,
      boardName: boards.name,
    })
    .from(meetingActions)
    .innerJoin(meetings, eq(meetings.id, meetingActions.meetingId))
    .innerJoin(boards, eq(boards.id, meetings.boardId))
    .where(and(eq(meetingActions.status, 'open'), isNull(boards.archivedAt)))
    .orderBy(
      sql`case when ${meetingActions.dueOn} < ${today} then 0 else 1 end`,
      asc(meetingActions.dueOn),
      asc(meetingActions.id),
    );
}

/** What a person enters for a board. */
export interface BoardInput {
  readonly organisationId: number;
  readonly name: string;
  readonly slug: string;
  readonly remit: string;
}

function boardRow(b: Board): Board {
  return {
    id: b.id,
    organisationId: b.organisationId,
    slug: b.slug,
    name: b.name,
    remit: b.remit,
    createdAt: b.createdAt,
    updatedAt: b.updatedAt,
    archivedAt: b.archivedAt,
    isDemo: b.isDemo,
  };
}

export async function createBoard(
  db: Db,
  actorUserId: number | null,
  input: BoardInput & { readonly isDemo?: boolean },
): Promise<Board> {
  const [row] = await db
    .insert(boards)
    .values({ ...input, isDemo: input.isDemo ?? false })
    .returning();
  await recordAudit(db, {
    actorUserId,
    organisationId: row!.organisationId,
    entity: 'boards',
    entityId: row!.id,
    action: 'create',
    after: row,
  });
  return row!;
}

export async function updateBoard(
  db: Db,
  actorUserId: number,
  before: Board,
  input: BoardInput,
): Promise<void> {
  const [after] = await db
    .update(boards)
    .set({ ...input, updatedAt: sql`now()` })
    .where(eq(boards.id, before.id))
    .returning();
  await recordAudit(db, {
    actorUserId,
    organisationId: after!.organisationId,
    entity: 'boards',
    entityId: before.id,
    action: 'update',
    before: boardRow(before),
    after,
  });
}

/** What a person enters for a board member: a name or a role title, the role on the board, whom they represent. */
export interface MemberInput {
  readonly name: string;
  readonly role: string;
  readonly organisationId: number | null;
  readonly fromDate: string | null;
}

export async function addMember(
  db: Db,
  actorUserId: number | null,
  board: Pick<Board, 'id' | 'organisationId'>,
  input: MemberInput,
): Promise<BoardMember> {
  const [row] = await db
    .insert(boardMembers)
    .values({ boardId: board.id, ...input })
    .returning();
  await recordAudit(db, {
    actorUserId,
    organisationId: board.organisationId,
    entity: 'board_members',
    entityId: row!.id,
    action: 'create',
    after: row,
  });
  return row!;
}

/** Ends a membership on a date; the member stays on record as a past member. */
export async function endMember(
  db: Db,
  actorUserId: number,
  board: Pick<Board, 'organisationId'>,
  before: BoardMember,
  toDate: string,
): Promise<void> {
  const [after] = await db
    .update(boardMembers)
    .set({ toDate })
    .where(eq(boardMembers.id, before.id))
    .returning();
  await recordAudit(db, {
    actorUserId,
    organisationId: board.organisationId,
    entity: 'board_members',
    entityId: before.id,
    action: 'end',
    before,
    after,
  });
}

/** What a person enters for a meeting. */
export interface MeetingInput {
  readonly kind: MeetingKind;
  readonly title: string;
  readonly heldOn: string;
  readonly location: string;
  readonly status: MeetingStatus;
  readonly minutes: string;
}

export async function createMeeting(
  db: Db,
  actorUserId: number | null,
  board: Pick<Board, 'id' | 'organisationId'>,
  input: MeetingInput & { readonly isDemo?: boolean },
): Promise<Meeting> {
  const [row] = await db
    .insert(meetings)
    .values({ boardId: board.id, ...input, isDemo: input.isDemo ?? false })
    .returning();
  await recordAudit(db, {
    actorUserId,
    organisationId: board.organisationId,
    entity: 'meetings',
    entityId: row!.id,
    action: 'create',
    after: row,
  });
  return row!;
}

function meetingRow(m: Meeting): Meeting {
  return {
    id: m.id,
    boardId: m.boardId,
    kind: m.kind,
    title: m.title,
    heldOn: m.heldOn,
    location: m.location,
    minutes: m.minutes,
    status: m.status,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
    isDemo: m.isDemo,
  };
}

export async function updateMeeting(
  db: Db,
  actorUserId: number,
  before: MeetingWithBoard,
  input: MeetingInput,
): Promise<void> {
  const [after] = await db
    .update(meetings)
    .set({ ...input, updatedAt: sql`now()` })
    .where(eq(meetings.id, before.id))
    .returning();
  await recordAudit(db, {
    actorUserId,
    organisationId: before.organisationId,
    entity: 'meetings',
    entityId: before.id,
    action: 'update',
    before: meetingRow(before),
    after,
  });
}

/** Adds an item at the end of a meeting's agenda. */
export async function addAgendaItem(
  db: Db,
  actorUserId: number | null,
  meeting: Pick<MeetingWithBoard, 'id' | 'organisationId'>,
  input: { readonly title: string; readonly paperTitle: string; readonly paperUrl: string },
): Promise<AgendaItem> {
  const [last] = await db
    .select({ position: sql<number>`coalesce(max(${agendaItems.position}), 0)` })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meeting.id));
  const [row] = await db
    .insert(agendaItems)
    .values({ meetingId: meeting.id, position: Number(last?.position ?? 0) + 1, ...input })
    .returning();
  await recordAudit(db, {
    actorUserId,
    organisationId: meeting.organisationId,
    entity: 'agenda_items',
    entityId: row!.id,
    action: 'create',
    after: row,
  });
  return row!;
}

/** Links a decision taken at (or reported to) a meeting, recorded on the meeting; false if linked already. */
export async function linkMeetingDecision(
  db: Db,
  actorUserId: number | null,
  meeting: Pick<MeetingWithBoard, 'id' | 'organisationId'>,
  decision: { readonly id: number; readonly reference: string },
): Promise<boolean> {
  const inserted = await db
    .insert(meetingDecisions)
    .values({ meetingId: meeting.id, decisionId: decision.id })
    .onConflictDoNothing()
    .returning();
  if (inserted.length === 0) return false;
  await recordAudit(db, {
    actorUserId,
    organisationId: meeting.organisationId,
    entity: 'meetings',
    entityId: meeting.id,
    action: 'link-decision',
    after: { decisionId: decision.id, reference: decision.reference },
  });
  return true;
}

export async function addAction(
  db: Db,
  actorUserId: number | null,
  meeting: Pick<MeetingWithBoard, 'id' | 'organisationId'>,
  input: {
    readonly description: string;
    readonly owner: string;
    readonly dueOn: string;
    readonly isDemo?: boolean;
  },
): Promise<MeetingAction> {
  const [row] = await db
    .insert(meetingActions)
    .values({ meetingId: meeting.id, ...input, isDemo: input.isDemo ?? false })
    .returning();
  await recordAudit(db, {
    actorUserId,
    organisationId: meeting.organisationId,
    entity: 'meeting_actions',
    entityId: row!.id,
    action: 'create',
    after: row,
  });
  return row!;
}

/** Marks an action done or dropped (its `action` in the audit log is the new status). */
export async function setActionStatus(
  db: Db,
  actorUserId: number | null,
  organisationId: number,
  before: MeetingAction,
  status: 'done' | 'dropped',
  note: string,
): Promise<void> {
  const [after] = await db
    .update(meetingActions)
    .set({ status, completedAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(meetingActions.id, before.id))
    .returning();
  await recordAudit(db, {
    actorUserId,
    organisationId,
    entity: 'meeting_actions',
    entityId: before.id,
    action: status,
    before,
    after,
    reason: note || null,
  });
}

/** The ids of a meeting's agenda items and actions, for its history. */
export async function meetingChildIds(db: Db, meetingId: number) {
  const items = await db
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId));
  const actions = await db
    .select({ id: meetingActions.id })
    .from(meetingActions)
    .where(eq(meetingActions.meetingId, meetingId));
  return { agendaItems: items.map((i) => i.id), actions: actions.map((a) => a.id) };
}

/** Every organisation that is not archived, by name: whom a board member can represent. */
export async function organisationChoices(db: Db) {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(isNull(organisations.archivedAt))
    .orderBy(asc(organisations.name));
}
