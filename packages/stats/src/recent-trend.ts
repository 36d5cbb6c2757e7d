import { type ComparePolarity, comparePolarityCheck } from './compare-polarity.js';
import { StatsInputError } from './errors.js';

/** One time period of an indicator, for {@link recentTrend}. Missing values are NaN (or absent limits). */
export interface TrendPoint {
  /** The indicator value. */
  readonly value: number;
  /** The numerator (count of events). */
  readonly count: number;
  /** The denominator (population). */
  readonly denominator: number;
  /** 95% confidence limits; lower95_0cl / upper95_0cl are preferred when present. */
  readonly lowercl?: number;
  readonly uppercl?: number;
  readonly lower95_0cl?: number;
  readonly upper95_0cl?: number;
}

/**
 * 'weighted-regression': Fingertips' trend test for every comparator method except SPC for proportions: a
 * regression of the value on time weighted by the inverse variance implied by the 95% interval.
 * 'logit': the chi-squared test for trend in proportions, with the outlier check on logits, Fingertips' test
 * for indicators compared by SPC for proportions.
 */
export type RecentTrendMethod = 'weighted-regression' | 'logit';

/**
 * Fingertips' value types. Recent trends are calculated for 'proportion', 'crude-rate' and 'dsr' only.
 */
export type RecentTrendValueType =
  | 'proportion'
  | 'crude-rate'
  | 'dsr'
  | 'isr'
  | 'isp'
  | 'count'
  | 'life-expectancy'
  | 'score'
  | 'other';

const VALUE_TYPES: ReadonlySet<string> = new Set([
  'proportion',
  'crude-rate',
  'dsr',
  'isr',
  'isp',
  'count',
  'life-expectancy',
  'score',
  'other',
]);
const TRENDED_VALUE_TYPES: ReadonlySet<string> = new Set(['proportion', 'crude-rate', 'dsr']);

/** Options for {@link recentTrend}. */
export interface RecentTrendOptions {
  /** Default 'weighted-regression'. */
  readonly method?: RecentTrendMethod;
  /** Labels Increasing / Decreasing as getting better or worse. Default 'no-judgement' (no label). */
  readonly polarity?: ComparePolarity;
  /** Years each period covers; Fingertips calculates trends for single-year periods only. Default 1. */
  readonly yearRange?: number;
  /**
   * The indicator's value type. When given, only 'proportion', 'crude-rate' and 'dsr' are trended, as
   * Fingertips does; others give Cannot be calculated. When omitted, no value type is refused.
   */
  readonly valueType?: RecentTrendValueType;
}

/** Fingertips' TrendMarker values (PholioObjects/Constants.cs), with the text its pages show. */
export type RecentTrendMarker =
  | 'Increasing'
  | 'Decreasing'
  | 'No significant change'
  | 'Cannot be calculated';

/**
 * The result of {@link recentTrend}. Column order: trend, recent_trend, trend_code, chi_squared, slope,
 * points_used, reason_code, reason.
 */
export interface RecentTrendResult {
  /** The trend marker. */
  readonly trend: RecentTrendMarker;
  /**
   * The text Fingertips shows in its "Recent trend" column: "Increasing and getting better", "Decreasing and
   * getting worse"..., plain "Increasing" / "Decreasing" for 'no-judgement', or the marker otherwise.
   */
  readonly recent_trend: string;
  /** Fingertips' TrendMarker number: 0 cannot be calculated, 1 increasing, 2 decreasing, 3 no change. */
  readonly trend_code: number;
  /** The chi-squared statistic (1 degree of freedom); NaN when not calculated or not calculable. */
  readonly chi_squared: number;
  /**
   * Change per period: in the value's units for 'weighted-regression', in log odds for 'logit'; NaN when not
   * calculated.
   */
  readonly slope: number;
  /** Points in the regression (at most 5); 0 when not calculated. */
  readonly points_used: number;
  /** Why the trend could not be calculated (or, with 'No significant change', why a large chi-squared was not
   * significant); '' otherwise. */
  readonly reason_code: string;
  /** The reason in words, Fingertips' message where it has one. */
  readonly reason: string;
}

/** Fingertips' TrendMarkerCalculator.PointsToUse. */
const POINTS = 5;
/** qchisq(0.998, 1), Fingertips' ChiSquareConfidence (Excel CHIINV(0.002, 1)). */
const CHI_SQUARED_998 = 9.54953570608324;

const CODES: Readonly<Record<RecentTrendMarker, number>> = {
  'Cannot be calculated': 0,
  Increasing: 1,
  Decreasing: 2,
  'No significant change': 3,
};

function cannot(points: number, reasonCode: string, reason: string): RecentTrendResult {
  return {
    trend: 'Cannot be calculated',
    recent_trend: 'Cannot be calculated',
    trend_code: 0,
    chi_squared: Number.NaN,
    slope: Number.NaN,
    points_used: points,
    reason_code: reasonCode,
    reason,
  };
}

function limit(p: TrendPoint, r: 'lower' | 'upper'): number {
  const specific = r === 'lower' ? p.lower95_0cl : p.upper95_0cl;
  if (specific !== undefined) return specific;
  return (r === 'lower' ? p.lowercl : p.uppercl) ?? Number.NaN;
}

function isValid(p: TrendPoint): boolean {
  return !Number.isNaN(p.value) && !Number.isNaN(p.count) && p.denominator > 0;
}

// Scratch space for the (at most five) points in the regression, oldest first: weight and value, or logit.
const weights = new Float64Array(POINTS);
const ys = new Float64Array(POINTS);

/**
 * Slopes with each point left out in turn (Fingertips' outlier check) must all have the sign of the full
 * slope. A NaN slope counts as positive, as in Fingertips (`slope < 0 ? -1 : +1`).
 */
function slopeSignsAgree(slopeOf: (omit: number) => number): boolean {
  let sum = 0;
  for (let omit = 0; omit <= POINTS; omit++) sum += slopeOf(omit) < 0 ? -1 : 1;
  return Math.abs(sum) === POINTS + 1;
}

function weightedSlope(m: number, omit: number): number {
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let s5 = 0;
  for (let i = 0; i < m; i++) {
    const t = i + 1;
    if (t === omit) continue;
    const w = weights[i] as number;
    const y = ys[i] as number;
    s1 += w;
    s2 += y * t * w;
    s3 += t * w;
    s4 += y * w;
    s5 += t * t * w;
  }
  return (s1 * s2 - s3 * s4) / (s1 * s5 - s3 ** 2);
}

function logitSlope(omit: number): number {
  let n = 0;
  let sy = 0;
  let syt = 0;
  let st = 0;
  let stt = 0;
  for (let i = 0; i < POINTS; i++) {
    const t = i + 1;
    if (t === omit) continue;
    const y = ys[i] as number;
    n++;
    sy += y;
    syt += y * t;
    st += t;
    stt += t * t;
  }
  return (n * syt - sy * st) / (n * stt - st ** 2);
}

/**
 * Fingertips' recent trend marker: whether an indicator has been increasing or decreasing significantly over
 * its five most recent periods.
 *
 * Method (Fingertips' TrendMarkerCalculator and TrendRequest):
 * 1. Not calculated when `valueType` is given and is not a proportion, crude rate or DSR, when `yearRange`
 *    is not 1, when fewer than 5 points are given, when the unbroken run of
 *    valid points counting back from the most recent (value present, count present, denominator > 0) is
 *    shorter than 5, or when any point of that run has count equal to denominator.
 * 2. 'weighted-regression': from that run, the 5 most recent points that have both 95% limits (points
 *    without limits are passed over, so fewer may be used), at t = 1..m oldest first, weight
 *    w = 1 / ((upper − lower) / 3.92)²; slope b = (Σw Σwyt − Σwt Σwy) / (Σw Σwt² − (Σwt)²), its standard error
 *    √(Σw / (Σw Σwt² − (Σwt)²)) and chi² = (b / se)².
 *    'logit': the 5 most recent points of the run; the chi-squared test for trend in proportions,
 *    chi² = N (N Σrt − R Σnt)² / (R (N − R) (N Σnt² − (Σnt)²)) with r the counts, n the denominators,
 *    N = Σn, R = Σr; the slope is the least-squares slope of log(r / (n − r)) on t.
 * 3. Outlier check: the slope refitted without each point in turn must keep the sign of the full slope.
 * 4. Significant when the check passes and chi² > 9.5495 (99.8% point of chi-squared on 1 df); then
 *    Increasing or Decreasing by the sign of the slope, otherwise No significant change. With no usable
 *    limits the statistic is NaN and the result No significant change, as Fingertips gives.
 * Points must be given oldest first, one per period.
 * Differences from fingertips-open: its code trends only proportions and crude rates, but the trends
 * Fingertips now publishes (FingertipsNext's extract of them) include DSRs, by the same weighted regression,
 * and still not indirectly standardised ratios, counts or scores, so 'dsr' is trended here too; Fingertips'
 * logit path never sets the slope
 * and so labels every significant trend Decreasing, here the logit slope gives the direction; 'logit' uses
 * counts only and so does not pass over points without limits; a count of 0 (or negative, or above the
 * denominator) has no logit and gives Cannot be calculated (Fingertips would test NaN slopes).
 * Reference: PholioVisualisationWS/Analysis/TrendMarkers/TrendMarkerCalculator.cs, TrendRequest.cs
 * (fingertips-open, MIT); chi-squared test for trend in proportions: Armitage P, Berry G, Matthews JNS,
 * Statistical Methods in Medical Research.
 * Cost: O(n) in the number of points given (the run is scanned), O(1) after.
 *
 * @param points the indicator's periods, oldest first
 * @param options see {@link RecentTrendOptions}
 * @returns the trend marker, the display text, Fingertips' code, chi², slope, points used and any reason
 * @throws StatsInputError codes INVALID_METHOD, INVALID_POLARITY, INVALID_VALUE_TYPE
 * @example
 * recentTrend(points, { polarity: 'low-is-good' }).recent_trend; // e.g. 'Decreasing and getting better'
 */
export function recentTrend(
  points: readonly TrendPoint[],
  options: RecentTrendOptions = {},
): RecentTrendResult {
  const method = options.method ?? 'weighted-regression';
  if (method !== 'weighted-regression' && method !== 'logit') {
    throw new StatsInputError(
      'INVALID_METHOD',
      `method must be 'weighted-regression' or 'logit', not '${String(method)}'`,
    );
  }
  const polarity = options.polarity ?? 'no-judgement';
  comparePolarityCheck(polarity);

  const valueType = options.valueType;
  if (valueType !== undefined && !VALUE_TYPES.has(valueType)) {
    throw new StatsInputError(
      'INVALID_VALUE_TYPE',
      `valueType must be one of ${[...VALUE_TYPES].join(', ')}, not '${String(valueType)}'`,
    );
  }
  if (valueType !== undefined && !TRENDED_VALUE_TYPES.has(valueType)) {
    return cannot(0, 'VALUE_TYPE_NOT_TRENDED', 'The recent trend cannot be calculated for this value type');
  }
  if ((options.yearRange ?? 1) !== 1) {
    return cannot(0, 'YEAR_RANGE_NOT_1', 'The recent trend cannot be calculated for this year range');
  }
  const n = points.length;
  if (n < POINTS) {
    return cannot(0, 'FEWER_THAN_5_POINTS', 'Not enough data points to calculate recent trend');
  }
  // The unbroken run of valid points ending at the most recent: indices runStart..n-1.
  let runStart = n;
  while (runStart > 0 && isValid(points[runStart - 1] as TrendPoint)) runStart--;
  if (n - runStart < POINTS) {
    return cannot(
      0,
      'FEWER_THAN_5_VALID_POINTS',
      'Not enough data points with valid values to calculate recent trend',
    );
  }
  for (let i = runStart; i < n; i++) {
    const p = points[i] as TrendPoint;
    // Fingertips' guard against dividing by zero in the logit, applied whatever the method.
    if (p.count === p.denominator) {
      return cannot(0, 'COUNT_EQUALS_DENOMINATOR', 'The recent trend cannot be calculated');
    }
  }

  let used: number;
  let slope: number;
  let chiSquared: number;
  let robust: boolean;
  if (method === 'weighted-regression') {
    // The most recent points with limits, collected newest first, then numbered oldest first.
    let m = 0;
    for (let i = n - 1; i >= runStart && m < POINTS; i--) {
      const p = points[i] as TrendPoint;
      const lower = limit(p, 'lower');
      const upper = limit(p, 'upper');
      if (Number.isNaN(lower) || Number.isNaN(upper)) continue;
      const se = (upper - lower) / 3.92;
      weights[m] = 1 / se ** 2;
      ys[m] = p.value;
      m++;
    }
    weights.subarray(0, m).reverse();
    ys.subarray(0, m).reverse();
    used = m;
    let s1 = 0;
    let s3 = 0;
    let s5 = 0;
    for (let i = 0; i < m; i++) {
      const t = i + 1;
      const w = weights[i] as number;
      s1 += w;
      s3 += t * w;
      s5 += t * t * w;
    }
    slope = weightedSlope(m, 0);
    const se = Math.sqrt(s1 / (s1 * s5 - s3 ** 2));
    chiSquared = (slope / se) ** 2;
    robust = slopeSignsAgree((omit) => weightedSlope(m, omit));
  } else {
    used = POINTS;
    let sumN = 0;
    let sumR = 0;
    let sumRt = 0;
    let sumNt = 0;
    let sumNtt = 0;
    for (let k = 0; k < POINTS; k++) {
      const p = points[n - POINTS + k] as TrendPoint;
      const r = p.count;
      const d = p.denominator;
      if (!(r > 0 && r < d)) {
        return cannot(
          0,
          'COUNT_OUT_OF_RANGE',
          'The recent trend cannot be calculated by the logit method: a count is zero, negative or greater than its denominator',
        );
      }
      const t = k + 1;
      ys[k] = Math.log(r / (d - r));
      sumN += d;
      sumR += r;
      sumRt += r * t;
      sumNt += d * t;
      sumNtt += d * t ** 2;
    }
    chiSquared =
      (sumN * (sumN * sumRt - sumR * sumNt) ** 2) / (sumR * (sumN - sumR) * (sumN * sumNtt - sumNt ** 2));
    slope = logitSlope(0);
    robust = slopeSignsAgree(logitSlope);
  }

  const significant = robust && chiSquared > CHI_SQUARED_998;
  let trend: RecentTrendMarker = 'No significant change';
  if (significant) trend = slope > 0 ? 'Increasing' : 'Decreasing';
  let label: string = trend;
  if (significant && polarity !== 'no-judgement') {
    const better = (trend === 'Increasing') === (polarity === 'high-is-good');
    label = `${trend} and getting ${better ? 'better' : 'worse'}`;
  }
  const influential = !robust && chiSquared > CHI_SQUARED_998;
  return {
    trend,
    recent_trend: label,
    trend_code: CODES[trend],
    chi_squared: chiSquared,
    slope,
    points_used: used,
    reason_code: influential ? 'INFLUENTIAL_POINT' : '',
    reason: influential ? 'Leaving out one of the points reverses the direction of the trend' : '',
  };
}
