import { ForbiddenError } from '../errors/forbidden-error.js';
import { hasRole } from '../people/has-role.js';
import type { Role } from '../people/memberships-table.js';
import type { StaffUser } from '../people/staff-user.js';

/** Throws ForbiddenError (403) unless the person holds at least `minimum` in the organisation. */
export function ensureRole(user: StaffUser, organisationId: number, minimum: Role, doing: string): void {
  if (!hasRole(user, organisationId, minimum))
    throw new ForbiddenError(
      `You need to be ${/^[aeiou]/.test(minimum) ? 'an' : 'a'} ${minimum} in the organisation that owns this record to ${doing}`,
    );
}
