import { sql } from 'drizzle-orm';
import { forEachBatch } from '../../db/cursor-batches.js';
import { queryRows } from '../../db/query-rows.js';
import { mergeAreas } from '../formats/merge-areas.js';
import type { ImportContext, ImportOutcome } from '../importer.js';
import type { DeprivationFormat } from './deprivation-formats.js';
import { DEPRIVATION_STAGE } from './deprivation-stage.js';

const stage = sql.raw(DEPRIVATION_STAGE);

/** Rejects every row whose area an earlier line already has, naming that line, and drops it. */
export async function rejectDuplicateDeprivationAreas(
  context: ImportContext,
  format: DeprivationFormat,
): Promise<void> {
  const { db } = context;
  const ranked = sql`select line, min(line) over (partition by area_code) as first_line from ${stage}`;
  let found = false;
  await forEachBatch<{ line: number; first_line: number }>(
    db,
    sql`select line, first_line from (${ranked}) d where line <> first_line order by line`,
    5000,
    async (rows) => {
      found = true;
      for (const r of rows) {
        await context.reject(r.line, `duplicate: line ${r.first_line} has the same ${format.code}`);
      }
    },
  );
  if (!found) return;
  await db.execute(
    sql`delete from ${stage} s using (${ranked}) d where s.line = d.line and d.line <> d.first_line`,
  );
}

/**
 * Merges the staged rows, in the import's transaction:
 *
 * - areas: codes not yet known are added with the format's area type, named by the file (or by their code
 *   when the file has no names; an areas import later names them); known areas are kept (mergeAreas);
 * - deprivation: each area's score, rank and decile in the edition are inserted, or updated when they differ
 *   (a corrected file of the same edition; the table keeps no history); identical rows are left alone.
 *
 * Counts are of deprivation rows.
 */
export async function mergeDeprivationStage(
  context: ImportContext,
  format: DeprivationFormat,
  edition: string,
): Promise<ImportOutcome> {
  const { db, loadId } = context;
  await mergeAreas(
    db,
    sql`select area_code as code, coalesce(area_name, area_code) as name, ${format.areaType}::text as area_type,
               null::text as nhs_code, line
          from ${stage}`,
  );
  context.progress({ phase: 'writing', done: 0, total: 0 });
  const [row] = await queryRows<{ inserted: number; updated: number; staged: number }>(
    db,
    sql`
    with updated as (
      update deprivation d
         set score = s.score, rank = s.rank, decile = s.decile, load_id = ${loadId}::integer
        from ${stage} s
       where d.area_code = s.area_code and d.edition = ${edition}::text
         and (d.score, d.rank, d.decile) is distinct from (s.score, s.rank, s.decile)
      returning 1
    ),
    inserted as (
      insert into deprivation (area_code, edition, score, rank, decile, load_id)
      select s.area_code, ${edition}::text, s.score, s.rank, s.decile, ${loadId}::integer from ${stage} s
       where not exists (select 1 from deprivation d where d.area_code = s.area_code and d.edition = ${edition}::text)
      returning 1
    )
    select (select count(*) from inserted)::int as inserted, (select count(*) from updated)::int as updated,
           (select count(*) from ${stage})::int as staged`,
  );
  const inserted = Number(row?.inserted ?? 0);
  const updated = Number(row?.updated ?? 0);
  return { inserted, updated, unchanged: Number(row?.staged ?? 0) - inserted - updated };
}
