import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { Db } from '../db/db.js';
import { decisions } from '../decisions/decisions-table.js';
import { indicators } from '../indicators/indicators-table.js';
import { organisations } from '../people/organisations-table.js';
import { programmeDecisions, programmeIndicators } from './programme-links-table.js';
import { programmeMilestones } from './programme-milestones-table.js';
import { programmeUpdates } from './programme-updates-table.js';
import { programmes } from './programmes-table.js';

export type Programme = typeof programmes.$inferSelect;
export type ProgrammeStatus = Programme['status'];
export type Milestone = typeof programmeMilestones.$inferSelect;
export type MilestoneStatus = Milestone['status'];

/** A programme with the name of the organisation that owns it. */
export interface ProgrammeWithOwner extends Programme {
  readonly organisationName: string;
}

/** What a person enters for a programme. */
export interface ProgrammeInput {
  readonly organisationId: number;
  readonly name: string;
  readonly slug: string;
  readonly aims: string;
  readonly status: ProgrammeStatus;
}

const withOwner = {
  id: programmes.id,
  organisationId: programmes.organisationId,
  slug: programmes.slug,
  name: programmes.name,
  aims: programmes.aims,
  status: programmes.status,
  createdAt: programmes.createdAt,
  updatedAt: programmes.updatedAt,
  archivedAt: programmes.archivedAt,
  isDemo: programmes.isDemo,
  organisationName: organisations.name,
};

/** Programmes by name with their owners; archived ones only when asked (the public never sees them). */
export async function listProgrammes(
  db: Db,
  options: { includeArchived: boolean },
): Promise<ProgrammeWithOwner[]> {
  return db
    .select(withOwner)
    .from(programmes)
    .innerJoin(organisations, eq(organisations.id, programmes.organisationId))
    .where(options.includeArchived ? undefined : isNull(programmes.archivedAt))
    .orderBy(asc(programmes.name), asc(programmes.id));
}

export async function findProgrammeBySlug(db: Db, slug: string): Promise<ProgrammeWithOwner | undefined> {
  const [row] = await db
    .select(withOwner)
    .from(programmes)
    .innerJoin(organisations, eq(organisations.id, programmes.organisationId))
    .where(eq(programmes.slug, slug));
  return row;
}

export async function findProgramme(db: Db, id: number): Promise<ProgrammeWithOwner | undefined> {
  const [row] = await db
    .select(withOwner)
    .from(programmes)
    .innerJoin(organisations, eq(organisations.id, programmes.organisationId))
    .where(eq(programmes.id, id));
  return row;
}

export async function isProgrammeSlugTaken(db: Db, slug: string, exceptId?: number): Promise<boolean> {
  const rows = await db.select({ id: programmes.id }).from(programmes).where(eq(programmes.slug, slug));
  return rows.some((r) => r.id !== exceptId);
}

/** Milestones by due date. */
export async function listMilestones(db: Db, programmeId: number): Promise<Milestone[]> {
  return db
    .select()
    .from(programmeMilestones)
    .where(eq(programmeMilestones.programmeId, programmeId))
    .orderBy(asc(programmeMilestones.dueOn), asc(programmeMilestones.id));
}

export async function findMilestone(db: Db, programmeId: number, id: number): Promise<Milestone | undefined> {
  const [row] = await db
    .select()
    .from(programmeMilestones)
    .where(and(eq(programmeMilestones.id, id), eq(programmeMilestones.programmeId, programmeId)));
  return row;
}

/** Updates newest first. */
export async function listUpdates(db: Db, programmeId: number) {
  return db
    .select()
    .from(programmeUpdates)
    .where(eq(programmeUpdates.programmeId, programmeId))
    .orderBy(desc(programmeUpdates.asOf), desc(programmeUpdates.id));
}

/** A decision linked to a programme, as its pages list it. */
export interface LinkedDecision {
  readonly id: number;
  readonly reference: string;
  readonly title: string;
  readonly status: string;
  readonly organisationId: number;
  readonly isDemo: boolean;
}

/**
 * The decisions linked to a programme, by reference. `publishedOnly` for the public page: a draft, or a decision
 * whose publication is deferred, is not public and must not even be named there.
 */
export async function listLinkedDecisions(
  db: Db,
  programmeId: number,
  options: { publishedOnly: boolean },
): Promise<LinkedDecision[]> {
  return db
    .select({
      id: decisions.id,
      reference: decisions.reference,
      title: decisions.title,
      status: decisions.status,
      organisationId: decisions.organisationId,
      isDemo: decisions.isDemo,
    })
    .from(programmeDecisions)
    .innerJoin(decisions, eq(decisions.id, programmeDecisions.decisionId))
    .where(
      and(
        eq(programmeDecisions.programmeId, programmeId),
        options.publishedOnly ? eq(decisions.status, 'published') : undefined,
      ),
    )
    .orderBy(asc(decisions.reference));
}

/** An indicator by id, to link to a programme. */
export async function findIndicator(db: Db, id: number) {
  const [row] = await db
    .select({ id: indicators.id, name: indicators.name })
    .from(indicators)
    .where(eq(indicators.id, id));
  return row;
}

/** The indicators linked to a programme, by name. */
export async function listLinkedIndicators(db: Db, programmeId: number) {
  return db
    .select({ id: indicators.id, name: indicators.name, isDemo: indicators.isDemo })
    .from(programmeIndicators)
    .innerJoin(indicators, eq(indicators.id, programmeIndicators.indicatorId))
    .where(eq(programmeIndicators.programmeId, programmeId))
    .orderBy(asc(indicators.name));
}

/** Creates a programme and records it; `actorUserId` null for the system (the demo loader). */
export async function createProgramme(
  db: Db,
  actorUserId: number | null,
  input: ProgrammeInput & { readonly isDemo?: boolean },
): Promise<Programme> {
  const [row] = await db
    .insert(programmes)
    .values({ ...input, isDemo: input.isDemo ?? false })
    .returning();
  await recordAudit(db, {
    actorUserId,
    organisationId: row!.organisationId,
    entity: 'programmes',
    entityId: row!.id,
    action: 'create',
    after: row,
  });
  return row!;
}

export async function updateProgramme(
  db: Db,
  actorUserId: number,
  before: Programme,
  input: ProgrammeInput,
): Promise<void> {
  const [after] = await db
    .update(programmes)
    .set({ ...input, updatedAt: sql`now()` })
    .where(eq(programmes.id, before.id))
    .returning();
  await recordAudit(db, {
    actorUserId,
    organisationId: after!.organisationId,
    entity: 'programmes',
    entityId: before.id,
    action: 'update',
    before: programmeRow(before),
    after,
  });
}

/** Archives a programme: it leaves the public pages and lists; nothing is deleted. */
export async function archiveProgramme(
  db: Db,
  actorUserId: number,
  before: Programme,
  reason: string,
): Promise<void> {
  const [after] = await db
    .update(programmes)
    .set({ archivedAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(programmes.id, before.id))
    .returning();
  await recordAudit(db, {
    actorUserId,
    organisationId: before.organisationId,
    entity: 'programmes',
    entityId: before.id,
    action: 'archive',
    before: programmeRow(before),
    after,
    reason,
  });
}

// A ProgrammeWithOwner carries the owner's name too; the audit log keeps the row as stored.
function programmeRow(p: Programme): Programme {
  return {
    id: p.id,
    organisationId: p.organisationId,
    slug: p.slug,
    name: p.name,
    aims: p.aims,
    status: p.status,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    archivedAt: p.archivedAt,
    isDemo: p.isDemo,
  };
}

/** What a person enters for a milestone. */
export interface MilestoneInput {
  readonly title: string;
  readonly dueOn: string;
  readonly status: MilestoneStatus;
}

export async function addMilestone(
  db: Db,
  actorUserId: number | null,
  programme: Pick<Programme, 'id' | 'organisationId'>,
  input: MilestoneInput,
): Promise<Milestone> {
  const [row] = await db
    .insert(programmeMilestones)
    .values({ programmeId: programme.id, ...input })
    .returning();
  await recordAudit(db, {
    actorUserId,
    organisationId: programme.organisationId,
    entity: 'programme_milestones',
    entityId: row!.id,
    action: 'create',
    after: row,
  });
  return row!;
}

export async function updateMilestone(
  db: Db,
  actorUserId: number,
  programme: Pick<Programme, 'organisationId'>,
  before: Milestone,
  input: MilestoneInput,
): Promise<void> {
  const [after] = await db
    .update(programmeMilestones)
    .set(input)
    .where(eq(programmeMilestones.id, before.id))
    .returning();
  await recordAudit(db, {
    actorUserId,
    organisationId: programme.organisationId,
    entity: 'programme_milestones',
    entityId: before.id,
    action: 'update',
    before,
    after,
  });
}

export async function addUpdate(
  db: Db,
  actorUserId: number | null,
  programme: Pick<Programme, 'id' | 'organisationId'>,
  input: { readonly asOf: string; readonly body: string },
): Promise<number> {
  const [row] = await db
    .insert(programmeUpdates)
    .values({ programmeId: programme.id, asOf: input.asOf, body: input.body, authorUserId: actorUserId })
    .returning();
  await recordAudit(db, {
    actorUserId,
    organisationId: programme.organisationId,
    entity: 'programme_updates',
    entityId: row!.id,
    action: 'create',
    after: row,
  });
  return row!.id;
}

/**
 * Links a decision to a programme (recorded on the programme, action link-decision); false when it was linked
 * already.
 */
export async function linkDecision(
  db: Db,
  actorUserId: number | null,
  programme: Pick<Programme, 'id' | 'organisationId'>,
  decision: { readonly id: number; readonly reference: string },
): Promise<boolean> {
  const inserted = await db
    .insert(programmeDecisions)
    .values({ programmeId: programme.id, decisionId: decision.id })
    .onConflictDoNothing()
    .returning();
  if (inserted.length === 0) return false;
  await recordAudit(db, {
    actorUserId,
    organisationId: programme.organisationId,
    entity: 'programmes',
    entityId: programme.id,
    action: 'link-decision',
    after: { decisionId: decision.id, reference: decision.reference },
  });
  return true;
}

/**
 * Unlinks a decision. A link is not a record of its own (the table has no archived_at): the row goes, and the
 * audit log keeps what it was.
 */
export async function unlinkDecision(
  db: Db,
  actorUserId: number,
  programme: Pick<Programme, 'id' | 'organisationId'>,
  decision: { readonly id: number; readonly reference: string },
): Promise<boolean> {
  const removed = await db
    .delete(programmeDecisions)
    .where(
      and(eq(programmeDecisions.programmeId, programme.id), eq(programmeDecisions.decisionId, decision.id)),
    )
    .returning();
  if (removed.length === 0) return false;
  await recordAudit(db, {
    actorUserId,
    organisationId: programme.organisationId,
    entity: 'programmes',
    entityId: programme.id,
    action: 'unlink-decision',
    before: { decisionId: decision.id, reference: decision.reference },
  });
  return true;
}

export async function linkIndicator(
  db: Db,
  actorUserId: number | null,
  programme: Pick<Programme, 'id' | 'organisationId'>,
  indicator: { readonly id: number; readonly name: string },
): Promise<boolean> {
  const inserted = await db
    .insert(programmeIndicators)
    .values({ programmeId: programme.id, indicatorId: indicator.id })
    .onConflictDoNothing()
    .returning();
  if (inserted.length === 0) return false;
  await recordAudit(db, {
    actorUserId,
    organisationId: programme.organisationId,
    entity: 'programmes',
    entityId: programme.id,
    action: 'link-indicator',
    after: { indicatorId: indicator.id, name: indicator.name },
  });
  return true;
}

export async function unlinkIndicator(
  db: Db,
  actorUserId: number,
  programme: Pick<Programme, 'id' | 'organisationId'>,
  indicator: { readonly id: number; readonly name: string },
): Promise<boolean> {
  const removed = await db
    .delete(programmeIndicators)
    .where(
      and(
        eq(programmeIndicators.programmeId, programme.id),
        eq(programmeIndicators.indicatorId, indicator.id),
      ),
    )
    .returning();
  if (removed.length === 0) return false;
  await recordAudit(db, {
    actorUserId,
    organisationId: programme.organisationId,
    entity: 'programmes',
    entityId: programme.id,
    action: 'unlink-indicator',
    before: { indicatorId: indicator.id, name: indicator.name },
  });
  return true;
}

/** The ids of a programme's milestones and updates, for its history. */
export async function programmeChildIds(db: Db, programmeId: number) {
  const milestones = await db
    .select({ id: programmeMilestones.id })
    .from(programmeMilestones)
    .where(eq(programmeMilestones.programmeId, programmeId));
  const updates = await db
    .select({ id: programmeUpdates.id })
    .from(programmeUpdates)
    .where(eq(programmeUpdates.programmeId, programmeId));
  return { milestones: milestones.map((m) => m.id), updates: updates.map((u) => u.id) };
}
