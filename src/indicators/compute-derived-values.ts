import { type SQL, sql } from 'drizzle-orm';
import { forEachBatch } from '../db/cursor-batches.js';
import type { Db } from '../db/db.js';
import { createValueDeriver, type DerivationRow, ENGLAND, LONDON } from './derive-value-results.js';

export { ENGLAND, LONDON } from './derive-value-results.js';

/** A row of indicator_values as the computation reads it. */
interface ValueRow extends DerivationRow {
  readonly id: number | string;
  readonly computed_compared_to_england: string | null;
  readonly computed_compared_to_london: string | null;
  readonly computed_trend: string | null;
}

/**
 * Computes healthhub's own comparisons and trends (never the input's; see createValueDeriver) for every
 * value already in indicator_values of the breakdowns named by `scope`, a query giving (indicator_id, sex,
 * age, category_type, category) rows, and writes those that change. Run it after writing values, in the same
 * transaction. Values are read through a cursor in series order, so memory is flat, and running it again
 * changes nothing.
 *
 * An importer that stages its values in indicator_values_stage should use mergeIndicatorValues instead,
 * which computes these before writing, so that each row is written once.
 */
export async function computeDerivedValues(
  db: Db,
  scope: SQL,
  batchSize = 5000,
): Promise<{ changed: number }> {
  const benchmark = (alias: string, code: string) => {
    const a = sql.raw(alias);
    return sql`
    left join indicator_values ${a}
      on ${a}.indicator_id = v.indicator_id and ${a}.area_code = ${sql.raw(`'${code}'`)}
     and ${a}.period = v.period and ${a}.sex = v.sex and ${a}.age = v.age
     and ${a}.category_type = v.category_type and ${a}.category = v.category`;
  };
  const query = sql`
    select v.id, v.indicator_id, v.area_code, v.period, v.sex, v.age, v.category_type, v.category,
           v.value, v.lower95, v.upper95, v."count", v.denominator,
           v.computed_compared_to_england, v.computed_compared_to_london, v.computed_trend,
           e.value as england_value, l.value as london_value, i.polarity, i.value_type
      from indicator_values v
      join (select distinct indicator_id, sex, age, category_type, category from (${scope}) s0) s
        on s.indicator_id = v.indicator_id and s.sex = v.sex and s.age = v.age
       and s.category_type = v.category_type and s.category = v.category
      join indicators i on i.id = v.indicator_id
      ${benchmark('e', ENGLAND)}
      ${benchmark('l', LONDON)}
     order by v.indicator_id, v.sex, v.age, v.category_type, v.category, v.area_code, v.period_sort, v.period`;

  const derive = createValueDeriver();
  let changed = 0;
  await forEachBatch<ValueRow>(db, query, batchSize, async (rows) => {
    const ids: string[] = [];
    const england: string[] = [];
    const london: string[] = [];
    const trends: string[] = [];
    for (const row of rows) {
      const d = derive(row);
      if (
        d.england !== row.computed_compared_to_england ||
        d.london !== row.computed_compared_to_london ||
        d.trend !== row.computed_trend
      ) {
        ids.push(String(row.id));
        england.push(d.england);
        london.push(d.london);
        trends.push(d.trend);
      }
    }
    if (ids.length === 0) return;
    changed += ids.length;
    await db.execute(sql`
      update indicator_values v
         set computed_compared_to_england = u.england, computed_compared_to_london = u.london,
             computed_trend = u.trend
        from unnest(${sql.param(ids)}::bigint[], ${sql.param(england)}::text[], ${sql.param(london)}::text[],
                    ${sql.param(trends)}::text[]) as u(id, england, london, trend)
       where v.id = u.id`);
  });
  return { changed };
}
