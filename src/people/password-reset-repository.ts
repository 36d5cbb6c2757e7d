import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/db.js';
import { passwordResets } from './password-resets-table.js';
import { newToken, tokenHash } from './session-repository.js';
import { users } from './users-table.js';

/** How long an emailed reset link works. */
export const passwordResetMinutes = 60;

/** Makes a reset link's token for a person; only its SHA-256 is stored. Returns the token for the link. */
export async function createPasswordReset(db: Db, userId: number): Promise<string> {
  const token = newToken();
  await db.insert(passwordResets).values({
    tokenHash: tokenHash(token),
    userId,
    expiresAt: new Date(Date.now() + passwordResetMinutes * 60_000),
  });
  return token;
}

/** The person a reset token is for, while it is unused, unexpired and its person active; else undefined. */
export async function findUsablePasswordReset(
  db: Db,
  token: string,
): Promise<{ userId: number; email: string } | undefined> {
  const [row] = await db
    .select({ userId: users.id, email: users.email })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(
      and(
        eq(passwordResets.tokenHash, tokenHash(token)),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, sql`now()`),
        isNull(users.disabledAt),
      ),
    )
    .limit(1);
  return row;
}

/**
 * Uses a reset token up, once: one statement marks it used only if it is still unused and unexpired, so
 * that two submissions of one link cannot both succeed. Any other open links of the person die with it.
 * Returns the person's id, or undefined when the link no longer works.
 */
export async function consumePasswordReset(db: Db, token: string): Promise<number | undefined> {
  const [row] = await db
    .update(passwordResets)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(passwordResets.tokenHash, tokenHash(token)),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, sql`now()`),
        sql`exists (select 1 from ${users} where ${users.id} = ${passwordResets.userId} and ${users.disabledAt} is null)`,
      ),
    )
    .returning({ userId: passwordResets.userId });
  if (!row) return undefined;
  await db
    .update(passwordResets)
    .set({ usedAt: sql`now()` })
    .where(and(eq(passwordResets.userId, row.userId), isNull(passwordResets.usedAt)));
  return row.userId;
}
