import { sql } from 'drizzle-orm';
import type { Db } from '../db/db.js';
import { decisions } from '../decisions/decisions-table.js';
import { hasRole } from '../people/has-role.js';
import type { StaffUser } from '../people/staff-user.js';

/**
 * The decision with this reference (MD3326; any case), if the person may know of it: a published decision, or
 * any decision of an organisation they are at least a viewer in. Anyone else's draft is "not found", so that
 * linking by reference cannot be used to learn which unpublished decisions exist.
 */
export async function findVisibleDecision(db: Db, user: StaffUser, reference: string) {
  const [row] = await db
    .select({
      id: decisions.id,
      reference: decisions.reference,
      status: decisions.status,
      organisationId: decisions.organisationId,
    })
    .from(decisions)
    .where(sql`upper(${decisions.reference}) = upper(${reference})`)
    .limit(1);
  if (!row) return undefined;
  return row.status === 'published' || hasRole(user, row.organisationId, 'viewer') ? row : undefined;
}
