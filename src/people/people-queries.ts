import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/db.js';
import { memberships, type Role } from './memberships-table.js';
import { organisations } from './organisations-table.js';
import { users } from './users-table.js';

export interface OrganisationRow {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
  readonly kind: string;
  readonly areaCode: string | null;
  readonly archivedAt: Date | null;
}

const organisationColumns = {
  id: organisations.id,
  slug: organisations.slug,
  name: organisations.name,
  kind: organisations.kind,
  areaCode: organisations.areaCode,
  archivedAt: organisations.archivedAt,
};

/** Every organisation, archived last, with how many members each has. */
export async function listOrganisations(db: Db): Promise<(OrganisationRow & { members: number })[]> {
  const rows = await db
    .select({ ...organisationColumns, members: count(memberships.userId) })
    .from(organisations)
    .leftJoin(
      memberships,
      and(eq(memberships.organisationId, organisations.id), isNull(memberships.revokedAt)),
    )
    .groupBy(organisations.id)
    .orderBy(sql`${organisations.archivedAt} is not null`, asc(organisations.name));
  return rows.map((r) => ({ ...r, members: Number(r.members) }));
}

export async function findOrganisationBySlug(db: Db, slug: string): Promise<OrganisationRow | undefined> {
  const [row] = await db.select(organisationColumns).from(organisations).where(eq(organisations.slug, slug));
  return row;
}

export interface PersonRow {
  readonly id: number;
  readonly email: string;
  readonly name: string;
  readonly isPlatformAdmin: boolean;
  readonly hasPassword: boolean;
  readonly oidcLinked: boolean;
  readonly failedSignIns: number;
  readonly lockedUntil: Date | null;
  readonly disabledAt: Date | null;
  readonly createdAt: Date;
  readonly isDemo: boolean;
}

const personColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  isPlatformAdmin: users.isPlatformAdmin,
  hasPassword: sql<boolean>`${users.passwordHash} is not null`,
  oidcLinked: sql<boolean>`${users.oidcSubject} is not null`,
  failedSignIns: users.failedSignIns,
  lockedUntil: users.lockedUntil,
  disabledAt: users.disabledAt,
  createdAt: users.createdAt,
  isDemo: users.isDemo,
};

/** Everyone, by name, with how many organisations each belongs to. */
export async function listPeople(db: Db): Promise<(PersonRow & { memberships: number })[]> {
  const rows = await db
    .select({ ...personColumns, memberships: count(memberships.organisationId) })
    .from(users)
    .leftJoin(memberships, and(eq(memberships.userId, users.id), isNull(memberships.revokedAt)))
    .groupBy(users.id)
    .orderBy(asc(users.name), asc(users.email));
  return rows.map((r) => ({ ...r, memberships: Number(r.memberships) }));
}

export async function findPerson(db: Db, id: number): Promise<PersonRow | undefined> {
  const [row] = await db.select(personColumns).from(users).where(eq(users.id, id));
  return row;
}

export async function findPersonByEmail(db: Db, email: string): Promise<PersonRow | undefined> {
  const [row] = await db.select(personColumns).from(users).where(eq(users.email, email.trim().toLowerCase()));
  return row;
}

export interface PersonMembership {
  readonly organisationId: number;
  readonly slug: string;
  readonly name: string;
  readonly role: Role;
  readonly archived: boolean;
}

/** A person's roles, by organisation name (archived organisations included, marked). */
export async function membershipsOf(db: Db, userId: number): Promise<PersonMembership[]> {
  return db
    .select({
      organisationId: organisations.id,
      slug: organisations.slug,
      name: organisations.name,
      role: memberships.role,
      archived: sql<boolean>`${organisations.archivedAt} is not null`,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(memberships.userId, userId), isNull(memberships.revokedAt)))
    .orderBy(asc(organisations.name));
}

export interface OrganisationMember {
  readonly userId: number;
  readonly name: string;
  readonly email: string;
  readonly role: Role;
  readonly disabled: boolean;
}

/** An organisation's members, by name. */
export async function membersOf(db: Db, organisationId: number): Promise<OrganisationMember[]> {
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      disabled: sql<boolean>`${users.disabledAt} is not null`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, organisationId), isNull(memberships.revokedAt)))
    .orderBy(asc(users.name), asc(users.email));
}
