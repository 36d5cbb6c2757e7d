import { type CompareInput, type CompareResult, compareLimitsAt } from './compare.js';
import { percentileOfSorted, sortedValidValues } from './compare-percentile.js';
import { type ComparePolarity, comparePolarityCheck } from './compare-polarity.js';
import { type CompareOutcome, compareSignificance, NOT_COMPARED } from './compare-significance.js';
import { StatsInputError } from './errors.js';

/**
 * A goal, as Fingertips' target configurations:
 * - `{ value }`: a single value to reach (SingleValueTargetComparer). With `useConfidenceIntervals`, the
 *   area's 95% interval is judged instead of its value.
 * - `{ lower, upper }`: a range, the middle band being "Similar" (amber) (RangeTargetComparer).
 * - `{ lowerPercentile, upperPercentile, values }`: a range between two percentiles (0-100) of a set of
 *   values, e.g. the 50th and 90th of all areas (BespokeTargetPercentileRangeComparer).
 */
export type CompareTarget =
  | { readonly value: number; readonly useConfidenceIntervals?: boolean }
  | { readonly lower: number; readonly upper: number }
  | {
      readonly lowerPercentile: number;
      readonly upperPercentile: number;
      readonly values: ArrayLike<number>;
    };

const ci95: [number, number] = [Number.NaN, Number.NaN];

function singleValueOutcome(
  area: CompareInput,
  goal: number,
  useCIs: boolean,
  polarity: ComparePolarity,
): number {
  if (useCIs) {
    compareLimitsAt(area, 0.95, ci95);
    if (Number.isNaN(ci95[0]) || Number.isNaN(ci95[1])) return Number.NaN;
    if (ci95[0] >= goal) return 1;
    if (ci95[1] < goal) return -1;
    return 0;
  }
  // Fingertips: reaching the goal exactly counts as meeting it, from either side.
  if (polarity === 'low-is-good') return area.value <= goal ? -1 : 1;
  return area.value >= goal ? 1 : -1;
}

function bandOutcome(x: number, lower: number, upper: number): number {
  if (x < lower) return -1;
  if (x >= upper) return 1;
  return 0;
}

/**
 * Compares an area with a goal ("compared to goal" in Fingertips): a single value, a range with a middle
 * (amber) band, or a range between two percentiles of a set of values.
 *
 * Method (Fingertips' target comparers):
 * - single value: when high is good, Better if value >= goal, else Worse; when low is good, Better if
 *   value <= goal, else Worse (no Similar). With `useConfidenceIntervals`: the 95% interval (lower95_0cl /
 *   upper95_0cl, else lowercl / uppercl) wholly at or above the goal (lower >= goal) is the high side, wholly
 *   below it (upper < goal) the low side, otherwise Similar; both limits are needed. The area's value is needed in every form.
 * - range: value < lower is the low side, value >= upper the high side, otherwise Similar (amber).
 * - percentile range: as the range, with lower / upper the {@link comparePercentile} at lowerPercentile / 100
 *   and upperPercentile / 100 of `values`.
 * The low side is Worse when high is good and Better when low is good; with 'no-judgement' it is Lower
 * (Fingertips treats its blue polarity as high-is-good for value and range goals, and does not compare
 * percentile goals, so those give 'Not compared').
 * Reference: PholioVisualisationWS/Analysis/SingleValueTargetComparer.cs, RangeTargetComparer.cs,
 * BespokeTargetPercentileRangeComparer.cs, TargetComparerFactory.cs (fingertips-open, MIT).
 * Cost: O(1); O(n log n) for a percentile goal.
 *
 * @param area the area's figures (its value; its 95% limits with `useConfidenceIntervals`)
 * @param target the goal; see {@link CompareTarget}
 * @param polarity see {@link ComparePolarity}
 * @returns significance, Fingertips' code (Worse 1, Same 2, Better 3, None 0), method name, confidence
 *   ("95%" for the interval form, otherwise '')
 * @throws StatsInputError codes INVALID_POLARITY, INVALID_TARGET, TARGET_LOWER_GREATER_THAN_UPPER
 * @example
 * compareToTarget({ value: 1.5 }, { lower: 1, upper: 2 }, 'high-is-good'); // significance 'Similar'
 */
export function compareToTarget(
  area: CompareInput,
  target: CompareTarget,
  polarity: ComparePolarity,
): CompareResult {
  comparePolarityCheck(polarity);
  const t = target as Partial<Record<string, unknown>>;
  let direction: number;
  let method: string;
  let confidence = '';
  if (typeof t.lowerPercentile === 'number' || typeof t.upperPercentile === 'number') {
    const p = target as { lowerPercentile: number; upperPercentile: number; values: ArrayLike<number> };
    method = 'Target: percentile range';
    if (
      !(p.lowerPercentile >= 0 && p.lowerPercentile <= 100) ||
      !(p.upperPercentile >= 0 && p.upperPercentile <= 100) ||
      p.values === undefined
    ) {
      throw new StatsInputError(
        'INVALID_TARGET',
        'a percentile target needs lowerPercentile and upperPercentile between 0 and 100 and the values',
      );
    }
    const sorted = sortedValidValues(p.values);
    // Fingertips' calculator returns 0 for each percentile when it has 3 values or fewer, which would compare
    // every area with 0; too few values is reported as not compared instead.
    if (polarity === 'no-judgement' || sorted.length <= 3 || Number.isNaN(area.value)) direction = Number.NaN;
    else {
      const lower = percentileOfSorted(sorted, p.lowerPercentile / 100);
      const upper = percentileOfSorted(sorted, p.upperPercentile / 100);
      direction = bandOutcome(area.value, lower, upper);
    }
  } else if (typeof t.lower === 'number' || typeof t.upper === 'number') {
    const r = target as { lower: number; upper: number };
    method = 'Target: range';
    if (
      typeof r.lower !== 'number' ||
      typeof r.upper !== 'number' ||
      Number.isNaN(r.lower) ||
      Number.isNaN(r.upper)
    ) {
      throw new StatsInputError('INVALID_TARGET', 'a range target needs both lower and upper');
    }
    if (r.lower > r.upper) {
      throw new StatsInputError(
        'TARGET_LOWER_GREATER_THAN_UPPER',
        'Lower limit cannot be greater than upper limit',
      );
    }
    direction = Number.isNaN(area.value) ? Number.NaN : bandOutcome(area.value, r.lower, r.upper);
  } else if (typeof t.value === 'number' && !Number.isNaN(t.value)) {
    const s = target as { value: number; useConfidenceIntervals?: boolean };
    const useCIs = s.useConfidenceIntervals === true;
    method = useCIs ? 'Target: single value (95% confidence interval)' : 'Target: single value';
    if (useCIs) confidence = '95%';
    // Fingertips checks the value is present even when it then judges only the interval.
    direction = Number.isNaN(area.value) ? Number.NaN : singleValueOutcome(area, s.value, useCIs, polarity);
  } else {
    throw new StatsInputError(
      'INVALID_TARGET',
      'the target must be { value }, { lower, upper } or { lowerPercentile, upperPercentile, values }',
    );
  }
  const outcome: CompareOutcome = Number.isNaN(direction)
    ? NOT_COMPARED
    : compareSignificance(direction, polarity, false);
  return {
    significance: outcome.significance,
    significance_code: outcome.significance_code,
    method,
    confidence,
  };
}
