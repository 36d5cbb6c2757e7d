import { type SQL, sql } from 'drizzle-orm';
import { descendantCodesSql } from '../areas/area-queries.js';
import type { Db } from '../db/db.js';
import { queryRows } from '../db/query-rows.js';

/** One value of an indicator, with its area, as pages, the API and its CSV show it. */
export interface ValueRow {
  readonly indicatorId: number;
  readonly indicatorName: string;
  readonly areaCode: string;
  readonly areaName: string;
  readonly areaType: string;
  readonly period: string;
  readonly periodSort: number;
  readonly sex: string;
  readonly age: string;
  readonly categoryType: string;
  readonly category: string;
  readonly value: number | null;
  readonly lower95: number | null;
  readonly upper95: number | null;
  readonly lower998: number | null;
  readonly upper998: number | null;
  readonly count: number | null;
  readonly denominator: number | null;
  readonly note: string | null;
  /** healthhub's own comparisons and trend (computed_*), not the source file's. */
  readonly comparedToLondon: string | null;
  readonly comparedToEngland: string | null;
  readonly trend: string | null;
  /** Demonstration data, to be labelled wherever it is shown or exported. */
  readonly demo: boolean;
}

export interface ValueFilter {
  readonly indicatorId?: number;
  /** Only these areas. */
  readonly areaCodes?: readonly string[];
  /** Only areas of this type. */
  readonly areaType?: string;
  /** Only areas below this one, through memberships valid on `on`. */
  readonly parent?: string;
  /** Exact matches on the value's key. */
  readonly period?: string;
  readonly sex?: string;
  readonly age?: string;
  readonly categoryType?: string;
  readonly category?: string;
  /** The date memberships are read on (ISO date); today when absent. */
  readonly on?: string;
}

export interface ValuePage {
  /** At most this many values. */
  readonly limit: number;
  /** Continue after the value with this row id (values are listed in row id order). */
  readonly afterId?: number;
}

/** A point of a series: one period's value, its limits and its comparison with England. */
export interface TrendPoint {
  readonly period: string;
  readonly periodSort: number;
  readonly value: number | null;
  readonly lower95: number | null;
  readonly upper95: number | null;
  readonly lower998: number | null;
  readonly upper998: number | null;
  readonly comparedToEngland: string | null;
  readonly note: string | null;
}

/** An area's values of one indicator for one sex, age and category over time, oldest first. */
export interface TrendSeries {
  readonly indicatorId: number;
  readonly areaCode: string;
  readonly areaName: string;
  readonly areaType: string;
  readonly sex: string;
  readonly age: string;
  readonly categoryType: string;
  readonly category: string;
  /** The recent trend as computed for the latest period (null when it could not be computed). */
  readonly trend: string | null;
  readonly demo: boolean;
  readonly points: readonly TrendPoint[];
}

export interface TrendFilter {
  readonly indicatorId: number;
  readonly areaCodes: readonly string[];
  readonly sex?: string;
  readonly age?: string;
  readonly categoryType?: string;
  readonly category?: string;
}

const columns = sql`
  v.id, v.indicator_id as "indicatorId", i.name as "indicatorName", v.area_code as "areaCode",
  a.name as "areaName", a.area_type as "areaType", v.period, v.period_sort as "periodSort", v.sex, v.age,
  v.category_type as "categoryType", v.category, v.value, v.lower95, v.upper95, v.lower998, v.upper998,
  v.count, v.denominator, v.value_note as note, v.computed_compared_to_london as "comparedToLondon",
  v.computed_compared_to_england as "comparedToEngland", v.computed_trend as "trend", v.is_demo as demo`;

type RawValueRow = ValueRow & { id: number | string };

/**
 * Values matching `filter` in row id order, one page at a time (keyset: the row id of the last value given).
 * Asks for one more than the limit to know whether another page follows; `nextId` is the id to continue
 * after, or null on the last page. Every filter narrows: they combine with "and".
 */
export async function listValues(
  db: Db,
  filter: ValueFilter,
  page: ValuePage,
): Promise<{ values: ValueRow[]; nextId: number | null }> {
  const conditions = valueConditions(filter);
  if (page.afterId !== undefined) conditions.push(sql`v.id > ${page.afterId}`);
  const rows = await queryRows<RawValueRow>(
    db,
    sql`select ${columns}
          from indicator_values v
          join indicators i on i.id = v.indicator_id
          join areas a on a.code = v.area_code
         where ${sql.join(conditions, sql` and `)}
         order by v.id
         limit ${page.limit + 1}`,
  );
  const more = rows.length > page.limit;
  const taken = more ? rows.slice(0, page.limit) : rows;
  // node-postgres gives bigint (the row id) as text; PGlite as a number.
  const nextId = more ? Number(taken[taken.length - 1]!.id) : null;
  return { values: taken.map(toValueRow), nextId };
}

/**
 * The series of one indicator for each of `filter.areaCodes`, one per sex, age and category present (or
 * only those asked for), in the order the areas were given, each oldest period first.
 */
export async function listTrendSeries(db: Db, filter: TrendFilter): Promise<TrendSeries[]> {
  if (filter.areaCodes.length === 0) return [];
  const rows = await queryRows<RawValueRow>(
    db,
    sql`select ${columns}
          from indicator_values v
          join indicators i on i.id = v.indicator_id
          join areas a on a.code = v.area_code
         where ${sql.join(valueConditions(filter), sql` and `)}
         order by v.area_code, v.sex, v.age, v.category_type, v.category, v.period_sort, v.period`,
  );
  const series = new Map<string, { first: ValueRow; last: ValueRow; demo: boolean; points: TrendPoint[] }>();
  for (const raw of rows) {
    const r = toValueRow(raw);
    const key = JSON.stringify([r.areaCode, r.sex, r.age, r.categoryType, r.category]);
    let s = series.get(key);
    if (!s) {
      s = { first: r, last: r, demo: false, points: [] };
      series.set(key, s);
    }
    s.last = r;
    s.demo ||= r.demo;
    s.points.push({
      period: r.period,
      periodSort: r.periodSort,
      value: r.value,
      lower95: r.lower95,
      upper95: r.upper95,
      lower998: r.lower998,
      upper998: r.upper998,
      comparedToEngland: r.comparedToEngland,
      note: r.note,
    });
  }
  const order = new Map(filter.areaCodes.map((code, i) => [code, i]));
  return [...series.values()]
    .map(({ first, last, demo, points }) => ({
      indicatorId: first.indicatorId,
      areaCode: first.areaCode,
      areaName: first.areaName,
      areaType: first.areaType,
      sex: first.sex,
      age: first.age,
      categoryType: first.categoryType,
      category: first.category,
      trend: last.trend,
      demo,
      points,
    }))
    .sort((a, b) => order.get(a.areaCode)! - order.get(b.areaCode)!);
}

/** Whether an indicator has this id: a cheap check before asking for its values (no work over its values). */
export async function indicatorExists(db: Db, id: number): Promise<boolean> {
  const rows = await queryRows<{ found: number }>(
    db,
    sql`select 1 as found from indicators where id = ${id}`,
  );
  return rows.length > 0;
}

function valueConditions(filter: ValueFilter): SQL[] {
  const conditions: SQL[] = [sql`true`];
  if (filter.indicatorId !== undefined) conditions.push(sql`v.indicator_id = ${filter.indicatorId}`);
  if (filter.areaCodes !== undefined) {
    if (filter.areaCodes.length === 0) conditions.push(sql`false`);
    else
      conditions.push(
        sql`v.area_code in (${sql.join(
          filter.areaCodes.map((c) => sql`${c}`),
          sql`, `,
        )})`,
      );
  }
  if (filter.areaType !== undefined) conditions.push(sql`a.area_type = ${filter.areaType}`);
  if (filter.parent !== undefined)
    conditions.push(sql`v.area_code in (${descendantCodesSql(filter.parent, filter.on)})`);
  if (filter.period !== undefined) conditions.push(sql`v.period = ${filter.period}`);
  if (filter.sex !== undefined) conditions.push(sql`v.sex = ${filter.sex}`);
  if (filter.age !== undefined) conditions.push(sql`v.age = ${filter.age}`);
  if (filter.categoryType !== undefined) conditions.push(sql`v.category_type = ${filter.categoryType}`);
  if (filter.category !== undefined) conditions.push(sql`v.category = ${filter.category}`);
  return conditions;
}

function toValueRow(raw: RawValueRow): ValueRow {
  const { id: _id, ...row } = raw;
  return { ...row, indicatorId: Number(row.indicatorId), periodSort: Number(row.periodSort) };
}
