import type { ConfidenceLimits } from './confidence-limits.js';
import { StatsInputError } from './errors.js';
import { rAsCharacter } from './r-as-character.js';
import { resolveConfidence } from './resolved-confidence.js';
import { wilsonLowerZ } from './wilson-lower-z.js';
import { wilsonUpperZ } from './wilson-upper-z.js';

/** Options of {@link proportion}. */
export interface ProportionOptions {
  /**
   * 0.95 or 95 style, or [0.95, 0.998]; NaN asks for no confidence limits (R's `confidence = NA`). Default 0.95.
   */
  readonly confidence?: number | readonly number[];
  /** Scale of the result, e.g. 100 for a percentage. Default 1. */
  readonly multiplier?: number;
}

/** Result without confidence limits (confidence NaN): columns `value, statistic`. */
export type ProportionValueOnly = { value: number; statistic: string };

/**
 * One row of phe_proportion output, columns in R's order: `value`, the limits (`lowercl, uppercl` or
 * `lower95_0cl, upper95_0cl, lower99_8cl, upper99_8cl`), `confidence`, `statistic`, `method`.
 */
export type ProportionResult =
  | ({ value: number } & ConfidenceLimits & { confidence: string; statistic: string; method: string })
  | ProportionValueOnly;

const RANGE_MESSAGE = 'confidence level, if specified, must be between 90 and 100 or between 0.9 and 1';

let lastMultiplier = Number.NaN;
let lastStatistic = '';

function statisticFor(multiplier: number): string {
  if (multiplier !== lastMultiplier) {
    lastMultiplier = multiplier;
    lastStatistic = multiplier === 100 ? 'percentage' : `proportion of ${rAsCharacter(multiplier)}`;
  }
  return lastStatistic;
}

/**
 * A proportion x / n with Wilson score confidence limits, as R's `phe_proportion` computes it for one row
 * (or one group: the caller sums x and n over the group first, as phe_proportion does for grouped data).
 *
 * Method: value = x / n * multiplier; limits by the Wilson score method at each confidence level, times the
 * multiplier. NaN x or n gives NaN value and limits. statistic is "percentage" when the multiplier is 100,
 * else "proportion of <multiplier>" (R's `paste0`, so 1e5 prints as "1e+05"); method "Wilson".
 * Reference: E. B. Wilson (1927), J. Am. Stat. Assoc. 22, 209-212; R. G. Newcombe and D. G. Altman (2000),
 * Statistics with confidence, 2nd ed., 46-48; PHEindicatormethods 2.1 `phe_proportion`.
 * Cost: O(1).
 *
 * @param x numerator: cases meeting the condition (need not be an integer)
 * @param n denominator: sample size
 * @param options confidence and multiplier
 * @returns value, limits and metadata columns (see {@link ProportionResult})
 * @throws StatsInputError NEGATIVE_COUNT ("numerators must be greater than or equal to zero"),
 *   NON_POSITIVE_DENOMINATOR ("denominators must be greater than zero"), X_GREATER_THAN_N ("numerators must
 *   be less than or equal to denominator for a proportion statistic"), TOO_MANY_CONFIDENCE_LEVELS,
 *   INVALID_CONFIDENCE_PAIR, CONFIDENCE_OUT_OF_RANGE
 * @example
 * proportion(65, 100); // { value: 0.65, lowercl: 0.5525444329688797, uppercl: 0.7363575175690247,
 *                      //   confidence: '95%', statistic: 'proportion of 1', method: 'Wilson' }
 */
export function proportion(x: number, n: number, options: ProportionOptions = {}): ProportionResult {
  const confidence = options.confidence ?? 0.95;
  const multiplier = options.multiplier ?? 1;
  if (x < 0) throw new StatsInputError('NEGATIVE_COUNT', 'numerators must be greater than or equal to zero');
  if (n <= 0) throw new StatsInputError('NON_POSITIVE_DENOMINATOR', 'denominators must be greater than zero');
  if (x > n) {
    throw new StatsInputError(
      'X_GREATER_THAN_N',
      'numerators must be less than or equal to denominator for a proportion statistic',
    );
  }
  const single =
    typeof confidence === 'number' ? confidence : confidence.length === 1 ? confidence[0] : undefined;
  const statistic = statisticFor(multiplier);
  const value = (x / n) * multiplier;
  if (single !== undefined) {
    if (Number.isNaN(single)) return { value, statistic };
    if (single < 0.9 || (single > 1 && single < 90) || single > 100) {
      throw new StatsInputError('CONFIDENCE_OUT_OF_RANGE', RANGE_MESSAGE);
    }
  }
  const resolved = resolveConfidence(confidence);
  const z = resolved.z;
  if (z.length === 1) {
    const z0 = z[0] as number;
    return {
      value,
      lowercl: wilsonLowerZ(x, n, z0) * multiplier,
      uppercl: wilsonUpperZ(x, n, z0) * multiplier,
      confidence: resolved.label,
      statistic,
      method: 'Wilson',
    };
  }
  const z0 = z[0] as number;
  const z1 = z[1] as number;
  return {
    value,
    lower95_0cl: wilsonLowerZ(x, n, z0) * multiplier,
    upper95_0cl: wilsonUpperZ(x, n, z0) * multiplier,
    lower99_8cl: wilsonLowerZ(x, n, z1) * multiplier,
    upper99_8cl: wilsonUpperZ(x, n, z1) * multiplier,
    confidence: resolved.label,
    statistic,
    method: 'Wilson',
  };
}
