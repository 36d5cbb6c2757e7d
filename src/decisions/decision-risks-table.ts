import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { decisions } from './decisions-table.js';

/** The risks and issues a decision form names, each with its mitigation and RAG rating. */
export const decisionRisks = pgTable(
  'decision_risks',
  {
    id: serial('id').primaryKey(),
    decisionId: integer('decision_id')
      .notNull()
      .references(() => decisions.id),
    description: text('description').notNull(),
    mitigation: text('mitigation').notNull().default(''),
    rag: text('rag', { enum: ['red', 'amber', 'green'] }).notNull(),
  },
  (t) => [
    check('decision_risks_rag_known', sql`${t.rag} in ('red', 'amber', 'green')`),
    index('decision_risks_decision_idx').on(t.decisionId),
  ],
);
