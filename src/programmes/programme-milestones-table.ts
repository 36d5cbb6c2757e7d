import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { programmes } from './programmes-table.js';

/** A programme's milestones: what, when, and where it stands. */
export const programmeMilestones = pgTable(
  'programme_milestones',
  {
    id: serial('id').primaryKey(),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id),
    title: text('title').notNull(),
    dueOn: date('due_on').notNull(),
    status: text('status', { enum: ['not-started', 'in-progress', 'done', 'late', 'cancelled'] })
      .notNull()
      .default('not-started'),
  },
  (t) => [
    check(
      'programme_milestones_status_known',
      sql`${t.status} in ('not-started', 'in-progress', 'done', 'late', 'cancelled')`,
    ),
    index('programme_milestones_programme_idx').on(t.programmeId),
  ],
);
