import { sql } from 'drizzle-orm';
import type { Db } from '../db/db.js';
import { queryRows } from '../db/query-rows.js';
import type { polarities } from '../indicators/indicators-table.js';
import { type MissionStatus, missionStatus } from './mission-status.js';
import { periodYear } from './period-year.js';

/** One period's value of the target's area (London) for the target's sex and age. */
export interface MissionPoint {
  readonly period: string;
  readonly year: number;
  readonly value: number;
}

/** The gap between London's best and worst borough in one period. */
export interface MissionGap {
  readonly period: string;
  readonly best: number;
  readonly worst: number;
  /** Best minus worst, as a positive number whichever way is better. */
  readonly gap: number;
  readonly boroughs: number;
}

/** One indicator target with where the indicator now stands against it. */
export interface MissionProgress {
  readonly targetId: number;
  readonly aim: string;
  readonly indicatorId: number;
  readonly indicatorName: string;
  readonly unit: string | null;
  readonly polarity: (typeof polarities)[number];
  readonly source: string | null;
  readonly areaCode: string;
  readonly sex: string;
  readonly age: string;
  readonly baselinePeriod: string;
  readonly baselineYear: number;
  readonly baselineValue: number;
  readonly targetValue: number;
  readonly targetYear: number;
  readonly latest: MissionPoint | null;
  readonly status: MissionStatus;
  readonly series: readonly MissionPoint[];
  readonly gaps: readonly MissionGap[];
  readonly demo: boolean;
}

interface TargetRow {
  id: number;
  aim: string;
  indicator_id: number;
  name: string;
  unit: string | null;
  polarity: (typeof polarities)[number];
  source: string | null;
  area_code: string;
  sex: string;
  age: string;
  baseline_period: string;
  baseline_value: number;
  target_value: number;
  target_year: number;
  is_demo: boolean;
  indicator_demo: boolean;
}
interface ValueRow {
  indicator_id: number;
  area_code: string;
  sex: string;
  age: string;
  period: string;
  value: number;
  is_demo: boolean;
}
interface GapRow {
  indicator_id: number;
  sex: string;
  age: string;
  period: string;
  high: number;
  low: number;
  boroughs: number;
}

const seriesKey = (r: { indicator_id: number; sex: string; age: string }) =>
  `${r.indicator_id}|${r.sex}|${r.age}`;

/**
 * Every indicator target with the series it is measured on (its area's values for its sex and age, overall
 * rather than by category, in time order), the latest of them, its status, and the gap between London's best
 * and worst borough in each period (boroughs are E09 codes: all of them are London's). Three queries whatever
 * the number of targets.
 */
export async function missionProgress(db: Db): Promise<MissionProgress[]> {
  const targets = await queryRows<TargetRow>(
    db,
    sql`select t.id::int as id, t.aim, t.indicator_id, i.name, i.unit, i.polarity, i.source, t.area_code, t.sex,
          t.age, t.baseline_period, t.baseline_value, t.target_value, t.target_year, t.is_demo,
          i.is_demo as indicator_demo
        from indicator_targets t join indicators i on i.id = t.indicator_id
        order by t.aim, t.indicator_id, t.sex, t.age`,
  );
  const values = await queryRows<ValueRow>(
    db,
    sql`select v.indicator_id, v.area_code, v.sex, v.age, v.period, v.value, v.is_demo
        from indicator_values v
        join (select distinct indicator_id, area_code, sex, age from indicator_targets) t
          on t.indicator_id = v.indicator_id and t.area_code = v.area_code and t.sex = v.sex and t.age = v.age
        where v.category_type = '' and v.value is not null
        order by v.period_sort, v.period`,
  );
  const gaps = await queryRows<GapRow>(
    db,
    sql`select v.indicator_id, v.sex, v.age, v.period, max(v.value) as high, min(v.value) as low,
          count(*)::int as boroughs
        from indicator_values v
        join (select distinct indicator_id, sex, age from indicator_targets) t
          on t.indicator_id = v.indicator_id and t.sex = v.sex and t.age = v.age
        where v.area_code like 'E09%' and v.category_type = '' and v.value is not null
        group by v.indicator_id, v.sex, v.age, v.period, v.period_sort
        order by min(v.period_sort), v.period`,
  );
  const seriesBy = new Map<string, (MissionPoint & { demo: boolean })[]>();
  for (const v of values) {
    const year = periodYear(v.period);
    if (year === null) continue;
    const key = `${seriesKey(v)}|${v.area_code}`;
    const list = seriesBy.get(key) ?? [];
    list.push({ period: v.period, year, value: Number(v.value), demo: v.is_demo });
    seriesBy.set(key, list);
  }
  const gapsBy = new Map<string, MissionGap[]>();
  for (const g of gaps) {
    const list = gapsBy.get(seriesKey(g)) ?? [];
    const high = Number(g.high);
    const low = Number(g.low);
    // Held as highest and lowest here; swapped below for indicators where lower is better.
    list.push({
      period: g.period,
      best: high,
      worst: low,
      gap: high - low,
      boroughs: g.boroughs,
    });
    gapsBy.set(seriesKey(g), list);
  }
  return targets.map((t) => {
    const points = seriesBy.get(`${seriesKey(t)}|${t.area_code}`) ?? [];
    const latest = points.at(-1) ?? null;
    const baselineYear = periodYear(t.baseline_period)!;
    const line = {
      baselineYear,
      baselineValue: Number(t.baseline_value),
      targetYear: t.target_year,
      targetValue: Number(t.target_value),
    };
    // Best is the higher value unless lower is better; the gap is the same distance either way.
    const lowIsGood = t.polarity === 'low-is-good';
    return {
      targetId: t.id,
      aim: t.aim,
      indicatorId: t.indicator_id,
      indicatorName: t.name,
      unit: t.unit,
      polarity: t.polarity,
      source: t.source,
      areaCode: t.area_code,
      sex: t.sex,
      age: t.age,
      baselinePeriod: t.baseline_period,
      ...line,
      latest: latest ? { period: latest.period, year: latest.year, value: latest.value } : null,
      status: missionStatus({ ...line, polarity: t.polarity, latest }),
      series: points.map(({ period, year, value }) => ({ period, year, value })),
      gaps: (gapsBy.get(seriesKey(t)) ?? []).map((g) =>
        lowIsGood ? { ...g, best: g.worst, worst: g.best } : g,
      ),
      demo: t.is_demo || t.indicator_demo || points.some((p) => p.demo),
    };
  });
}
