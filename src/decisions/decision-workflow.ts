import type { Role } from '../people/memberships-table.js';
import type { DecisionStatus } from './decisions-table.js';

/** The workflow's actions, each the name of its audit entry. */
export const decisionActions = [
  'submit',
  'approve',
  'return',
  'resubmit',
  'sign',
  'publish',
  'defer',
  'withdraw',
] as const;
export type DecisionAction = (typeof decisionActions)[number];

/**
 * A condition a transition needs beyond the role:
 * - `gla-thresholds`: a GLA decision's type must be the one its total expenditure requires, or the person
 *   gives a reason to override (recorded and audited);
 * - `not-author`: the approver is never the decision's author (the database checks it too);
 * - `reason`: the person must say why (kept in the audit entry);
 * - `deferred-until`: a date until which publication is deferred, today or later;
 * - `signed-document`: a signed decision form (PDF) has been uploaded.
 */
export type TransitionRule =
  | 'gla-thresholds'
  | 'not-author'
  | 'reason'
  | 'deferred-until'
  | 'signed-document';

export interface DecisionTransition {
  readonly from: DecisionStatus;
  readonly action: DecisionAction;
  readonly to: DecisionStatus;
  /** The least role in the owning organisation that may take it. */
  readonly minimumRole: Role;
  readonly rules: readonly TransitionRule[];
}

/**
 * Every move a decision can make, and nothing else: the workflow is this table. Publishing needs an
 * approver, like signing: making a decision public is part of taking it, and an editor who drafted it should
 * not also release it. Withdrawing something not yet submitted (or returned) is the editor's call; once an
 * approver has it, withdrawing it is theirs.
 */
export const decisionWorkflow: readonly DecisionTransition[] = [
  { from: 'draft', action: 'submit', to: 'submitted', minimumRole: 'editor', rules: ['gla-thresholds'] },
  { from: 'submitted', action: 'approve', to: 'approved', minimumRole: 'approver', rules: ['not-author'] },
  { from: 'submitted', action: 'return', to: 'returned', minimumRole: 'approver', rules: ['reason'] },
  { from: 'returned', action: 'resubmit', to: 'submitted', minimumRole: 'editor', rules: ['gla-thresholds'] },
  { from: 'approved', action: 'sign', to: 'signed', minimumRole: 'approver', rules: ['signed-document'] },
  { from: 'signed', action: 'publish', to: 'published', minimumRole: 'approver', rules: [] },
  {
    from: 'signed',
    action: 'defer',
    to: 'deferred',
    minimumRole: 'approver',
    rules: ['reason', 'deferred-until'],
  },
  { from: 'deferred', action: 'publish', to: 'published', minimumRole: 'approver', rules: [] },
  { from: 'draft', action: 'withdraw', to: 'withdrawn', minimumRole: 'editor', rules: ['reason'] },
  { from: 'returned', action: 'withdraw', to: 'withdrawn', minimumRole: 'editor', rules: ['reason'] },
  { from: 'submitted', action: 'withdraw', to: 'withdrawn', minimumRole: 'approver', rules: ['reason'] },
  { from: 'approved', action: 'withdraw', to: 'withdrawn', minimumRole: 'approver', rules: ['reason'] },
];

/** The statuses in which the record itself (its fields and lines) may be edited. */
export const editableStatuses: readonly DecisionStatus[] = ['draft', 'returned'];

/** The transition `action` makes from `status`, if there is one. */
export function findTransition(
  status: DecisionStatus,
  action: DecisionAction,
): DecisionTransition | undefined {
  return decisionWorkflow.find((t) => t.from === status && t.action === action);
}

/** The actions the workflow offers from `status`, each once. */
export function actionsFrom(status: DecisionStatus): readonly DecisionAction[] {
  return [...new Set(decisionWorkflow.filter((t) => t.from === status).map((t) => t.action))];
}
