import { sql } from 'drizzle-orm';
import type { Db } from '../../db/db.js';
import { queryRows } from '../../db/query-rows.js';
import type { BoundaryGeometry } from './boundary-geometry.js';

/** The outlines held for some areas, and where they came from. */
export interface AreaBoundaries {
  readonly geometries: ReadonlyMap<string, BoundaryGeometry>;
  /** data_loads.source of the loads that brought them (file name and credit), each once, oldest first. */
  readonly sources: readonly string[];
}

/** The stored outlines of the areas among `codes` that have one, with the sources of the loads they came from. */
export async function findAreaBoundaries(db: Db, codes: readonly string[]): Promise<AreaBoundaries> {
  if (codes.length === 0) return { geometries: new Map(), sources: [] };
  const rows = await queryRows<{
    code: string;
    geometry: BoundaryGeometry;
    source: string | null;
    load: number;
  }>(
    db,
    sql`select b.area_code as code, b.geometry, l.source, l.id as load
          from area_boundaries b join data_loads l on l.id = b.load_id
         where b.area_code in (select jsonb_array_elements_text(${JSON.stringify(codes)}::jsonb))
         order by l.id, b.area_code`,
  );
  return {
    geometries: new Map(rows.map((r) => [r.code, r.geometry])),
    sources: [...new Set(rows.map((r) => r.source ?? `load ${r.load}`))],
  };
}
