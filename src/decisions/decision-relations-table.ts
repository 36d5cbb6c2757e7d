import { sql } from 'drizzle-orm';
import { check, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { decisions } from './decisions-table.js';

/** `decisionId` continues, amends or supersedes `relatedDecisionId` (MD3326 continues MD3012). */
export const decisionRelations = pgTable(
  'decision_relations',
  {
    decisionId: integer('decision_id')
      .notNull()
      .references(() => decisions.id),
    relatedDecisionId: integer('related_decision_id')
      .notNull()
      .references(() => decisions.id),
    kind: text('kind', { enum: ['continues', 'amends', 'supersedes'] }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.decisionId, t.relatedDecisionId] }),
    check('decision_relations_kind_known', sql`${t.kind} in ('continues', 'amends', 'supersedes')`),
    check('decision_relations_not_self', sql`${t.decisionId} <> ${t.relatedDecisionId}`),
  ],
);
