import { hasRole } from '../people/has-role.js';
import type { StaffUser } from '../people/staff-user.js';
import type { DecisionStatus } from './decisions-table.js';

/**
 * What a person may do with a decision. Its own organisation's members (viewer and up) see all of it, Part 2
 * and history included; everyone else, staff or public, sees only a published decision's Part 1. Editors
 * change it, approvers move it through the approval steps (decision-workflow.ts).
 */
export function decisionAccess(
  user: StaffUser | undefined,
  decision: { readonly organisationId: number; readonly status: DecisionStatus },
) {
  const member = hasRole(user, decision.organisationId, 'viewer');
  return {
    member,
    canSee: member || decision.status === 'published',
    canSeePart2: member,
    canEdit: hasRole(user, decision.organisationId, 'editor'),
    isApprover: hasRole(user, decision.organisationId, 'approver'),
  };
}
