import { type SQL, sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { organisations } from '../people/organisations-table.js';
import { users } from '../people/users-table.js';

export const decisionStatuses = [
  'draft',
  'submitted',
  'returned',
  'approved',
  'signed',
  'published',
  'deferred',
  'withdrawn',
] as const;
export type DecisionStatus = (typeof decisionStatuses)[number];

/** The GLA's decision forms (MD, DD, ADD, DAR) and 'other' for partners' own. */
export const decisionTypes = ['MD', 'DD', 'ADD', 'DAR', 'other'] as const;
export type DecisionType = (typeof decisionTypes)[number];

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * A decision as the GLA's forms record it, and the same for the other partners: reference (MD3326), type,
 * the people and dates, every Part 1 section, and the Part 2 (confidential) text that only the owning
 * organisation sees. Money is in decision_expenditures; links in decision_relations. `status` moves only
 * through the workflow (decision-workflow.ts); every move is in audit_events. `searchVector` serves the
 * public register's full-text search over the Part 1 text.
 */
export const decisions = pgTable(
  'decisions',
  {
    id: serial('id').primaryKey(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    reference: text('reference').notNull().unique(),
    type: text('type', { enum: decisionTypes }).notNull(),
    title: text('title').notNull(),
    status: text('status', { enum: decisionStatuses }).notNull().default('draft'),
    directorate: text('directorate').notNull().default(''),
    decisionMaker: text('decision_maker').notNull().default(''),
    executiveSummary: text('executive_summary').notNull().default(''),
    decisionText: text('decision_text').notNull().default(''),
    nonConfidentialFacts: text('non_confidential_facts').notNull().default(''),
    objectivesAndOutcomes: text('objectives_and_outcomes').notNull().default(''),
    equalityComments: text('equality_comments').notNull().default(''),
    /** Which protected characteristics (Equality Act 2010) were considered. */
    protectedCharacteristics: text('protected_characteristics').array().notNull().default(sql`'{}'::text[]`),
    strategyLinks: text('strategy_links').notNull().default(''),
    consultations: text('consultations').notNull().default(''),
    conflictsOfInterest: text('conflicts_of_interest').notNull().default(''),
    financialComments: text('financial_comments').notNull().default(''),
    legalComments: text('legal_comments').notNull().default(''),
    /** Part 2: confidential facts and advice, visible only inside the owning organisation. */
    part2: text('part2').notNull().default(''),
    novelOrContentious: boolean('novel_or_contentious').notNull().default(false),
    /** Why the type differs from what the GLA's thresholds would give, when it does. */
    thresholdOverrideReason: text('threshold_override_reason'),
    authorUserId: integer('author_user_id').references(() => users.id),
    approvedByUserId: integer('approved_by_user_id').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** The date the decision-maker signed, as the form states it (may predate healthhub). */
    decisionDate: date('decision_date'),
    /** Why publication is deferred, and until when. */
    deferralReason: text('deferral_reason'),
    deferredUntil: date('deferred_until'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    isDemo: boolean('is_demo').notNull().default(false),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      (): SQL =>
        sql`to_tsvector('english', coalesce(reference, '') || ' ' || coalesce(title, '') || ' ' || coalesce(directorate, '') || ' ' || coalesce(decision_maker, '') || ' ' || coalesce(executive_summary, '') || ' ' || coalesce(decision_text, '') || ' ' || coalesce(non_confidential_facts, '') || ' ' || coalesce(objectives_and_outcomes, ''))`,
    ),
  },
  (t) => [
    check('decisions_reference_format', sql`${t.reference} ~ '^[A-Za-z0-9][A-Za-z0-9/._-]{0,39}$'`),
    check('decisions_type_known', sql`${t.type} in ('MD', 'DD', 'ADD', 'DAR', 'other')`),
    check(
      'decisions_status_known',
      sql`${t.status} in ('draft', 'submitted', 'returned', 'approved', 'signed', 'published', 'deferred', 'withdrawn')`,
    ),
    check('decisions_title_present', sql`length(trim(${t.title})) > 0`),
    check(
      'decisions_approver_not_author',
      sql`${t.approvedByUserId} is null or ${t.authorUserId} is null or ${t.approvedByUserId} <> ${t.authorUserId}`,
    ),
    index('decisions_organisation_idx').on(t.organisationId),
    index('decisions_search_idx').using('gin', t.searchVector),
  ],
);
