import { and, eq, isNull } from 'drizzle-orm';
import { PageNotFoundError } from '../app/page-not-found-error.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Db } from '../db/db.js';
import { memberships, type Role } from './memberships-table.js';
import { PeopleRuleError } from './people-rule-error.js';

export interface MembershipKey {
  readonly userId: number;
  readonly organisationId: number;
}

const entityIdOf = (key: MembershipKey) => `${key.organisationId}:${key.userId}`;

async function currentRole(db: Db, key: MembershipKey): Promise<Role | undefined> {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(
      and(
        eq(memberships.userId, key.userId),
        eq(memberships.organisationId, key.organisationId),
        isNull(memberships.revokedAt),
      ),
    )
    .limit(1);
  return row?.role;
}

/**
 * Gives a person a role in an organisation, or changes the role they hold; audited (`create` or `update`,
 * with the role before and after). Returns what it did.
 */
export async function setMembership(
  db: Db,
  actorUserId: number | null,
  key: MembershipKey & { readonly role: Role },
): Promise<'created' | 'changed' | 'unchanged'> {
  const before = await currentRole(db, key);
  if (before === key.role) return 'unchanged';
  // A revoked row is granted again rather than duplicated: its revocation stays in the audit log.
  await db
    .insert(memberships)
    .values({ userId: key.userId, organisationId: key.organisationId, role: key.role })
    .onConflictDoUpdate({
      target: [memberships.userId, memberships.organisationId],
      set: { role: key.role, revokedAt: null },
    });
  await recordAudit(db, {
    actorUserId,
    organisationId: key.organisationId,
    entity: 'memberships',
    entityId: entityIdOf(key),
    action: before === undefined ? 'create' : 'update',
    before: before === undefined ? undefined : { userId: key.userId, role: before },
    after: { userId: key.userId, role: key.role },
  });
  return before === undefined ? 'created' : 'changed';
}

/** Adds a new member (ALREADY_A_MEMBER when they hold a role there already: change it instead). */
export async function addMembership(
  db: Db,
  actorUserId: number | null,
  key: MembershipKey & { readonly role: Role },
): Promise<void> {
  if ((await currentRole(db, key)) !== undefined) {
    throw new PeopleRuleError(
      'ALREADY_A_MEMBER',
      'This person is already a member: change their role in the list instead',
      'email',
    );
  }
  await setMembership(db, actorUserId, key);
}

/**
 * Takes a person's role in an organisation away: the row is marked revoked, not deleted, and the audit
 * entry (`revoke`, with the role before) says who did it and when.
 */
export async function revokeMembership(
  db: Db,
  actorUserId: number | null,
  key: MembershipKey,
): Promise<void> {
  const before = await currentRole(db, key);
  if (before === undefined) throw new PageNotFoundError('no such membership');
  await db
    .update(memberships)
    .set({ revokedAt: new Date() })
    .where(and(eq(memberships.userId, key.userId), eq(memberships.organisationId, key.organisationId)));
  await recordAudit(db, {
    actorUserId,
    organisationId: key.organisationId,
    entity: 'memberships',
    entityId: entityIdOf(key),
    action: 'revoke',
    before: { userId: key.userId, role: before },
  });
}
