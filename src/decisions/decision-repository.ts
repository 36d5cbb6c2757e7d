import { and, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { Db } from '../db/db.js';
import { organisations } from '../people/organisations-table.js';
import type { DecisionFields } from './decision-form.js';
import { DecisionNotEditableError } from './decision-not-editable-error.js';
import { DecisionNotFoundError } from './decision-not-found-error.js';
import { DecisionReferenceTakenError } from './decision-reference-taken-error.js';
import { editableStatuses } from './decision-workflow.js';
import { type DecisionStatus, decisions } from './decisions-table.js';
import { sqlStateOf } from './sql-state-of.js';

const { searchVector: _searchVector, ...recordColumns } = getTableColumns(decisions);

/** A decision as the application reads it (without its search vector), with its organisation's names. */
export type Decision = Omit<typeof decisions.$inferSelect, 'searchVector'> & {
  readonly organisationSlug: string;
  readonly organisationName: string;
};

/** The fields of a decision that its form sets, in the order the form shows them. */
export const formFieldNames = [
  'reference',
  'type',
  'title',
  'directorate',
  'decisionMaker',
  'decisionDate',
  'executiveSummary',
  'decisionText',
  'nonConfidentialFacts',
  'objectivesAndOutcomes',
  'equalityComments',
  'protectedCharacteristics',
  'strategyLinks',
  'consultations',
  'conflictsOfInterest',
  'financialComments',
  'legalComments',
  'part2',
  'novelOrContentious',
] as const satisfies readonly (keyof DecisionFields)[];

const selectDecision = (db: Db) =>
  db
    .select({ ...recordColumns, organisationSlug: organisations.slug, organisationName: organisations.name })
    .from(decisions)
    .innerJoin(organisations, eq(organisations.id, decisions.organisationId));

/** The decision with this id or reference, whatever its status; callers decide who may see it. */
export async function findDecision(
  db: Db,
  by: { readonly id: number } | { readonly reference: string },
): Promise<Decision | undefined> {
  const [row] = await selectDecision(db).where(
    'id' in by ? eq(decisions.id, by.id) : eq(decisions.reference, by.reference),
  );
  return row;
}

/**
 * The decision, locked until the transaction ends (SELECT ... FOR UPDATE), so that a change of its fields or
 * lines cannot interleave with a workflow transition. Throws when it is missing or not editable.
 */
export async function lockEditableDecision(db: Db, id: number): Promise<Decision> {
  const [row] = await selectDecision(db).where(eq(decisions.id, id)).for('update', { of: decisions });
  if (!row) throw new DecisionNotFoundError(id);
  if (!editableStatuses.includes(row.status)) throw new DecisionNotEditableError(row.status);
  return row;
}

/** The decisions of these organisations, most recently changed first, optionally of one status. */
export async function listOrganisationDecisions(
  db: Db,
  organisationIds: readonly number[],
  status?: DecisionStatus,
): Promise<Decision[]> {
  if (organisationIds.length === 0) return [];
  const where = inArray(decisions.organisationId, [...organisationIds]);
  return selectDecision(db)
    .where(status ? and(where, eq(decisions.status, status)) : where)
    .orderBy(desc(decisions.updatedAt), desc(decisions.id));
}

async function referenceTaken(db: Db, reference: string, exceptId?: number): Promise<boolean> {
  const rows = await db
    .select({ id: decisions.id })
    .from(decisions)
    .where(sql`lower(${decisions.reference}) = lower(${reference})`);
  return rows.some((r) => r.id !== exceptId);
}

function throwIfReferenceTaken(error: unknown, reference: string): never {
  const state = sqlStateOf(error);
  if (state?.code === '23505' && state.constraint === 'decisions_reference_unique')
    throw new DecisionReferenceTakenError(reference);
  throw error;
}

/**
 * Creates a draft owned by `organisationId`, written by `actorUserId`, with its audit entry. References are
 * unique regardless of case (MD3326 and md3326 would be one decision to a reader): DecisionReferenceTakenError.
 */
export async function createDecision(
  db: Db,
  actorUserId: number | null,
  organisationId: number,
  fields: DecisionFields,
  options: { readonly isDemo?: boolean } = {},
): Promise<number> {
  return db.transaction(async (trx) => {
    if (await referenceTaken(trx, fields.reference)) throw new DecisionReferenceTakenError(fields.reference);
    const [row] = await trx
      .insert(decisions)
      .values({
        ...fields,
        organisationId,
        authorUserId: actorUserId,
        status: 'draft',
        isDemo: options.isDemo ?? false,
      })
      .returning(recordColumns)
      .catch((error: unknown) => throwIfReferenceTaken(error, fields.reference));
    await recordAudit(trx, {
      actorUserId,
      organisationId,
      entity: 'decisions',
      entityId: row!.id,
      action: 'create',
      after: row,
    });
    return row!.id;
  });
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Saves the form's fields over a draft or returned decision, recording only what changed (before and
 * after) in the audit log; nothing is written when nothing changed.
 */
export async function updateDecision(
  db: Db,
  actorUserId: number,
  id: number,
  fields: DecisionFields,
): Promise<{ changed: readonly string[] }> {
  return db.transaction(async (trx) => {
    const current = await lockEditableDecision(trx, id);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const name of formFieldNames) {
      if (same(current[name], fields[name])) continue;
      before[name] = current[name];
      after[name] = fields[name];
    }
    const changed = Object.keys(after);
    if (changed.length === 0) return { changed };
    if (after.reference !== undefined && (await referenceTaken(trx, fields.reference, id)))
      throw new DecisionReferenceTakenError(fields.reference);
    await trx
      .update(decisions)
      .set({ ...after, updatedAt: sql`now()` })
      .where(and(eq(decisions.id, id), inArray(decisions.status, [...editableStatuses])))
      .catch((error: unknown) => throwIfReferenceTaken(error, fields.reference));
    await recordAudit(trx, {
      actorUserId,
      organisationId: current.organisationId,
      entity: 'decisions',
      entityId: id,
      action: 'update',
      before,
      after,
    });
    return { changed };
  });
}
