import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { organisations } from '../people/organisations-table.js';
import { users } from '../people/users-table.js';

/**
 * Every creation, change and state change of a governance record: who (null for the system, e.g. the demo
 * loader), when, which record (`entity` is the table, `entityId` its key as text), what was done, and the
 * record before and after. Rows are never updated or deleted (a trigger refuses it).
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: integer('actor_user_id').references(() => users.id),
    organisationId: integer('organisation_id').references(() => organisations.id),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    /** create, update, archive, or a workflow transition such as submit, approve, publish. */
    action: text('action').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    reason: text('reason'),
  },
  (t) => [index('audit_events_entity_idx').on(t.entity, t.entityId, t.id)],
);
