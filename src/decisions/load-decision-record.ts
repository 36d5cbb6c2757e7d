import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/db.js';
import { formatPounds } from '../money/format-pounds.js';
import { programmes } from '../programmes/programmes-table.js';
import { type DecisionDocumentSummary, listDecisionDocuments } from './decision-document-repository.js';
import { decisionExpenditures } from './decision-expenditures-table.js';
import { decisionMilestones } from './decision-milestones-table.js';
import { decisionRelations } from './decision-relations-table.js';
import type { Decision } from './decision-repository.js';
import { decisionRisks } from './decision-risks-table.js';
import { type DecisionStatus, decisions } from './decisions-table.js';
import { formatFinancialYear } from './format-financial-year.js';
import { protectedCharacteristics } from './protected-characteristics.js';

/** How one decision relates to another, worded from the side of the page being read. */
export interface DecisionLink {
  readonly kind: 'continues' | 'amends' | 'supersedes';
  /** "Continues", "Amends", "Supersedes" for this decision's own links; "Continued by"... for the others'. */
  readonly label: string;
  readonly decisionId: number;
  readonly reference: string;
  readonly title: string;
  readonly status: DecisionStatus;
}

const outgoingLabels = { continues: 'Continues', amends: 'Amends', supersedes: 'Supersedes' } as const;
const incomingLabels = {
  continues: 'Continued by',
  amends: 'Amended by',
  supersedes: 'Superseded by',
} as const;
const ragLabels = { red: 'Red', amber: 'Amber', green: 'Green' } as const;
const kindLabels = {
  grant: 'Grant',
  procurement: 'Procurement',
  contribution: 'Contribution',
  other: 'Other',
};

/**
 * Everything a decision's page shows besides its own fields: its money line by line with totals per
 * financial year, risks, milestones, related decisions both ways (only those `canSee` allows: a public
 * page shows only published ones), the protected characteristics as words, and its documents.
 */
export async function loadDecisionRecord(
  db: Db,
  decision: Decision,
  canSee: (related: { organisationId: number; status: DecisionStatus }) => boolean,
) {
  const expenditures = (
    await db
      .select({
        id: decisionExpenditures.id,
        direction: decisionExpenditures.direction,
        amountPence: decisionExpenditures.amountPence,
        financialYear: decisionExpenditures.financialYear,
        budget: decisionExpenditures.budget,
        programmeId: decisionExpenditures.programmeId,
        programmeName: programmes.name,
        programmeSlug: programmes.slug,
        recipient: decisionExpenditures.recipient,
        kind: decisionExpenditures.kind,
        description: decisionExpenditures.description,
      })
      .from(decisionExpenditures)
      .leftJoin(programmes, eq(programmes.id, decisionExpenditures.programmeId))
      .where(eq(decisionExpenditures.decisionId, decision.id))
      .orderBy(asc(decisionExpenditures.financialYear), asc(decisionExpenditures.id))
  ).map((e) => ({
    ...e,
    amount: formatPounds(e.amountPence),
    year: formatFinancialYear(e.financialYear),
    kindLabel: kindLabels[e.kind],
  }));

  const years = new Map<number, { expenditurePence: number; receiptPence: number }>();
  for (const e of expenditures) {
    const year = years.get(e.financialYear) ?? { expenditurePence: 0, receiptPence: 0 };
    if (e.direction === 'expenditure') year.expenditurePence += e.amountPence;
    else year.receiptPence += e.amountPence;
    years.set(e.financialYear, year);
  }
  const byYear = [...years.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, t]) => ({
      financialYear: year,
      year: formatFinancialYear(year),
      ...t,
      expenditure: formatPounds(t.expenditurePence),
      receipts: formatPounds(t.receiptPence),
    }));
  const expenditurePence = byYear.reduce((s, y) => s + y.expenditurePence, 0);
  const receiptPence = byYear.reduce((s, y) => s + y.receiptPence, 0);

  const risks = (
    await db
      .select()
      .from(decisionRisks)
      .where(eq(decisionRisks.decisionId, decision.id))
      .orderBy(asc(decisionRisks.id))
  ).map((r) => ({ ...r, ragLabel: ragLabels[r.rag] }));
  const milestones = await db
    .select()
    .from(decisionMilestones)
    .where(eq(decisionMilestones.decisionId, decision.id))
    .orderBy(asc(decisionMilestones.dueOn), asc(decisionMilestones.id));

  const related = {
    decisionId: decisions.id,
    reference: decisions.reference,
    title: decisions.title,
    status: decisions.status,
    organisationId: decisions.organisationId,
    kind: decisionRelations.kind,
  };
  const outgoing = await db
    .select(related)
    .from(decisionRelations)
    .innerJoin(decisions, eq(decisions.id, decisionRelations.relatedDecisionId))
    .where(eq(decisionRelations.decisionId, decision.id))
    .orderBy(asc(decisions.reference));
  const incoming = await db
    .select(related)
    .from(decisionRelations)
    .innerJoin(decisions, eq(decisions.id, decisionRelations.decisionId))
    .where(eq(decisionRelations.relatedDecisionId, decision.id))
    .orderBy(asc(decisions.reference));
  const links: DecisionLink[] = [
    ...outgoing.filter(canSee).map((r) => ({ ...r, label: outgoingLabels[r.kind] })),
    ...incoming.filter(canSee).map((r) => ({ ...r, label: incomingLabels[r.kind] })),
  ];

  const documents: DecisionDocumentSummary[] = await listDecisionDocuments(db, decision.id);
  const characteristicLabels = protectedCharacteristics
    .filter((c) => decision.protectedCharacteristics.includes(c.value))
    .map((c) => c.text);

  return {
    expenditures,
    totals: {
      byYear,
      expenditurePence,
      receiptPence,
      expenditure: formatPounds(expenditurePence),
      receipts: formatPounds(receiptPence),
    },
    risks,
    milestones,
    links,
    documents,
    signedDocument: documents[0] ?? null,
    characteristicLabels,
  };
}

export type DecisionRecord = Awaited<ReturnType<typeof loadDecisionRecord>>;
