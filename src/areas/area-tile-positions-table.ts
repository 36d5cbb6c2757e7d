import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { areas } from './areas-table.js';

/** Tile-grid cartogram positions, e.g. the London Squared layout: column x (west to east), row y (north to south). */
export const areaTilePositions = pgTable(
  'area_tile_positions',
  {
    layout: text('layout').notNull(),
    areaCode: text('area_code')
      .notNull()
      .references(() => areas.code),
    abbreviation: text('abbreviation').notNull(),
    x: integer('x').notNull(),
    y: integer('y').notNull(),
    /** True where the layout draws the tile with an irregular (river-cut) outline. */
    irregular: boolean('irregular').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.layout, t.areaCode] }),
    check('area_tile_positions_non_negative', sql`${t.x} >= 0 and ${t.y} >= 0`),
  ],
);
