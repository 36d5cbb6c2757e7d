import { type Role, roles } from './memberships-table.js';
import type { StaffUser } from './staff-user.js';

/**
 * Whether `user` holds at least `minimum` in the organisation. Roles are ranked (viewer < editor < approver
 * < admin): an approver may edit, an admin may approve. Platform admins manage organisations and users but
 * get no role in an organisation's records from that: least privilege.
 */
export function hasRole(user: StaffUser | undefined, organisationId: number, minimum: Role): boolean {
  if (!user) return false;
  const held = user.memberships.find((m) => m.organisationId === organisationId);
  return held !== undefined && roles.indexOf(held.role) >= roles.indexOf(minimum);
}

/** The organisations in which `user` holds at least `minimum`, for choosing a new record's owner. */
export function organisationsWithRole(user: StaffUser | undefined, minimum: Role) {
  if (!user) return [];
  return user.memberships.filter((m) => roles.indexOf(m.role) >= roles.indexOf(minimum));
}
