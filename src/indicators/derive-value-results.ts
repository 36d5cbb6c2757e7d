import {
  type ComparePolarity,
  compare,
  type RecentTrendValueType,
  recentTrend,
  type TrendPoint,
} from '@healthhub/stats';
import { periodYearRange } from './period-year-range.js';

export const ENGLAND = 'E92000001';
export const LONDON = 'E12000007';

/** A value with what its comparisons and trend need: its indicator's polarity and value type, its benchmarks. */
export interface DerivationRow {
  readonly indicator_id: number;
  readonly area_code: string;
  readonly period: string;
  readonly sex: string;
  readonly age: string;
  readonly category_type: string;
  readonly category: string;
  readonly value: number | null;
  readonly lower95: number | null;
  readonly upper95: number | null;
  readonly count: number | null;
  readonly denominator: number | null;
  /** The value of England (E92000001) and of London (E12000007) for the same indicator, period, sex, age, category. */
  readonly england_value: number | null;
  readonly london_value: number | null;
  readonly polarity: string;
  readonly value_type: string;
}

/** healthhub's own comparisons and recent trend of one value. */
export interface DerivedResults {
  readonly england: string;
  readonly london: string;
  readonly trend: string;
}

/** Recent trends are Fingertips' for proportions, crude rates and DSRs only; see recentTrend. */
const TREND_VALUE_TYPES: Readonly<Record<string, RecentTrendValueType>> = {
  proportion: 'proportion',
  'crude-rate': 'crude-rate',
  dsr: 'dsr',
  isr: 'isr',
  'life-expectancy': 'life-expectancy',
  count: 'count',
  score: 'score',
  mean: 'other',
};

const num = (x: number | null) => (x === null ? Number.NaN : Number(x));

/**
 * A function to call with every value of some breakdowns in series order (indicator, sex, age, category
 * type, category, area, then periods oldest first), giving each value's results:
 *
 * - england / london: @healthhub/stats `compare`, 'single-ci' at 95% (Fingertips' default comparator): the
 *   area's 95% interval against the benchmark's value, with the indicator's polarity. 'Not compared' for
 *   England against itself and London against itself, and when the benchmark or the area's value or limits
 *   are missing.
 * - trend: `recentTrend` (weighted regression) over the area's series, up to and including the value's
 *   period: each value holds the recent trend as of its own period. The indicator's value type decides
 *   whether a trend is calculated at all (proportions, crude rates, DSRs), and periods spanning several years
 *   ("2013 - 15") are not trended, as in Fingertips.
 */
export function createValueDeriver(): (row: DerivationRow) => DerivedResults {
  let seriesKey = '';
  let points: TrendPoint[] = [];
  return (row) => {
    const key = `${row.indicator_id}\u0000${row.sex}\u0000${row.age}\u0000${row.category_type}\u0000${row.category}\u0000${row.area_code}`;
    if (key !== seriesKey) {
      seriesKey = key;
      points = [];
    }
    const polarity = row.polarity as ComparePolarity;
    const area = { value: num(row.value), lower95_0cl: num(row.lower95), upper95_0cl: num(row.upper95) };
    const against = (code: string, benchmark: number | null) =>
      row.area_code === code
        ? 'Not compared'
        : compare(area, { value: num(benchmark) }, { method: 'single-ci', polarity, confidence: 0.95 })
            .significance;
    points.push({ ...area, count: num(row.count), denominator: num(row.denominator) });
    const valueType = TREND_VALUE_TYPES[row.value_type];
    const trend = recentTrend(points, {
      polarity,
      yearRange: periodYearRange(row.period),
      ...(valueType ? { valueType } : {}),
    }).recent_trend;
    return { england: against(ENGLAND, row.england_value), london: against(LONDON, row.london_value), trend };
  };
}
