import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Staff who sign in. `email` is stored lower-cased (the sign-in key); `passwordHash` is an argon2id PHC
 * string, null for people who sign in only through OpenID Connect (`oidcSubject`, unique per issuer).
 * Failed sign-ins count up to a temporary lockout (`lockedUntil`). Platform admins manage organisations and
 * users. Disabled, never deleted, so that the audit log's actors stay resolvable.
 */
export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    oidcIssuer: text('oidc_issuer'),
    oidcSubject: text('oidc_subject'),
    isPlatformAdmin: boolean('is_platform_admin').notNull().default(false),
    failedSignIns: integer('failed_sign_ins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [
    check('users_email_lower', sql`${t.email} = lower(${t.email}) and ${t.email} like '%_@_%'`),
    check('users_name_present', sql`length(trim(${t.name})) > 0`),
    check('users_failed_non_negative', sql`${t.failedSignIns} >= 0`),
    check('users_oidc_pair', sql`(${t.oidcIssuer} is null) = (${t.oidcSubject} is null)`),
    // One person per OpenID Connect identity, whatever races the linking code loses.
    uniqueIndex('users_oidc_identity_idx')
      .on(t.oidcIssuer, t.oidcSubject)
      .where(sql`${t.oidcIssuer} is not null`),
  ],
);
