import { eq } from 'drizzle-orm';
import type { Db } from '../db/db.js';
import { users } from './users-table.js';

/** A person as the audit log records them: never the password hash, only whether there is one. */
export interface PersonAuditView {
  readonly email: string;
  readonly name: string;
  readonly isPlatformAdmin: boolean;
  readonly hasPassword: boolean;
  readonly oidcIssuer: string | null;
  readonly oidcSubject: string | null;
  readonly failedSignIns: number;
  readonly lockedUntil: Date | null;
  readonly disabledAt: Date | null;
}

/** The person as the audit log should see them now, or undefined when there is no such person. */
export async function personAuditView(db: Db, userId: number): Promise<PersonAuditView | undefined> {
  const [row] = await db
    .select({
      email: users.email,
      name: users.name,
      isPlatformAdmin: users.isPlatformAdmin,
      passwordHash: users.passwordHash,
      oidcIssuer: users.oidcIssuer,
      oidcSubject: users.oidcSubject,
      failedSignIns: users.failedSignIns,
      lockedUntil: users.lockedUntil,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!row) return undefined;
  const { passwordHash, ...rest } = row;
  return { ...rest, hasPassword: passwordHash !== null };
}
