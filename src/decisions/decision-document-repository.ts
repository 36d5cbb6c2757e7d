import { createHash } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { Db } from '../db/db.js';
import { decisionDocuments } from './decision-documents-table.js';
import { DecisionNotFoundError } from './decision-not-found-error.js';
import { DecisionStatusConflictError } from './decision-status-conflict-error.js';
import { decisions } from './decisions-table.js';

/** A stored document's description, without its bytes. */
export interface DecisionDocumentSummary {
  readonly id: number;
  readonly decisionId: number;
  readonly fileName: string;
  readonly contentType: string;
  readonly sha256: string;
  readonly byteLength: number;
  readonly uploadedByUserId: number | null;
  readonly uploadedAt: Date;
}

const summaryColumns = {
  id: decisionDocuments.id,
  decisionId: decisionDocuments.decisionId,
  fileName: decisionDocuments.fileName,
  contentType: decisionDocuments.contentType,
  sha256: decisionDocuments.sha256,
  byteLength: decisionDocuments.byteLength,
  uploadedByUserId: decisionDocuments.uploadedByUserId,
  uploadedAt: decisionDocuments.uploadedAt,
};

/** A file name for the stored form: the reference, made safe for a header and a file system. */
export function signedFileName(reference: string): string {
  return `${reference.replace(/[^A-Za-z0-9._-]+/g, '-')}-signed.pdf`;
}

/**
 * Stores a signed decision form (already checked to be a PDF) with its SHA-256, while the decision is
 * approved and not yet signed: the form is what the decision-maker signed, so it is fixed from signing on.
 * The newest upload is the one that counts; earlier ones stay, as nothing is deleted.
 */
export async function storeDecisionDocument(
  db: Db,
  actorUserId: number,
  decisionId: number,
  content: Buffer,
): Promise<DecisionDocumentSummary> {
  return db.transaction(async (trx) => {
    const [decision] = await trx
      .select({
        status: decisions.status,
        reference: decisions.reference,
        organisationId: decisions.organisationId,
      })
      .from(decisions)
      .where(eq(decisions.id, decisionId))
      .for('update');
    if (!decision) throw new DecisionNotFoundError(decisionId);
    if (decision.status !== 'approved')
      throw new DecisionStatusConflictError(decision.status, 'upload a signed decision form');
    const sha256 = createHash('sha256').update(content).digest('hex');
    const [row] = await trx
      .insert(decisionDocuments)
      .values({
        decisionId,
        fileName: signedFileName(decision.reference),
        contentType: 'application/pdf',
        sha256,
        byteLength: content.length,
        content,
        uploadedByUserId: actorUserId,
      })
      .returning(summaryColumns);
    await recordAudit(trx, {
      actorUserId,
      organisationId: decision.organisationId,
      entity: 'decision_documents',
      entityId: row!.id,
      action: 'create',
      after: row,
    });
    await trx.update(decisions).set({ updatedAt: sql`now()` }).where(eq(decisions.id, decisionId));
    return row!;
  });
}

/** The decision's documents, newest first (the first is the signed form that counts). */
export async function listDecisionDocuments(db: Db, decisionId: number): Promise<DecisionDocumentSummary[]> {
  return db
    .select(summaryColumns)
    .from(decisionDocuments)
    .where(eq(decisionDocuments.decisionId, decisionId))
    .orderBy(desc(decisionDocuments.id));
}

/** One document of the decision with its bytes, or undefined. */
export async function findDecisionDocument(
  db: Db,
  decisionId: number,
  documentId?: number,
): Promise<(DecisionDocumentSummary & { readonly content: Buffer }) | undefined> {
  const [row] = await db
    .select({ ...summaryColumns, content: decisionDocuments.content })
    .from(decisionDocuments)
    .where(
      documentId === undefined
        ? eq(decisionDocuments.decisionId, decisionId)
        : and(eq(decisionDocuments.decisionId, decisionId), eq(decisionDocuments.id, documentId)),
    )
    .orderBy(desc(decisionDocuments.id))
    .limit(1);
  return row;
}
