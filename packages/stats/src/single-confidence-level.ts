import { normaliseConfidence } from './confidence.js';
import { StatsInputError } from './errors.js';

/**
 * Validates a single confidence level as R's internal byars / wilson helpers do and returns it as a fraction.
 *
 * Method: the R check `(confidence < 0.9) | (confidence > 1 & confidence < 90) | (confidence > 100)`, then
 * division by 100 for levels of 90 or more.
 * Reference: PHEindicatormethods 2.1 internal `byars_lower`, `wilson_lower`.
 * Cost: O(1).
 *
 * @param confidence one level, 0.95 or 95 style
 * @returns the level as a fraction
 * @throws StatsInputError CONFIDENCE_OUT_OF_RANGE, or TOO_MANY_CONFIDENCE_LEVELS for an array
 * @example
 * singleConfidenceLevel(99.8); // 0.998
 */
export function singleConfidenceLevel(confidence: number): number {
  if (typeof confidence !== 'number') {
    throw new StatsInputError('TOO_MANY_CONFIDENCE_LEVELS', 'these limits take a single confidence level');
  }
  return normaliseConfidence(confidence)[0] as number;
}
