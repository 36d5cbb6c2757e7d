import { type SQL, sql } from 'drizzle-orm';
import { forEachBatch } from '../../db/cursor-batches.js';
import { formatAgeBand } from '../../populations/age-band.js';
import type { ImportContext } from '../importer.js';
import { indexLongTableStage, LONG_TABLE_STAGE } from './long-table-stage.js';
import type { LongTableTarget } from './long-table-target.js';

const stage = sql.raw(LONG_TABLE_STAGE);
const KEY = 'measure, area_code, year, sex';
const sameKey = (a: string, b: string) =>
  sql.raw(
    ['measure', 'area_code', 'year', 'sex'].map((column) => `${a}.${column} = ${b}.${column}`).join(' and '),
  );
const band = (from: number, to: number | null) => formatAgeBand({ from, to });

/**
 * Rejects every row `query` (giving `line` and what `reason` needs, in line order) finds, with its reason,
 * and drops those rows from the staging table.
 */
async function rejectStaged<T extends { line: number }>(
  context: ImportContext,
  query: SQL,
  reason: (row: T) => string,
): Promise<void> {
  let found = false;
  await forEachBatch<T>(context.db, query, 5000, async (rows) => {
    found = true;
    for (const row of rows) await context.reject(row.line, reason(row));
  });
  if (found) {
    await context.db.execute(sql`delete from ${stage} where line in (select line from (${query}) q)`);
  }
}

/**
 * The checks that need every row of a population or event-count table, in the import's transaction; each
 * rejected row is reported with its line and dropped:
 *
 * 1. duplicates: a row whose (measure,) area, year, sex and age (band) an earlier line already gives;
 * 2. overlapping bands: a band of an area, year and sex overlapping the one before it ("0-4" and "3", "90+"
 *    and "90-94"), which would count the same people twice;
 * 3. totals: an "All ages" row beside age bands of its area, year and sex must equal their sum; it is then
 *    not stored (the bands say it), and counts as unchanged. An "All ages" row with no bands beside it is
 *    stored as the band 0 and over.
 */
export async function checkLongTableStage(context: ImportContext, target: LongTableTarget): Promise<void> {
  const { db } = context;
  await indexLongTableStage(db, target);
  const what = `${target.hasMeasure ? 'measure, ' : ''}area, year, sex and age`;

  await rejectStaged<{ line: number; first_line: number }>(
    context,
    sql`select line, first_line from (
          select line, min(line) over (partition by ${sql.raw(KEY)}, is_total, age_from, age_to) as first_line
            from ${stage}) d
         where line <> first_line order by line`,
    (r) => `duplicate: line ${r.first_line} has the same ${what}`,
  );

  await rejectStaged<{
    line: number;
    age_from: number;
    age_to: number | null;
    prev_line: number;
    prev_from: number;
    prev_to: number | null;
  }>(
    context,
    sql`select line, age_from, age_to, prev_line, prev_from, prev_to from (
          select line, age_from, age_to, lag(line) over w as prev_line, lag(age_from) over w as prev_from,
                 lag(age_to) over w as prev_to
            from ${stage} where not is_total
          window w as (partition by ${sql.raw(KEY)} order by age_from, line)) o
         where prev_line is not null and (prev_to is null or prev_to >= age_from)
         order by line`,
    (r) =>
      `age ${band(r.age_from, r.age_to)} overlaps ${band(r.prev_from, r.prev_to)} on line ${r.prev_line} (the same people counted twice)`,
  );

  await rejectStaged<{ line: number; amount: number; total: number; n: number }>(
    context,
    sql`select t.line, t.amount, b.total, b.n
          from ${stage} t
          join (select ${sql.raw(KEY)}, sum(amount) as total, count(*)::int as n
                  from ${stage} where not is_total group by ${sql.raw(KEY)}) b on ${sameKey('t', 'b')}
         where t.is_total and abs(t.amount - b.total) > 1e-9 * greatest(1, abs(t.amount), abs(b.total))
         order by t.line`,
    (r) => `All ages: ${r.amount} is not the sum of the ${r.n} age bands beside it (${r.total})`,
  );

  await db.execute(sql`
    update ${stage} t set is_total = false
     where t.is_total and not exists (select 1 from ${stage} b where ${sameKey('t', 'b')} and not b.is_total)`);
}
