import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { Db } from '../db/db.js';
import { organisations } from '../people/organisations-table.js';
import { users } from '../people/users-table.js';
import { programmes } from '../programmes/programmes-table.js';
import { type RiskBanding, ragForScore } from './risk-banding.js';
import { riskRatings } from './risk-ratings-table.js';
import { risks } from './risks-table.js';

export type Risk = typeof risks.$inferSelect;
export type RiskKind = Risk['kind'];

/** A risk with the names a page shows beside it. */
export interface RiskWithNames extends Risk {
  readonly organisationName: string;
  readonly programmeName: string | null;
  readonly programmeSlug: string | null;
}

/** What a person enters for a risk; the RAG is never entered, it comes from the banding of the score. */
export interface RiskInput {
  readonly kind: RiskKind;
  readonly title: string;
  readonly description: string;
  readonly owner: string;
  readonly likelihood: number;
  readonly impact: number;
  readonly mitigations: string;
  readonly programmeId: number | null;
}

const withNames = {
  id: risks.id,
  organisationId: risks.organisationId,
  programmeId: risks.programmeId,
  kind: risks.kind,
  title: risks.title,
  description: risks.description,
  owner: risks.owner,
  likelihood: risks.likelihood,
  impact: risks.impact,
  score: risks.score,
  rag: risks.rag,
  mitigations: risks.mitigations,
  status: risks.status,
  createdAt: risks.createdAt,
  updatedAt: risks.updatedAt,
  archivedAt: risks.archivedAt,
  isDemo: risks.isDemo,
  organisationName: organisations.name,
  programmeName: programmes.name,
  programmeSlug: programmes.slug,
};

/** The risks and issues of these organisations that are not archived, open and closed. */
export async function listRisks(db: Db, organisationIds: readonly number[]): Promise<RiskWithNames[]> {
  if (organisationIds.length === 0) return [];
  return db
    .select(withNames)
    .from(risks)
    .innerJoin(organisations, eq(organisations.id, risks.organisationId))
    .leftJoin(programmes, eq(programmes.id, risks.programmeId))
    .where(and(inArray(risks.organisationId, [...organisationIds]), isNull(risks.archivedAt)))
    .orderBy(desc(risks.score), risks.title, risks.id);
}

export async function findRisk(db: Db, id: number): Promise<RiskWithNames | undefined> {
  const [row] = await db
    .select(withNames)
    .from(risks)
    .innerJoin(organisations, eq(organisations.id, risks.organisationId))
    .leftJoin(programmes, eq(programmes.id, risks.programmeId))
    .where(eq(risks.id, id));
  return row;
}

/** Every rating a risk has had, newest first, with who set it. */
export async function listRatings(db: Db, riskId: number) {
  return db
    .select({
      id: riskRatings.id,
      likelihood: riskRatings.likelihood,
      impact: riskRatings.impact,
      rag: riskRatings.rag,
      reason: riskRatings.reason,
      ratedAt: riskRatings.ratedAt,
      ratedBy: users.name,
    })
    .from(riskRatings)
    .leftJoin(users, eq(users.id, riskRatings.ratedByUserId))
    .where(eq(riskRatings.riskId, riskId))
    .orderBy(desc(riskRatings.ratedAt), desc(riskRatings.id));
}

// The row as stored, without the names joined for display, for the audit log.
function riskRow(r: Risk): Risk {
  return {
    id: r.id,
    organisationId: r.organisationId,
    programmeId: r.programmeId,
    kind: r.kind,
    title: r.title,
    description: r.description,
    owner: r.owner,
    likelihood: r.likelihood,
    impact: r.impact,
    score: r.score,
    rag: r.rag,
    mitigations: r.mitigations,
    status: r.status,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    archivedAt: r.archivedAt,
    isDemo: r.isDemo,
  };
}

async function insertRating(
  db: Db,
  actorUserId: number | null,
  riskId: number,
  rating: { likelihood: number; impact: number; rag: Risk['rag']; reason: string; ratedAt?: Date },
): Promise<void> {
  await db.insert(riskRatings).values({
    riskId,
    likelihood: rating.likelihood,
    impact: rating.impact,
    rag: rating.rag,
    reason: rating.reason,
    ratedByUserId: actorUserId,
    ...(rating.ratedAt ? { ratedAt: rating.ratedAt } : {}),
  });
}

/**
 * Creates a risk or issue with its first rating (the first row of its rating history) and records it. The
 * RAG is the banding's for likelihood × impact.
 */
export async function createRisk(
  db: Db,
  actorUserId: number | null,
  organisationId: number,
  input: RiskInput,
  banding: RiskBanding,
  options: { readonly isDemo?: boolean; readonly ratingReason?: string; readonly ratedAt?: Date } = {},
): Promise<Risk> {
  const rag = ragForScore(banding, input.likelihood * input.impact);
  const [row] = await db
    .insert(risks)
    .values({ ...input, organisationId, rag, isDemo: options.isDemo ?? false })
    .returning();
  await insertRating(db, actorUserId, row!.id, {
    likelihood: input.likelihood,
    impact: input.impact,
    rag,
    reason: options.ratingReason ?? 'First rating',
    ratedAt: options.ratedAt,
  });
  await recordAudit(db, {
    actorUserId,
    organisationId,
    entity: 'risks',
    entityId: row!.id,
    action: 'create',
    after: row,
  });
  return row!;
}

/**
 * Edits a risk. When the likelihood or impact changes, that is a re-rating: a row in its rating history with
 * `ratingReason`, and the RAG the banding gives the new score.
 */
export async function updateRisk(
  db: Db,
  actorUserId: number,
  before: Risk,
  input: RiskInput,
  banding: RiskBanding,
  ratingReason: string,
): Promise<void> {
  const rerated = input.likelihood !== before.likelihood || input.impact !== before.impact;
  const rag = ragForScore(banding, input.likelihood * input.impact);
  const [after] = await db
    .update(risks)
    .set({ ...input, rag, updatedAt: sql`now()` })
    .where(eq(risks.id, before.id))
    .returning();
  if (rerated)
    await insertRating(db, actorUserId, before.id, {
      likelihood: input.likelihood,
      impact: input.impact,
      rag,
      reason: ratingReason,
    });
  await recordAudit(db, {
    actorUserId,
    organisationId: before.organisationId,
    entity: 'risks',
    entityId: before.id,
    action: 'update',
    before: riskRow(before),
    after,
    reason: rerated ? ratingReason : null,
  });
}

/** Re-rates a risk: a new row in its rating history (even when the rating stays: a review), and the risk. */
export async function rerateRisk(
  db: Db,
  actorUserId: number | null,
  before: Risk,
  rating: {
    readonly likelihood: number;
    readonly impact: number;
    readonly reason: string;
    readonly ratedAt?: Date;
  },
  banding: RiskBanding,
): Promise<void> {
  const rag = ragForScore(banding, rating.likelihood * rating.impact);
  const [after] = await db
    .update(risks)
    .set({ likelihood: rating.likelihood, impact: rating.impact, rag, updatedAt: sql`now()` })
    .where(eq(risks.id, before.id))
    .returning();
  await insertRating(db, actorUserId, before.id, { ...rating, rag });
  await recordAudit(db, {
    actorUserId,
    organisationId: before.organisationId,
    entity: 'risks',
    entityId: before.id,
    action: 'rerate',
    before: riskRow(before),
    after,
    reason: rating.reason,
  });
}

/** Closes a risk (it has passed, or the issue is resolved); it stays on record. */
export async function closeRisk(
  db: Db,
  actorUserId: number | null,
  before: Risk,
  reason: string,
): Promise<void> {
  const [after] = await db
    .update(risks)
    .set({ status: 'closed', updatedAt: sql`now()` })
    .where(eq(risks.id, before.id))
    .returning();
  await recordAudit(db, {
    actorUserId,
    organisationId: before.organisationId,
    entity: 'risks',
    entityId: before.id,
    action: 'close',
    before: riskRow(before),
    after,
    reason,
  });
}

/** Archives a risk (entered in error, or no longer kept): it leaves the register; nothing is deleted. */
export async function archiveRisk(db: Db, actorUserId: number, before: Risk, reason: string): Promise<void> {
  const [after] = await db
    .update(risks)
    .set({ archivedAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(risks.id, before.id))
    .returning();
  await recordAudit(db, {
    actorUserId,
    organisationId: before.organisationId,
    entity: 'risks',
    entityId: before.id,
    action: 'archive',
    before: riskRow(before),
    after,
    reason,
  });
}

/** The programmes a risk can belong to: every one not archived, by name. */
export async function programmeChoices(db: Db) {
  return db
    .select({ id: programmes.id, name: programmes.name })
    .from(programmes)
    .where(isNull(programmes.archivedAt))
    .orderBy(programmes.name);
}
