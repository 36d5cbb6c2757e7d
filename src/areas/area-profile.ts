import { sql } from 'drizzle-orm';
import type { Db } from '../db/db.js';
import { queryRows } from '../db/query-rows.js';
import { ENGLAND, LONDON } from './london-areas.js';

/** One indicator's row of an area profile: the area's latest value against England, London and its peers. */
export interface AreaProfileRow {
  readonly indicatorId: number;
  readonly indicatorName: string;
  readonly unit: string | null;
  readonly polarity: string;
  readonly valueType: string;
  readonly source: string | null;
  readonly method: string | null;
  readonly period: string;
  readonly periodSort: number;
  readonly sex: string;
  readonly age: string;
  readonly value: number | null;
  readonly lower95: number | null;
  readonly upper95: number | null;
  readonly count: number | null;
  readonly england: number | null;
  readonly london: number | null;
  readonly comparedToEngland: string | null;
  readonly comparedToLondon: string | null;
  readonly trend: string | null;
  /** Across the areas of the same type with a value for the period: how many, and their spread. */
  readonly peers: number;
  readonly min: number | null;
  readonly q25: number | null;
  readonly q75: number | null;
  readonly max: number | null;
  readonly demo: boolean;
}

/**
 * The profile of an area: for every indicator with a value for it, the latest period's value for persons (or
 * the one sex the indicator has) at its first age group and no category, beside England's and London's
 * values and the spread across all areas of the same type (quartiles with percentile_cont, as Fingertips'
 * spine charts draw them). Cost: one query over the area's values and its peers' values of those periods.
 */
export async function areaProfile(db: Db, code: string): Promise<AreaProfileRow[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`
    with mine as (
      select distinct on (v.indicator_id) v.*
        from indicator_values v
       where v.area_code = ${code} and v.category = ''
       order by v.indicator_id, v.period_sort desc, (v.sex = 'Persons') desc, v.sex, v.age
    ),
    peers as (
      select m.indicator_id, count(p.value)::int as peers, min(p.value) as min, max(p.value) as max,
             percentile_cont(0.25) within group (order by p.value) as q25,
             percentile_cont(0.75) within group (order by p.value) as q75
        from mine m
        join areas a on a.code = m.area_code
        join indicator_values p
          on p.indicator_id = m.indicator_id and p.period = m.period and p.sex = m.sex and p.age = m.age
         and p.category_type = m.category_type and p.category = m.category
        join areas pa on pa.code = p.area_code and pa.area_type = a.area_type
       where p.value is not null
       group by m.indicator_id
    )
    select m.indicator_id as "indicatorId", i.name as "indicatorName", i.unit, i.polarity,
           i.value_type as "valueType", i.source, i.method, m.period, m.period_sort as "periodSort", m.sex, m.age,
           m.value, m.lower95, m.upper95, m."count",
           (select e.value from indicator_values e
             where e.indicator_id = m.indicator_id and e.area_code = ${ENGLAND} and e.period = m.period
               and e.sex = m.sex and e.age = m.age and e.category_type = m.category_type
               and e.category = m.category) as england,
           (select l.value from indicator_values l
             where l.indicator_id = m.indicator_id and l.area_code = ${LONDON} and l.period = m.period
               and l.sex = m.sex and l.age = m.age and l.category_type = m.category_type
               and l.category = m.category) as london,
           m.computed_compared_to_england as "comparedToEngland",
           m.computed_compared_to_london as "comparedToLondon", m.computed_trend as trend,
           coalesce(p.peers, 0) as peers, p.min, p.q25, p.q75, p.max, (m.is_demo or i.is_demo) as demo
      from mine m
      join indicators i on i.id = m.indicator_id
      left join peers p on p.indicator_id = m.indicator_id
     order by i.name, m.indicator_id`,
  );
  const num = (x: unknown) => (x === null || x === undefined ? null : Number(x));
  return rows.map((r) => ({
    indicatorId: Number(r.indicatorId),
    indicatorName: String(r.indicatorName),
    unit: (r.unit as string | null) ?? null,
    polarity: String(r.polarity),
    valueType: String(r.valueType),
    source: (r.source as string | null) ?? null,
    method: (r.method as string | null) ?? null,
    period: String(r.period),
    periodSort: Number(r.periodSort),
    sex: String(r.sex),
    age: String(r.age),
    value: num(r.value),
    lower95: num(r.lower95),
    upper95: num(r.upper95),
    count: num(r.count),
    england: num(r.england),
    london: num(r.london),
    comparedToEngland: (r.comparedToEngland as string | null) ?? null,
    comparedToLondon: (r.comparedToLondon as string | null) ?? null,
    trend: (r.trend as string | null) ?? null,
    peers: Number(r.peers),
    min: num(r.min),
    q25: num(r.q25),
    q75: num(r.q75),
    max: num(r.max),
    demo: r.demo === true,
  }));
}
