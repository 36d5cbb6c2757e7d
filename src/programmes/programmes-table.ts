import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { organisations } from '../people/organisations-table.js';

/**
 * The partnership's programmes (CVD prevention and early detection, physical activity in healthcare, the
 * structural racism recommendations): aims, the owning organisation, status. Archived, never deleted.
 */
export const programmes = pgTable(
  'programmes',
  {
    id: serial('id').primaryKey(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    aims: text('aims').notNull().default(''),
    status: text('status', { enum: ['proposed', 'active', 'closed'] })
      .notNull()
      .default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [
    check('programmes_slug_format', sql`${t.slug} ~ '^[a-z0-9][a-z0-9-]{0,62}$'`),
    check('programmes_status_known', sql`${t.status} in ('proposed', 'active', 'closed')`),
    check('programmes_name_present', sql`length(trim(${t.name})) > 0`),
  ],
);
