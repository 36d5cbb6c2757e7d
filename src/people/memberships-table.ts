import { sql } from 'drizzle-orm';
import { check, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { organisations } from './organisations-table.js';
import { users } from './users-table.js';

/** Ranked: each role can do everything the roles before it can. */
export const roles = ['viewer', 'editor', 'approver', 'admin'] as const;
export type Role = (typeof roles)[number];

/** A person's role in an organisation: one role per person per organisation, live while not revoked. */
export const memberships = pgTable(
  'memberships',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    role: text('role', { enum: roles }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** When the role was taken away: the row stays (nothing is hard-deleted); a new grant clears it. */
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.organisationId] }),
    check('memberships_role_known', sql`${t.role} in ('viewer', 'editor', 'approver', 'admin')`),
  ],
);
