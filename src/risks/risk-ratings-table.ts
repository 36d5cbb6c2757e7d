import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../people/users-table.js';
import { risks } from './risks-table.js';

/** The history of a risk's rating: every likelihood, impact and RAG it has had, who set it, when and why. */
export const riskRatings = pgTable(
  'risk_ratings',
  {
    id: serial('id').primaryKey(),
    riskId: integer('risk_id')
      .notNull()
      .references(() => risks.id),
    likelihood: integer('likelihood').notNull(),
    impact: integer('impact').notNull(),
    rag: text('rag', { enum: ['red', 'amber', 'green'] }).notNull(),
    reason: text('reason').notNull().default(''),
    ratedByUserId: integer('rated_by_user_id').references(() => users.id),
    ratedAt: timestamp('rated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('risk_ratings_likelihood_range', sql`${t.likelihood} between 1 and 5`),
    check('risk_ratings_impact_range', sql`${t.impact} between 1 and 5`),
    check('risk_ratings_rag_known', sql`${t.rag} in ('red', 'amber', 'green')`),
    index('risk_ratings_risk_idx').on(t.riskId, t.ratedAt),
  ],
);
