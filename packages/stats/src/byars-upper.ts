import { byarsUpperZ } from './byars-upper-z.js';
import { confidenceZ } from './confidence-z.js';
import { StatsInputError } from './errors.js';
import { singleConfidenceLevel } from './single-confidence-level.js';

/**
 * Byar's upper confidence limit for an observed number of events (a Poisson count).
 *
 * Method: (x + 1)(1 - 1/(9(x + 1)) + z / (3 sqrt(x + 1)))^3 with z = qnorm(confidence + (1 - confidence) / 2).
 * Reference: N. E. Breslow and N. E. Day (1987), Statistical methods in cancer research, volume II, IARC;
 * PHEindicatormethods 2.1 internal `byars_upper`.
 * Cost: O(1).
 *
 * @param x observed count, >= 0 (NaN gives NaN)
 * @param confidence level, 0.95 or 95 style (default 0.95)
 * @returns the upper limit of the count
 * @throws StatsInputError NEGATIVE_COUNT ("observed events must all be greater than or equal to zero"),
 *   CONFIDENCE_OUT_OF_RANGE
 * @example
 * byarsUpper(65); // 82.84913854593984
 */
export function byarsUpper(x: number, confidence = 0.95): number {
  if (x < 0) {
    throw new StatsInputError('NEGATIVE_COUNT', 'observed events must all be greater than or equal to zero');
  }
  return byarsUpperZ(x, confidenceZ(singleConfidenceLevel(confidence)));
}
