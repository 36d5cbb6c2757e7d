import { index, integer, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { meetings } from './meetings-table.js';

/** A meeting's agenda in order, each item with its paper (a link) where there is one. */
export const agendaItems = pgTable(
  'agenda_items',
  {
    id: serial('id').primaryKey(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    paperTitle: text('paper_title').notNull().default(''),
    paperUrl: text('paper_url').notNull().default(''),
  },
  (t) => [index('agenda_items_meeting_idx').on(t.meetingId, t.position)],
);
