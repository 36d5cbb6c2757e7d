import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/db.js';
import { hashPassword, verifyPassword } from './password-hash.js';
import { users } from './users-table.js';

/** After this many failed sign-ins in a row an account is locked for `lockoutMinutes`. */
export const maxFailedSignIns = 5;
export const lockoutMinutes = 15;

export type AuthenticationResult =
  | { readonly outcome: 'signed-in'; readonly userId: number }
  | { readonly outcome: 'invalid' }
  | { readonly outcome: 'locked'; readonly until: Date };

// Verified when the email is unknown, so that an unknown address takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;

/**
 * Checks an email and password. A wrong password counts towards a temporary lockout; a locked account
 * refuses even the right password until the lock ends; success clears the count. Unknown emails,
 * disabled people and people without a password (OpenID Connect only) all answer 'invalid', in the same
 * time, so that the answer does not tell which emails exist.
 */
export async function authenticate(db: Db, email: string, password: string): Promise<AuthenticationResult> {
  const [user] = await db
    .select({
      id: users.id,
      passwordHash: users.passwordHash,
      lockedUntil: users.lockedUntil,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()))
    .limit(1);
  if (!user || user.passwordHash === null || user.disabledAt !== null) {
    dummyHash ??= hashPassword('not a password anyone has');
    await verifyPassword(await dummyHash, password);
    return { outcome: 'invalid' };
  }
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
    return { outcome: 'locked', until: user.lockedUntil };
  }
  if (await verifyPassword(user.passwordHash, password)) {
    await db.update(users).set({ failedSignIns: 0, lockedUntil: null }).where(eq(users.id, user.id));
    return { outcome: 'signed-in', userId: user.id };
  }
  // One statement, so that parallel guesses cannot each read the old count.
  const [after] = await db
    .update(users)
    .set({
      failedSignIns: sql`case when ${users.failedSignIns} + 1 >= ${maxFailedSignIns} then 0 else ${users.failedSignIns} + 1 end`,
      lockedUntil: sql`case when ${users.failedSignIns} + 1 >= ${maxFailedSignIns} then now() + make_interval(mins => ${lockoutMinutes}) else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, user.id))
    .returning({ lockedUntil: users.lockedUntil });
  if (after?.lockedUntil && after.lockedUntil.getTime() > Date.now()) {
    return { outcome: 'locked', until: after.lockedUntil };
  }
  return { outcome: 'invalid' };
}
