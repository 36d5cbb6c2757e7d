import { sql } from 'drizzle-orm';
import { descendantCodesSql } from '../areas/area-queries.js';
import { ENGLAND, LONDON } from '../areas/london-areas.js';
import type { Db } from '../db/db.js';
import { queryRows } from '../db/query-rows.js';

/** What an indicator page compares: the areas of a type under a parent, in one period, sex and age. */
export interface ComparisonRequest {
  readonly indicatorId: number;
  /** The parent whose descendants are compared (default London). */
  readonly parent?: string;
  /** The type of area compared (default local-authority). */
  readonly areaType?: string;
  /** The period, sex and age (defaults: the latest period; Persons if it has it; the first age). */
  readonly period?: string;
  readonly sex?: string;
  readonly age?: string;
}

/** One area's value in a comparison. */
export interface ComparisonValue {
  readonly code: string;
  readonly name: string;
  readonly value: number | null;
  readonly lower95: number | null;
  readonly upper95: number | null;
  readonly lower998: number | null;
  readonly upper998: number | null;
  readonly count: number | null;
  readonly denominator: number | null;
  readonly note: string | null;
  readonly comparedToEngland: string | null;
  readonly comparedToLondon: string | null;
  readonly trend: string | null;
  readonly demo: boolean;
}

/** The comparison and the choices it was made from, for the page's selectors. */
export interface Comparison {
  readonly parent: string;
  readonly areaType: string;
  readonly period: string | null;
  readonly sex: string | null;
  readonly age: string | null;
  /** Every period (newest first), sex and age the indicator has values for. */
  readonly periods: readonly string[];
  readonly sexes: readonly string[];
  readonly ages: readonly string[];
  readonly areas: readonly ComparisonValue[];
  readonly england: ComparisonValue | null;
  readonly london: ComparisonValue | null;
}

const valueColumns = sql`
  a.code, a.name, v.value, v.lower95, v.upper95, v.lower998, v.upper998, v."count", v.denominator,
  v.value_note as note, v.computed_compared_to_england as "comparedToEngland",
  v.computed_compared_to_london as "comparedToLondon", v.computed_trend as trend, v.is_demo as demo`;

/**
 * One indicator for the areas of a type under a parent (through area_parents valid today, at any depth), in
 * one period, sex and age, with England's and London's values of the same. Areas without a value for the
 * choice are listed with a null value, so that a missing value is shown as missing rather than left out.
 */
export async function indicatorComparison(db: Db, request: ComparisonRequest): Promise<Comparison> {
  const parent = request.parent ?? LONDON;
  const areaType = request.areaType ?? 'local-authority';
  const id = request.indicatorId;
  const choices = await queryRows<{ period: string; period_sort: number; sex: string; age: string }>(
    db,
    sql`select distinct period, period_sort, sex, age from indicator_values
         where indicator_id = ${id} and category = '' order by period_sort desc, period, sex, age`,
  );
  const periods = [...new Set(choices.map((c) => c.period))];
  const sexes = [...new Set(choices.map((c) => c.sex))].sort();
  const ages = [...new Set(choices.map((c) => c.age))].sort();
  const period = request.period ?? periods[0] ?? null;
  const sex = request.sex ?? (sexes.includes('Persons') ? 'Persons' : (sexes[0] ?? null));
  const age = request.age ?? ages[0] ?? null;
  if (period === null || sex === null || age === null) {
    return {
      parent,
      areaType,
      period,
      sex,
      age,
      periods,
      sexes,
      ages,
      areas: [],
      england: null,
      london: null,
    };
  }
  const matches = sql`v.indicator_id = ${id} and v.period = ${period} and v.sex = ${sex} and v.age = ${age}
                      and v.category_type = '' and v.category = ''`;
  const areas = await queryRows<ComparisonValue>(
    db,
    sql`
    select ${valueColumns}
      from areas a
      left join indicator_values v on v.area_code = a.code and ${matches}
     where a.code in (${descendantCodesSql(parent)}) and a.area_type = ${areaType}
     order by a.name`,
  );
  const benchmarks = await queryRows<ComparisonValue>(
    db,
    sql`select ${valueColumns} from indicator_values v join areas a on a.code = v.area_code
         where ${matches} and v.area_code in (${ENGLAND}, ${LONDON})`,
  );
  const normalise = (r: ComparisonValue): ComparisonValue => ({
    ...r,
    value: num(r.value),
    lower95: num(r.lower95),
    upper95: num(r.upper95),
    lower998: num(r.lower998),
    upper998: num(r.upper998),
    count: num(r.count),
    denominator: num(r.denominator),
    demo: r.demo === true,
  });
  const find = (code: string) => {
    const found = benchmarks.find((b) => b.code === code);
    return found ? normalise(found) : null;
  };
  return {
    parent,
    areaType,
    period,
    sex,
    age,
    periods,
    sexes,
    ages,
    areas: areas.map(normalise),
    england: find(ENGLAND),
    london: find(LONDON),
  };
}

function num(x: unknown): number | null {
  return x === null || x === undefined ? null : Number(x);
}
