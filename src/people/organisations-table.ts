import { sql } from 'drizzle-orm';
import { check, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { areas } from '../areas/areas-table.js';

export const organisationKinds = [
  'partner',
  'local-authority',
  'icb',
  'trust',
  'voluntary',
  'other',
] as const;

/**
 * The organisations that own records and employ staff: the partners (GLA, NHS England London, London
 * Councils, OHID, UKHSA), the 33 authorities, the ICBs, trusts and voluntary groups. `slug` is the short
 * stable name in URLs and exports; an authority or ICB points at its area. Archived, never deleted.
 */
export const organisations = pgTable(
  'organisations',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    kind: text('kind', { enum: organisationKinds }).notNull(),
    areaCode: text('area_code').references(() => areas.code),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    check('organisations_slug_format', sql`${t.slug} ~ '^[a-z0-9][a-z0-9-]{0,62}$'`),
    check(
      'organisations_kind_known',
      sql`${t.kind} in ('partner', 'local-authority', 'icb', 'trust', 'voluntary', 'other')`,
    ),
    check('organisations_name_present', sql`length(trim(${t.name})) > 0`),
  ],
);
