import { integer, pgTable, primaryKey } from 'drizzle-orm/pg-core';
import { decisions } from '../decisions/decisions-table.js';
import { meetings } from './meetings-table.js';

/** Decisions taken at (or reported to) a meeting. */
export const meetingDecisions = pgTable(
  'meeting_decisions',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    decisionId: integer('decision_id')
      .notNull()
      .references(() => decisions.id),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.decisionId] })],
);
