import type { ConfidenceLimits } from './confidence-limits.js';
import { countLowerLimit } from './count-lower-limit.js';
import { countUpperLimit } from './count-upper-limit.js';
import { StatsInputError } from './errors.js';
import { rFormatFixed } from './r-format-fixed.js';
import { resolveConfidence } from './resolved-confidence.js';

/** Options of {@link rate}. */
export interface RateOptions {
  /** 0.95 or 95 style, or [0.95, 0.998]. Default 0.95. */
  readonly confidence?: number | readonly number[];
  /** Rate per this many, e.g. 100000. Default 100000. */
  readonly multiplier?: number;
}

/**
 * One row of phe_rate output, columns in R's order: `value`, the limits (`lowercl, uppercl` or
 * `lower95_0cl, upper95_0cl, lower99_8cl, upper99_8cl`), `confidence`, `statistic`, `method`.
 * `method` is "Exact" when x < 10, "Byars" otherwise, and NaN (R's NA) when x is missing.
 */
export type RateResult = { value: number } & ConfidenceLimits & {
    confidence: string;
    statistic: string;
    method: string | number;
  };

let lastMultiplier = Number.NaN;
let lastStatistic = '';

function statisticFor(multiplier: number): string {
  if (multiplier !== lastMultiplier) {
    lastMultiplier = multiplier;
    lastStatistic = `rate per ${rFormatFixed(multiplier)}`;
  }
  return lastStatistic;
}

/**
 * A crude rate x / n with confidence limits, as R's `phe_rate` computes it for one row (or one group: the
 * caller sums x and n over the group first, as phe_rate does for grouped data).
 *
 * Method: value = x / n * multiplier. Limits of the count: exact (chi-squared) when x < 10,
 * qchisq((1 - c) / 2, 2x) / 2 and qchisq(c + (1 - c) / 2, 2x + 2) / 2; Byar's method from 10 on; each
 * divided by n and multiplied by the multiplier. x may exceed n (a rate, not a proportion). NaN x or n gives
 * NaN value and limits. statistic "rate per <multiplier>" (R's `format(multiplier, scientific = FALSE)`).
 * Reference: N. E. Breslow and N. E. Day (1987), IARC; P. Armitage and G. Berry (2002), Statistical methods
 * in medical research, 4th ed.; PHEindicatormethods 2.1 `phe_rate`.
 * Cost: O(1) (one chi-squared quantile per level when x < 10).
 *
 * @param x numerator: observed events
 * @param n denominator: population or person-time
 * @param options confidence and multiplier
 * @returns value, limits and metadata columns (see {@link RateResult})
 * @throws StatsInputError NEGATIVE_COUNT ("numerators must be greater than or equal to zero"),
 *   NON_POSITIVE_DENOMINATOR ("denominators must be greater than zero"), TOO_MANY_CONFIDENCE_LEVELS,
 *   INVALID_CONFIDENCE_PAIR, CONFIDENCE_OUT_OF_RANGE
 * @example
 * rate(65, 100, { multiplier: 100 }); // { value: 65, lowercl: 50.163187710459454, uppercl: 82.84913854593984,
 *                                     //   confidence: '95%', statistic: 'rate per 100', method: 'Byars' }
 */
export function rate(x: number, n: number, options: RateOptions = {}): RateResult {
  const multiplier = options.multiplier ?? 100000;
  if (x < 0) throw new StatsInputError('NEGATIVE_COUNT', 'numerators must be greater than or equal to zero');
  if (n <= 0) throw new StatsInputError('NON_POSITIVE_DENOMINATOR', 'denominators must be greater than zero');
  const resolved = resolveConfidence(options.confidence ?? 0.95);
  const levels = resolved.levels;
  const z = resolved.z;
  const statistic = statisticFor(multiplier);
  const method = Number.isNaN(x) ? Number.NaN : x < 10 ? 'Exact' : 'Byars';
  const value = (x / n) * multiplier;
  if (levels.length === 1) {
    const c = levels[0] as number;
    const z0 = z[0] as number;
    return {
      value,
      lowercl: (countLowerLimit(x, c, z0) / n) * multiplier,
      uppercl: (countUpperLimit(x, c, z0) / n) * multiplier,
      confidence: resolved.label,
      statistic,
      method,
    };
  }
  const c0 = levels[0] as number;
  const c1 = levels[1] as number;
  const z0 = z[0] as number;
  const z1 = z[1] as number;
  return {
    value,
    lower95_0cl: (countLowerLimit(x, c0, z0) / n) * multiplier,
    upper95_0cl: (countUpperLimit(x, c0, z0) / n) * multiplier,
    lower99_8cl: (countLowerLimit(x, c1, z1) / n) * multiplier,
    upper99_8cl: (countUpperLimit(x, c1, z1) / n) * multiplier,
    confidence: resolved.label,
    statistic,
    method,
  };
}
