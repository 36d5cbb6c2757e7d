import { randomBytes } from 'node:crypto';
import { count } from 'drizzle-orm';
import { auditEvents } from '../../src/audit/audit-events-table.js';
import type { Db } from '../../src/db/db.js';
import { memberships, type Role } from '../../src/people/memberships-table.js';
import { organisations } from '../../src/people/organisations-table.js';
import { passwordResets } from '../../src/people/password-resets-table.js';
import { users } from '../../src/people/users-table.js';

const unique = () => randomBytes(4).toString('hex');

/** A person made directly in the database, for a test to act on (no password unless given one). */
export async function freshPerson(
  db: Db,
  options: { isPlatformAdmin?: boolean; passwordHash?: string; disabled?: boolean; email?: string } = {},
): Promise<{ id: number; email: string }> {
  const email = options.email ?? `person-${unique()}@test.example`;
  const [row] = await db
    .insert(users)
    .values({
      email,
      name: `Person ${email.split('@')[0]}`,
      passwordHash: options.passwordHash ?? null,
      isPlatformAdmin: options.isPlatformAdmin ?? false,
      disabledAt: options.disabled ? new Date() : null,
    })
    .returning({ id: users.id });
  return { id: row!.id, email };
}

/** An organisation made directly in the database. */
export async function freshOrganisation(
  db: Db,
  options: { archived?: boolean } = {},
): Promise<{ id: number; slug: string }> {
  const slug = `org-${unique()}`;
  const [row] = await db
    .insert(organisations)
    .values({
      slug,
      name: `Organisation ${slug}`,
      kind: 'other',
      archivedAt: options.archived ? new Date() : null,
    })
    .returning({ id: organisations.id });
  return { id: row!.id, slug };
}

export async function giveRole(db: Db, userId: number, organisationId: number, role: Role): Promise<void> {
  await db.insert(memberships).values({ userId, organisationId, role });
}

/**
 * Everything people and access can change (people, roles, organisations, reset links) and the audit log's
 * length, as one string: equal before and after means a refused request changed nothing.
 */
export async function peopleSnapshot(db: Db): Promise<string> {
  const [people, held, orgs, resets, audit] = await Promise.all([
    db.select().from(users).orderBy(users.id),
    db.select().from(memberships).orderBy(memberships.userId, memberships.organisationId),
    db.select().from(organisations).orderBy(organisations.id),
    db.select().from(passwordResets).orderBy(passwordResets.tokenHash),
    db.select({ n: count() }).from(auditEvents),
  ]);
  return JSON.stringify({ people, held, orgs, resets, audit });
}

export async function auditCount(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(auditEvents);
  return Number(row?.n ?? 0);
}
