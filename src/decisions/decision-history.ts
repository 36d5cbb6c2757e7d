import { sql } from 'drizzle-orm';
import type { Db } from '../db/db.js';
import { queryRows } from '../db/query-rows.js';
import { formatPounds } from '../money/format-pounds.js';
import { formatDateTime } from './format-date-time.js';
import { formatFinancialYear } from './format-financial-year.js';

/** One entry of a decision's history, ready to show: who, when, what was done, and what changed. */
export interface DecisionHistoryEntry {
  readonly id: number;
  readonly occurredAt: Date;
  readonly actor: string;
  readonly action: string;
  readonly reason: string | null;
  readonly changes: readonly { readonly field: string; readonly before: string; readonly after: string }[];
}

const lineNames: Record<string, string> = {
  decision_expenditures: 'money line',
  decision_risks: 'risk',
  decision_milestones: 'milestone',
  decision_relations: 'related decision',
  decision_documents: 'signed decision form',
};

const fieldLabels: Record<string, string> = {
  status: 'status',
  reference: 'reference',
  type: 'type',
  title: 'title',
  directorate: 'directorate',
  decisionMaker: 'decision-maker',
  decisionDate: 'decision date',
  executiveSummary: 'executive summary',
  decisionText: 'the decision',
  nonConfidentialFacts: 'non-confidential facts',
  objectivesAndOutcomes: 'objectives and outcomes',
  equalityComments: 'equality comments',
  protectedCharacteristics: 'protected characteristics',
  strategyLinks: 'links to strategies',
  consultations: 'consultations',
  conflictsOfInterest: 'conflicts of interest',
  financialComments: 'financial comments',
  legalComments: 'legal comments',
  part2: 'Part 2',
  novelOrContentious: 'novel or contentious',
  thresholdOverrideReason: 'reason the type differs from the thresholds',
  approvedByUserId: 'approved by',
  approvedAt: 'approved',
  signedAt: 'signed',
  publishedAt: 'published',
  deferralReason: 'reason for deferral',
  deferredUntil: 'deferred until',
};

const shown = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '(none)';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string' && /^[0-9]{4}-[0-9]{2}-[0-9]{2}T/.test(value))
    return formatDateTime(new Date(value));
  const text = Array.isArray(value) ? value.join(', ') : String(value);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
};

function describeLine(entity: string, line: Record<string, unknown>): string {
  if (entity === 'decision_expenditures')
    return `${line.direction === 'receipt' ? 'receipt' : 'expenditure'} of ${formatPounds(Number(line.amountPence))} in ${formatFinancialYear(Number(line.financialYear))}${line.recipient ? `, ${line.recipient}` : ''}`;
  if (entity === 'decision_risks') return `${shown(line.description)} (${shown(line.rag)})`;
  if (entity === 'decision_milestones')
    return `${shown(line.description)}${line.dueOn ? ` by ${line.dueOn}` : ''}`;
  if (entity === 'decision_relations') return `${shown(line.kind)} decision ${shown(line.relatedDecisionId)}`;
  if (entity === 'decision_documents') return `${shown(line.fileName)}, SHA-256 ${shown(line.sha256)}`;
  return '';
}

/**
 * The decision's history from the audit log, oldest first: its own entries (creation, edits, every
 * transition) and those of its lines and documents, with the actor's name ("system" for the demo loader).
 * Includes Part 2 text where it changed, so only the owning organisation may be shown it.
 */
export async function listDecisionHistory(db: Db, decisionId: number): Promise<DecisionHistoryEntry[]> {
  const rows = await queryRows<{
    id: number | string;
    occurred_at: Date | string;
    actor: string | null;
    entity: string;
    action: string;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
    reason: string | null;
  }>(
    db,
    sql`select a.id, a.occurred_at, u.name as actor, a.entity, a.action, a.before, a.after, a.reason
          from audit_events a left join users u on u.id = a.actor_user_id
         where (a.entity = 'decisions' and a.entity_id = ${String(decisionId)})
            or (a.entity in ('decision_expenditures', 'decision_risks', 'decision_milestones',
                             'decision_relations', 'decision_documents')
                and coalesce(a.after, a.before) ->> 'decisionId' = ${String(decisionId)})
         order by a.id`,
  );
  const mentioned = new Set<number>();
  for (const r of rows)
    for (const side of [r.before, r.after])
      for (const [k, v] of Object.entries(side ?? {}))
        if (k.endsWith('UserId') && v !== null) mentioned.add(Number(v));
  const people = new Map(
    mentioned.size === 0
      ? []
      : (
          await queryRows<{ id: number | string; name: string }>(
            db,
            sql`select id, name from users where id in (${sql.join(
              [...mentioned].map((id) => sql`${id}`),
              sql`, `,
            )})`,
          )
        ).map((u) => [Number(u.id), u.name] as const),
  );
  return rows.map((r) => {
    let changes: { field: string; before: string; after: string }[];
    let action = r.action;
    if (r.entity === 'decisions') {
      const keys =
        r.action === 'create'
          ? []
          : [...new Set([...Object.keys(r.before ?? {}), ...Object.keys(r.after ?? {})])];
      const value = (field: string, v: unknown) =>
        field.endsWith('UserId') && v !== null && v !== undefined
          ? (people.get(Number(v)) ?? `person ${v}`)
          : shown(v);
      changes = keys.map((field) => ({
        field: fieldLabels[field] ?? field,
        before: value(field, r.before?.[field]),
        after: value(field, r.after?.[field]),
      }));
    } else {
      const name = lineNames[r.entity] ?? r.entity;
      action = r.action === 'remove' ? `remove ${name}` : `add ${name}`;
      const line = (r.action === 'remove' ? r.before : r.after) ?? {};
      changes = [
        {
          field: name,
          before: r.action === 'remove' ? describeLine(r.entity, line) : '(none)',
          after: r.action === 'remove' ? '(removed)' : describeLine(r.entity, line),
        },
      ];
    }
    return {
      id: Number(r.id),
      occurredAt: new Date(r.occurred_at),
      actor: r.actor ?? 'system',
      action,
      reason: r.reason,
      changes,
    };
  });
}
