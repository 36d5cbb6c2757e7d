import { byarsLowerZ } from './byars-lower-z.js';
import { confidenceZ } from './confidence-z.js';
import { StatsInputError } from './errors.js';
import { singleConfidenceLevel } from './single-confidence-level.js';

/**
 * Byar's lower confidence limit for an observed number of events (a Poisson count).
 *
 * Method: x (1 - 1/(9x) - z / (3 sqrt(x)))^3 with z = qnorm(confidence + (1 - confidence) / 2). Byar's
 * method is inaccurate for very small counts or confidence very close to 1 and can go negative; a negative
 * limit is returned as NaN (R's NA). x = 0 gives NaN, as in R.
 * Reference: N. E. Breslow and N. E. Day (1987), Statistical methods in cancer research, volume II: the
 * design and analysis of cohort studies, IARC; PHEindicatormethods 2.1 internal `byars_lower`.
 * Cost: O(1).
 *
 * @param x observed count, >= 0 (NaN gives NaN)
 * @param confidence level, 0.95 or 95 style (default 0.95)
 * @returns the lower limit of the count
 * @throws StatsInputError NEGATIVE_COUNT ("observed events must all be greater than or equal to zero"),
 *   CONFIDENCE_OUT_OF_RANGE
 * @example
 * byarsLower(65); // 50.163187710459454
 * byarsLower(1, 99.8); // NaN (the formula goes negative)
 */
export function byarsLower(x: number, confidence = 0.95): number {
  if (x < 0) {
    throw new StatsInputError('NEGATIVE_COUNT', 'observed events must all be greater than or equal to zero');
  }
  return byarsLowerZ(x, confidenceZ(singleConfidenceLevel(confidence)));
}
