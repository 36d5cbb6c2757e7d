import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { meetings } from './meetings-table.js';

/** An action a meeting left: what, who owns it, by when, and whether it is done. Overdue = open past due. */
export const meetingActions = pgTable(
  'meeting_actions',
  {
    id: serial('id').primaryKey(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    description: text('description').notNull(),
    owner: text('owner').notNull(),
    dueOn: date('due_on').notNull(),
    status: text('status', { enum: ['open', 'done', 'dropped'] })
      .notNull()
      .default('open'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [
    check('meeting_actions_status_known', sql`${t.status} in ('open', 'done', 'dropped')`),
    index('meeting_actions_meeting_idx').on(t.meetingId),
    index('meeting_actions_open_idx').on(t.status, t.dueOn),
  ],
);
