import { sql } from 'drizzle-orm';
import { ENGLAND } from '../areas/london-areas.js';
import type { Db } from '../db/db.js';
import { queryRows } from '../db/query-rows.js';

/** One area's value in a heatmap row. */
export interface HeatmapCell {
  readonly value: number | null;
  readonly lower95: number | null;
  readonly upper95: number | null;
  readonly comparedToEngland: string | null;
  readonly note: string | null;
  readonly demo: boolean;
}

/** One indicator's row: the period, sex and age shown, England's value, and a cell per area asked for. */
export interface HeatmapRow {
  readonly indicatorId: number;
  /** Null when the indicator has no values without a category. */
  readonly period: string | null;
  readonly sex: string | null;
  readonly age: string | null;
  readonly england: number | null;
  /** In the order of the area codes asked for; null where the area has no value. */
  readonly cells: readonly (HeatmapCell | null)[];
}

interface Choice {
  indicator_id: number;
  period: string;
  period_sort: number;
  sex: string;
  age: string;
}

/**
 * Each indicator's latest value for each area, with the same choice as an indicator's own page makes by
 * default: Persons (or the indicator's first sex when it has no Persons values), the first age, no
 * category, and the latest period of that sex and age. One row per indicator, in the order given. Two
 * queries: the choices there are, then the chosen values for the areas and England.
 */
export async function heatmapValues(
  db: Db,
  indicatorIds: readonly number[],
  areaCodes: readonly string[],
): Promise<HeatmapRow[]> {
  if (indicatorIds.length === 0) return [];
  const choices = await queryRows<Choice>(
    db,
    sql`select distinct indicator_id, period, period_sort, sex, age from indicator_values
         where indicator_id in (${sql.join(
           indicatorIds.map((id) => sql`${id}`),
           sql`, `,
         )}) and category_type = '' and category = ''
         order by indicator_id, period_sort desc, period, sex, age`,
  );
  const chosen = new Map<number, Choice>();
  for (const id of indicatorIds) {
    const own = choices.filter((c) => Number(c.indicator_id) === id);
    const sexes = [...new Set(own.map((c) => c.sex))].sort();
    const sex = sexes.includes('Persons') ? 'Persons' : sexes[0];
    const ages = [...new Set(own.filter((c) => c.sex === sex).map((c) => c.age))].sort();
    // Already in latest-period-first order, so the first match is the latest period.
    const latest = own.find((c) => c.sex === sex && c.age === ages[0]);
    if (latest) chosen.set(id, latest);
  }
  const keys = [...chosen.entries()];
  const codes = [...new Set([...areaCodes, ENGLAND])];
  const values =
    keys.length === 0
      ? []
      : await queryRows<
          HeatmapCell & { indicatorId: number; areaCode: string; period: string; sex: string; age: string }
        >(
          db,
          sql`select v.indicator_id as "indicatorId", v.area_code as "areaCode", v.period, v.sex, v.age,
                     v.value, v.lower95, v.upper95, v.computed_compared_to_england as "comparedToEngland",
                     v.value_note as note, v.is_demo as demo
                from indicator_values v
               where (v.indicator_id, v.period, v.sex, v.age) in (${sql.join(
                 keys.map(
                   ([id, c]) => sql`(${id}::integer, ${c.period}::text, ${c.sex}::text, ${c.age}::text)`,
                 ),
                 sql`, `,
               )})
                 and v.category_type = '' and v.category = ''
                 and v.area_code in (${sql.join(
                   codes.map((c) => sql`${c}`),
                   sql`, `,
                 )})`,
        );
  const byKey = new Map(values.map((v) => [`${Number(v.indicatorId)}|${v.areaCode}`, v]));
  return indicatorIds.map((id) => {
    const choice = chosen.get(id);
    const cell = (code: string): HeatmapCell | null => {
      const v = byKey.get(`${id}|${code}`);
      return v
        ? {
            value: v.value,
            lower95: v.lower95,
            upper95: v.upper95,
            comparedToEngland: v.comparedToEngland,
            note: v.note,
            demo: v.demo,
          }
        : null;
    };
    return {
      indicatorId: id,
      period: choice?.period ?? null,
      sex: choice?.sex ?? null,
      age: choice?.age ?? null,
      england: cell(ENGLAND)?.value ?? null,
      cells: areaCodes.map(cell),
    };
  });
}
