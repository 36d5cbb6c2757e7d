import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { organisations } from '../people/organisations-table.js';
import { programmes } from '../programmes/programmes-table.js';

/**
 * A risk (may happen) or an issue (has happened) on a register: owner, likelihood and impact on 1-5 scales,
 * their product as the score (1-25), the RAG band the configured banding gives that score (stored so that a
 * later change of banding does not rewrite history), and mitigations. Every rating change is in
 * risk_ratings. Closed or archived, never deleted.
 */
export const risks = pgTable(
  'risks',
  {
    id: serial('id').primaryKey(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    programmeId: integer('programme_id').references(() => programmes.id),
    kind: text('kind', { enum: ['risk', 'issue'] })
      .notNull()
      .default('risk'),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    owner: text('owner').notNull(),
    likelihood: integer('likelihood').notNull(),
    impact: integer('impact').notNull(),
    score: integer('score').generatedAlwaysAs(sql`likelihood * impact`),
    rag: text('rag', { enum: ['red', 'amber', 'green'] }).notNull(),
    mitigations: text('mitigations').notNull().default(''),
    status: text('status', { enum: ['open', 'closed'] })
      .notNull()
      .default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [
    check('risks_likelihood_range', sql`${t.likelihood} between 1 and 5`),
    check('risks_impact_range', sql`${t.impact} between 1 and 5`),
    check('risks_rag_known', sql`${t.rag} in ('red', 'amber', 'green')`),
    check('risks_kind_known', sql`${t.kind} in ('risk', 'issue')`),
    check('risks_status_known', sql`${t.status} in ('open', 'closed')`),
    check('risks_title_present', sql`length(trim(${t.title})) > 0`),
    index('risks_organisation_idx').on(t.organisationId),
    index('risks_programme_idx').on(t.programmeId),
  ],
);
