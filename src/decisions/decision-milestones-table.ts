import { date, index, integer, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { decisions } from './decisions-table.js';

/** The timetable of a decision's planned delivery: what, by when. */
export const decisionMilestones = pgTable(
  'decision_milestones',
  {
    id: serial('id').primaryKey(),
    decisionId: integer('decision_id')
      .notNull()
      .references(() => decisions.id),
    description: text('description').notNull(),
    dueOn: date('due_on'),
  },
  (t) => [index('decision_milestones_decision_idx').on(t.decisionId)],
);
