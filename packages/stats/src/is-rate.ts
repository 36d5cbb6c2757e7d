import type { ConfidenceLimits } from './confidence-limits.js';
import { countLowerLimit } from './count-lower-limit.js';
import { countUpperLimit } from './count-upper-limit.js';
import { isrTotals } from './isr-totals.js';
import { rFormatFixed } from './r-format-fixed.js';
import { resolveConfidence } from './resolved-confidence.js';

/** Options of {@link isRate}. */
export interface IsRateOptions {
  /** 0.95 or 95 style, or [0.95, 0.998]. Default 0.95. */
  readonly confidence?: number | readonly number[];
  /** Rate per this many. Default 100000. */
  readonly multiplier?: number;
}

/**
 * One row of calculate_ISRate output, columns in R's order: `observed, expected, ref_rate, value`, the limits
 * (`lowercl, uppercl` or `lower95_0cl, upper95_0cl, lower99_8cl, upper99_8cl`), `confidence`, `statistic`,
 * `method` ("Exact" below 10 observed, "Byars" otherwise, NaN when the observed total is missing).
 */
export type IsRateResult = {
  observed: number;
  expected: number;
  ref_rate: number;
  value: number;
} & ConfidenceLimits & {
    confidence: string;
    statistic: string;
    method: string | number;
  };

/**
 * An indirectly standardised rate for one group, with exact or Byar's confidence limits, as R's
 * `calculate_ISRate` computes it per group (the caller splits the data into groups; `x`, `n`, `xRef`, `nRef`
 * are matched by position).
 *
 * Method: expected E = sum(x_ref_i / n_ref_i * n_i) (missing x_ref or n count as 0); observed O = sum(x_i)
 * (missing ignored), or the observed total when `x` is a number (R's `observed_totals`); reference rate
 * R = sum(x_ref) / sum(n_ref) * multiplier (missing x_ref ignored); value = O / E * R; limits of O exact
 * (chi-squared) when O < 10, Byar's otherwise, divided by E and times R. A population of 0 in a category is
 * allowed (only negative values are rejected).
 * Reference: N. E. Breslow and N. E. Day (1987), IARC; P. Armitage and G. Berry (2002), Statistical methods
 * in medical research, 4th ed.; PHEindicatormethods 2.1 `calculate_ISRate`.
 * Cost: O(k) for k categories (plus one chi-squared quantile per level when O < 10).
 *
 * @param x observed events per category, or the group's observed total
 * @param n population per category
 * @param xRef reference events per category
 * @param nRef reference population per category
 * @param options confidence and multiplier
 * @returns observed, expected, reference rate, value, limits and metadata columns (see {@link IsRateResult})
 * @throws StatsInputError LENGTH_MISMATCH, NEGATIVE_COUNT, NEGATIVE_DENOMINATOR (R's wording), the
 *   confidence codes
 * @example
 * isRate([12, 30], [1000, 2000], [50, 200], [10000, 20000]);
 */
export function isRate(
  x: ArrayLike<number> | number,
  n: ArrayLike<number>,
  xRef: ArrayLike<number>,
  nRef: ArrayLike<number>,
  options: IsRateOptions = {},
): IsRateResult {
  const multiplier = options.multiplier ?? 100000;
  const { observed, expected } = isrTotals(x, n, xRef, nRef);
  const resolved = resolveConfidence(options.confidence ?? 0.95);
  let refEvents = 0;
  let refPop = 0;
  for (let i = 0; i < xRef.length; i++) {
    const xr = xRef[i] as number;
    if (!Number.isNaN(xr)) refEvents += xr;
    refPop += nRef[i] as number;
  }
  const refRate = (refEvents / refPop) * multiplier;
  const levels = resolved.levels;
  const z = resolved.z;
  const statistic = `indirectly standardised rate per ${rFormatFixed(multiplier)}`;
  const method = Number.isNaN(observed) ? Number.NaN : observed < 10 ? 'Exact' : 'Byars';
  const value = (observed / expected) * refRate;
  const c0 = levels[0] as number;
  const z0 = z[0] as number;
  const lower0 = (countLowerLimit(observed, c0, z0) / expected) * refRate;
  const upper0 = (countUpperLimit(observed, c0, z0) / expected) * refRate;
  if (levels.length === 1) {
    return {
      observed,
      expected,
      ref_rate: refRate,
      value,
      lowercl: lower0,
      uppercl: upper0,
      confidence: resolved.label,
      statistic,
      method,
    };
  }
  const c1 = levels[1] as number;
  const z1 = z[1] as number;
  return {
    observed,
    expected,
    ref_rate: refRate,
    value,
    lower95_0cl: lower0,
    upper95_0cl: upper0,
    lower99_8cl: (countLowerLimit(observed, c1, z1) / expected) * refRate,
    upper99_8cl: (countUpperLimit(observed, c1, z1) / expected) * refRate,
    confidence: resolved.label,
    statistic,
    method,
  };
}
