import { and, count, eq, isNull, ne, sql } from 'drizzle-orm';
import { PageNotFoundError } from '../app/page-not-found-error.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Db } from '../db/db.js';
import { EmailTakenError } from './email-taken-error.js';
import { LastPlatformAdminError } from './last-platform-admin-error.js';
import { type PersonAuditView, personAuditView } from './person-audit-view.js';
import { endUserSessions } from './session-repository.js';
import { users } from './users-table.js';

// Serialises changes that could remove the last platform admin, across instances (7243100417-19 are taken).
const PLATFORM_ADMINS_LOCK = 7243100450;

/** Emails are stored trimmed and lower-cased: the sign-in key. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export interface NewPerson {
  readonly email: string;
  readonly name: string;
  /** argon2id PHC string; null for someone who will set it from an emailed link or signs in through OIDC. */
  readonly passwordHash: string | null;
  readonly isPlatformAdmin?: boolean;
}

/** Adds a person (refusing an email already taken, EMAIL_TAKEN) and audits it; returns their id. */
export async function createPerson(db: Db, actorUserId: number | null, person: NewPerson): Promise<number> {
  const email = normaliseEmail(person.email);
  const [row] = await db
    .insert(users)
    .values({
      email,
      name: person.name.trim(),
      passwordHash: person.passwordHash,
      isPlatformAdmin: person.isPlatformAdmin ?? false,
    })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id });
  if (!row) throw new EmailTakenError(email);
  await recordAudit(db, {
    actorUserId,
    organisationId: null,
    entity: 'users',
    entityId: row.id,
    action: 'create',
    after: await personAuditView(db, row.id),
  });
  return row.id;
}

/** Applies a change to one person and audits it with the person before and after. */
async function changePerson(
  db: Db,
  actorUserId: number | null,
  userId: number,
  action: string,
  change: Partial<typeof users.$inferInsert>,
  reason?: string,
): Promise<{ before: PersonAuditView; after: PersonAuditView }> {
  const before = await personAuditView(db, userId);
  if (!before) throw new PageNotFoundError(`no person ${userId}`);
  await db.update(users).set(change).where(eq(users.id, userId));
  const after = (await personAuditView(db, userId))!;
  await recordAudit(db, {
    actorUserId,
    organisationId: null,
    entity: 'users',
    entityId: userId,
    action,
    before,
    after,
    reason: reason ?? null,
  });
  return { before, after };
}

/** Refuses (LAST_PLATFORM_ADMIN) when `userId` is the only active platform admin. Run inside a transaction. */
async function keepAPlatformAdmin(db: Db, userId: number): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${PLATFORM_ADMINS_LOCK})`);
  const [others] = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.isPlatformAdmin, true), isNull(users.disabledAt), ne(users.id, userId)));
  const [self] = await db
    .select({ isPlatformAdmin: users.isPlatformAdmin, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, userId));
  if (self?.isPlatformAdmin && self.disabledAt === null && Number(others?.n ?? 0) === 0) {
    throw new LastPlatformAdminError();
  }
}

/**
 * Disables a person (their sessions end at once; they cannot sign in) or enables them again. Never the
 * last active platform admin. Run inside a transaction.
 */
export async function setPersonDisabled(
  db: Db,
  actorUserId: number | null,
  userId: number,
  disabled: boolean,
): Promise<void> {
  const now = await personAuditView(db, userId);
  if (!now) throw new PageNotFoundError(`no person ${userId}`);
  if ((now.disabledAt !== null) === disabled) return;
  if (!disabled) {
    await changePerson(db, actorUserId, userId, 'enable', { disabledAt: null });
    return;
  }
  await keepAPlatformAdmin(db, userId);
  await changePerson(db, actorUserId, userId, 'disable', { disabledAt: new Date() });
  await endUserSessions(db, userId);
}

/** Makes a person a platform admin or stops them being one (never the last active one). In a transaction. */
export async function setPlatformAdmin(
  db: Db,
  actorUserId: number | null,
  userId: number,
  isPlatformAdmin: boolean,
): Promise<void> {
  const now = await personAuditView(db, userId);
  if (!now) throw new PageNotFoundError(`no person ${userId}`);
  if (now.isPlatformAdmin === isPlatformAdmin) return;
  if (!isPlatformAdmin) await keepAPlatformAdmin(db, userId);
  await changePerson(
    db,
    actorUserId,
    userId,
    isPlatformAdmin ? 'grant-platform-admin' : 'revoke-platform-admin',
    { isPlatformAdmin },
  );
}

/** Ends a temporary lockout now and forgets the failed sign-ins. */
export async function clearLockout(db: Db, actorUserId: number | null, userId: number): Promise<void> {
  await changePerson(db, actorUserId, userId, 'clear-lockout', { failedSignIns: 0, lockedUntil: null });
}

/**
 * Sets a new password (an argon2id PHC string), clears any lockout and ends every session of the person,
 * so that whoever knew the old password is signed out.
 */
export async function setPassword(
  db: Db,
  actorUserId: number | null,
  userId: number,
  passwordHash: string,
  action: string,
): Promise<void> {
  await changePerson(db, actorUserId, userId, action, { passwordHash, failedSignIns: 0, lockedUntil: null });
  await endUserSessions(db, userId);
}

/** Links a person to their identity at an OpenID Connect provider (first sign-in through it). */
export async function linkOidcSubject(
  db: Db,
  userId: number,
  issuer: string,
  subject: string,
): Promise<void> {
  await changePerson(db, userId, userId, 'link-oidc', { oidcIssuer: issuer, oidcSubject: subject });
}
