import { date, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../people/users-table.js';
import { programmes } from './programmes-table.js';

/** Dated progress updates on a programme, newest first on its page. */
export const programmeUpdates = pgTable(
  'programme_updates',
  {
    id: serial('id').primaryKey(),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id),
    asOf: date('as_of').notNull(),
    body: text('body').notNull(),
    authorUserId: integer('author_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('programme_updates_programme_idx').on(t.programmeId, t.asOf)],
);
