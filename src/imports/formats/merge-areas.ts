import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/db.js';
import { queryRows } from '../../db/query-rows.js';
import type { ImportOutcome } from '../importer.js';

/**
 * Adds the areas a file names to the areas table. `staged` is a query giving (code, name, area_type,
 * nhs_code, line) rows, a code possibly on many lines (the first line's name wins). In the import's
 * transaction:
 *
 * - codes not yet known are inserted;
 * - a known area keeps its name and type (London's built-in geography is richer than any file), except that a
 *   placeholder name (the code itself, as an import of a file without names leaves it) takes the file's
 *   name, and a missing NHS code takes the file's;
 * - counts are of distinct codes: inserted, updated (named or given an NHS code), unchanged.
 */
export async function mergeAreas(db: Db, staged: SQL): Promise<ImportOutcome> {
  const [row] = await queryRows<{ total: number; inserted: number; updated: number }>(
    db,
    sql`
    with f as (
      select distinct on (code) code, name, area_type, nhs_code from (${staged}) s order by code, line
    ),
    inserted as (
      insert into areas (code, name, area_type, nhs_code)
      select code, name, area_type, nhs_code from f
      on conflict (code) do nothing
      returning code
    ),
    updated as (
      update areas a
         set name = case when a.name = a.code then f.name else a.name end,
             nhs_code = coalesce(a.nhs_code, f.nhs_code)
        from f
       where a.code = f.code
         and ((a.name = a.code and f.name <> f.code) or (a.nhs_code is null and f.nhs_code is not null))
      returning a.code
    )
    select (select count(*) from f)::int as total, (select count(*) from inserted)::int as inserted,
           (select count(*) from updated)::int as updated`,
  );
  const total = Number(row?.total ?? 0);
  const inserted = Number(row?.inserted ?? 0);
  const updated = Number(row?.updated ?? 0);
  return { inserted, updated, unchanged: total - inserted - updated };
}

/** Adds two outcomes. */
export function addOutcomes(a: ImportOutcome, b: ImportOutcome): ImportOutcome {
  return {
    inserted: a.inserted + b.inserted,
    updated: a.updated + b.updated,
    unchanged: a.unchanged + b.unchanged,
  };
}
