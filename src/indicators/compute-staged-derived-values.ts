import { sql } from 'drizzle-orm';
import { forEachBatch } from '../db/cursor-batches.js';
import type { Db } from '../db/db.js';
import { type BulkColumn, bulkInsert } from '../imports/bulk-insert.js';
import { createValueDeriver, type DerivationRow, ENGLAND, LONDON } from './derive-value-results.js';
import { INDICATOR_VALUES_STAGE } from './indicator-values-stage.js';

/** The temporary table of computed results: by staging line for staged values, by id for the others. */
export const DERIVED_VALUES = 'derived_values';

/** A value as it will be once the stage is merged: a staged one (line) or one already stored (id). */
interface MergedRow extends DerivationRow {
  readonly line: number | null;
  readonly id: number | string | null;
  readonly computed_compared_to_england: string | null;
  readonly computed_compared_to_london: string | null;
  readonly computed_trend: string | null;
}

const derivedColumns: readonly BulkColumn[] = [
  ['line', 'integer'],
  ['value_id', 'bigint'],
  ['england', 'text'],
  ['london', 'text'],
  ['trend', 'text'],
];

/**
 * Computes healthhub's own comparisons and trends (see createValueDeriver) for the values staged in
 * indicator_values_stage and every other value of the same breakdowns (indicator, sex, age, category), as
 * they will be once the stage is merged, before anything is written. The results go to the temporary table
 * derived_values (line, value_id, england, london, trend): one row per staged value (by line), and one per
 * stored value whose results change (by value_id). Needs the staged values' indicators to exist (polarity,
 * value type). Values are read through a cursor in series order, so memory stays flat.
 */
export async function computeStagedDerivedValues(db: Db, batchSize = 5000): Promise<void> {
  const stage = sql.raw(INDICATOR_VALUES_STAGE);
  await db.execute(
    sql.raw(
      `create temp table ${DERIVED_VALUES} (line integer, value_id bigint, england text, london text, trend text) on commit drop`,
    ),
  );
  const merged = sql`
    select m.*,
           max(m.value) filter (where m.area_code = ${sql.raw(`'${ENGLAND}'`)}) over w as england_value,
           max(m.value) filter (where m.area_code = ${sql.raw(`'${LONDON}'`)}) over w as london_value,
           i.polarity, i.value_type
      from (
        select s.line, null::bigint as id, s.indicator_id, s.area_code, s.period, s.period_sort, s.sex, s.age,
               s.category_type, s.category, s.value, s.lower95, s.upper95, s."count", s.denominator,
               null::text as computed_compared_to_england, null::text as computed_compared_to_london,
               null::text as computed_trend
          from ${stage} s
        union all
        select null, v.id, v.indicator_id, v.area_code, v.period, v.period_sort, v.sex, v.age,
               v.category_type, v.category, v.value, v.lower95, v.upper95, v."count", v.denominator,
               v.computed_compared_to_england, v.computed_compared_to_london, v.computed_trend
          from indicator_values v
          join (select distinct indicator_id, sex, age, category_type, category from ${stage}) b
            on b.indicator_id = v.indicator_id and b.sex = v.sex and b.age = v.age
           and b.category_type = v.category_type and b.category = v.category
         where not exists (
           select 1 from ${stage} s
            where s.indicator_id = v.indicator_id and s.area_code = v.area_code and s.period = v.period
              and s.sex = v.sex and s.age = v.age and s.category_type = v.category_type
              and s.category = v.category)
      ) m
      join indicators i on i.id = m.indicator_id
    window w as (partition by m.indicator_id, m.period, m.sex, m.age, m.category_type, m.category)
     order by m.indicator_id, m.sex, m.age, m.category_type, m.category, m.area_code, m.period_sort, m.period`;

  const derive = createValueDeriver();
  await forEachBatch<MergedRow>(db, merged, batchSize, async (rows) => {
    const out: unknown[][] = [];
    for (const row of rows) {
      const d = derive(row);
      if (row.line !== null) {
        out.push([row.line, null, d.england, d.london, d.trend]);
      } else if (
        d.england !== row.computed_compared_to_england ||
        d.london !== row.computed_compared_to_london ||
        d.trend !== row.computed_trend
      ) {
        out.push([null, row.id, d.england, d.london, d.trend]);
      }
    }
    await bulkInsert(db, DERIVED_VALUES, derivedColumns, out);
  });
}
