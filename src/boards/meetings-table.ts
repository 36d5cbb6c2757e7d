import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { boards } from './boards-table.js';

/**
 * A board's meeting, or one of the Mayor's champion-and-challenge meetings with NHS leaders: when, where,
 * and the minutes once agreed. Agenda items, decisions taken and actions hang off it.
 */
export const meetings = pgTable(
  'meetings',
  {
    id: serial('id').primaryKey(),
    boardId: integer('board_id')
      .notNull()
      .references(() => boards.id),
    kind: text('kind', { enum: ['board', 'champion-and-challenge'] })
      .notNull()
      .default('board'),
    title: text('title').notNull(),
    heldOn: date('held_on').notNull(),
    location: text('location').notNull().default(''),
    minutes: text('minutes').notNull().default(''),
    status: text('status', { enum: ['planned', 'held', 'cancelled'] })
      .notNull()
      .default('planned'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [
    check('meetings_kind_known', sql`${t.kind} in ('board', 'champion-and-challenge')`),
    check('meetings_status_known', sql`${t.status} in ('planned', 'held', 'cancelled')`),
    index('meetings_board_idx').on(t.boardId, t.heldOn),
  ],
);
