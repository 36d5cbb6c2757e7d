import { sql } from 'drizzle-orm';
import type { Db } from '../../db/db.js';
import { queryRows } from '../../db/query-rows.js';
import type { BoundaryFeature } from './boundary-feature.js';

/** What merging a file's outlines did: rows inserted, updated and unchanged, and codes of no known area. */
export interface BoundaryMergeOutcome {
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Codes the file has an outline for but `areas` does not hold (no row can reference them): skipped. */
  readonly notMatched: readonly string[];
}

// Outlines go to the database as one JSON document per statement; a batch is kept to some megabytes of it.
const batchChars = 8 * 1024 * 1024;

function* batches(features: readonly BoundaryFeature[]): Generator<string> {
  let parts: string[] = [];
  let size = 0;
  for (const f of features) {
    const part = JSON.stringify({ code: f.code, geometry: f.geometry });
    if (parts.length > 0 && size + part.length > batchChars) {
      yield `[${parts.join(',')}]`;
      parts = [];
      size = 0;
    }
    parts.push(part);
    size += part.length + 1;
  }
  if (parts.length > 0) yield `[${parts.join(',')}]`;
}

/**
 * Merges a file's valid outlines (one per code) into area_boundaries under load `loadId`: a new area's outline
 * is inserted; a stored outline that differs (jsonb equality: the same numbers, whatever their spelling in
 * the file) is replaced and takes this load and the time; an identical one is left alone with the load that
 * brought it. Outlines of areas the file does not mention stay. Codes that are not in `areas` are returned,
 * not written: a boundary file covers more than healthhub holds (the UK's districts, for London's boroughs).
 */
export async function mergeAreaBoundaries(
  db: Db,
  loadId: number,
  features: readonly BoundaryFeature[],
): Promise<BoundaryMergeOutcome> {
  const codes = features.map((f) => f.code);
  const known = new Set(
    (
      await queryRows<{ code: string }>(
        db,
        sql`select a.code from areas a
             where a.code in (select jsonb_array_elements_text(${JSON.stringify(codes)}::jsonb))`,
      )
    ).map((r) => r.code),
  );
  const matched = features.filter((f) => known.has(f.code));
  let inserted = 0;
  let updated = 0;
  for (const json of batches(matched)) {
    const incoming = sql`jsonb_to_recordset(${json}::jsonb) as i(code text, geometry jsonb)`;
    const changed = await queryRows<{ area_code: string }>(
      db,
      sql`update area_boundaries b set geometry = i.geometry, load_id = ${loadId}, updated_at = now()
            from ${incoming}
           where b.area_code = i.code and b.geometry <> i.geometry
       returning b.area_code`,
    );
    const added = await queryRows<{ area_code: string }>(
      db,
      sql`insert into area_boundaries (area_code, geometry, load_id)
          select i.code, i.geometry, ${loadId} from ${incoming}
          on conflict (area_code) do nothing
          returning area_code`,
    );
    updated += changed.length;
    inserted += added.length;
  }
  return {
    inserted,
    updated,
    unchanged: matched.length - inserted - updated,
    notMatched: codes.filter((code) => !known.has(code)),
  };
}
