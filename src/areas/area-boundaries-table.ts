import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { dataLoads } from '../imports/data-loads-table.js';
import { areas } from './areas-table.js';

/**
 * An area's outline for geographic maps: a GeoJSON Polygon or MultiPolygon in WGS84 longitude/latitude
 * (EPSG:4326), as `healthhub import boundaries` read it, and the load it came from. One outline per area;
 * a later import replaces it.
 */
export const areaBoundaries = pgTable(
  'area_boundaries',
  {
    areaCode: text('area_code')
      .primaryKey()
      .references(() => areas.code),
    geometry: jsonb('geometry').notNull(),
    loadId: integer('load_id')
      .notNull()
      .references(() => dataLoads.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('area_boundaries_geometry_type', sql`${t.geometry}->>'type' in ('Polygon', 'MultiPolygon')`)],
);
