import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/db.js';
import { memberships } from './memberships-table.js';
import { organisations } from './organisations-table.js';
import { sessions } from './sessions-table.js';
import type { StaffUser } from './staff-user.js';
import { users } from './users-table.js';

/** The SHA-256 of a token, as sessions and password resets store it. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A fresh random token: 32 bytes, base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Starts a session for a user; returns the token for the cookie (only its hash is stored). */
export async function createSession(
  db: Db,
  userId: number,
  lifetimeSeconds: number,
): Promise<{ token: string; csrfSecret: string }> {
  const token = newToken();
  const csrfSecret = newToken();
  await db.insert(sessions).values({
    tokenHash: tokenHash(token),
    userId,
    csrfSecret,
    expiresAt: new Date(Date.now() + lifetimeSeconds * 1000),
  });
  return { token, csrfSecret };
}

/** Ends a session (sign-out). Ending an unknown or ended session does nothing. */
export async function endSession(db: Db, token: string): Promise<void> {
  await db
    .update(sessions)
    .set({ endedAt: new Date() })
    .where(and(eq(sessions.tokenHash, tokenHash(token)), isNull(sessions.endedAt)));
}

/** Ends every session of a user (password reset, disabling). */
export async function endUserSessions(db: Db, userId: number): Promise<void> {
  await db
    .update(sessions)
    .set({ endedAt: new Date() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)));
}

/**
 * The live session of a token and its person with their memberships, or undefined when the token is
 * unknown, ended, expired, or its person disabled. Roles are read afresh on every request.
 */
export async function findSession(
  db: Db,
  token: string,
): Promise<{ user: StaffUser; csrfSecret: string; lastSeenAt: Date } | undefined> {
  const [row] = await db
    .select({
      csrfSecret: sessions.csrfSecret,
      lastSeenAt: sessions.lastSeenAt,
      id: users.id,
      email: users.email,
      name: users.name,
      isPlatformAdmin: users.isPlatformAdmin,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, tokenHash(token)),
        isNull(sessions.endedAt),
        gt(sessions.expiresAt, sql`now()`),
        isNull(users.disabledAt),
      ),
    )
    .limit(1);
  if (!row) return undefined;
  const held = await db
    .select({
      organisationId: memberships.organisationId,
      organisationSlug: organisations.slug,
      organisationName: organisations.name,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(
      and(eq(memberships.userId, row.id), isNull(memberships.revokedAt), isNull(organisations.archivedAt)),
    )
    .orderBy(organisations.name);
  return {
    user: {
      id: row.id,
      email: row.email,
      name: row.name,
      isPlatformAdmin: row.isPlatformAdmin,
      memberships: held,
    },
    csrfSecret: row.csrfSecret,
    lastSeenAt: row.lastSeenAt,
  };
}

/** Notes that the session was used (at most once a minute per session, to keep reads read-only). */
export async function touchSession(db: Db, token: string): Promise<void> {
  await db
    .update(sessions)
    .set({ lastSeenAt: new Date() })
    .where(eq(sessions.tokenHash, tokenHash(token)));
}
