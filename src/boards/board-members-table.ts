import { date, index, integer, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { organisations } from '../people/organisations-table.js';
import { boards } from './boards-table.js';

/** A board's members: the person, the role on the board (chair, member), whom they represent, and when. */
export const boardMembers = pgTable(
  'board_members',
  {
    id: serial('id').primaryKey(),
    boardId: integer('board_id')
      .notNull()
      .references(() => boards.id),
    name: text('name').notNull(),
    role: text('role').notNull().default('member'),
    organisationId: integer('organisation_id').references(() => organisations.id),
    fromDate: date('from_date'),
    toDate: date('to_date'),
  },
  (t) => [index('board_members_board_idx').on(t.boardId)],
);
