import { sql } from 'drizzle-orm';
import { check, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Geographies by ONS GSS code: England, regions, ICBs, local authorities, and any other type (LSOAs, wards,
 * counties and unitary authorities) that imports bring. Membership of a parent lives in area_parents, with
 * dates, because areas move.
 */
export const areas = pgTable(
  'areas',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    /** A type such as country, region, icb, local-authority, county-ua, lsoa11, lsoa21, ward. */
    areaType: text('area_type').notNull(),
    /** The NHS organisation code where there is one (ICBs: QMJ, QMF, QRV, QKK, QWE). */
    nhsCode: text('nhs_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('areas_code_format', sql`${t.code} ~ '^[EWSNK][0-9]{8}$'`),
    check('areas_type_format', sql`${t.areaType} ~ '^[a-z][a-z0-9-]*$'`),
  ],
);
