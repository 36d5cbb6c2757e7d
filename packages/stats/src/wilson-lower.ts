import { confidenceZ } from './confidence-z.js';
import { StatsInputError } from './errors.js';
import { singleConfidenceLevel } from './single-confidence-level.js';
import { wilsonLowerZ } from './wilson-lower-z.js';

/**
 * Wilson score lower confidence limit of the proportion x / n.
 *
 * Method: (2x + z^2 - z sqrt(z^2 + 4x(1 - x/n))) / 2 / (n + z^2) with
 * z = qnorm(confidence + (1 - confidence) / 2); at confidence 1 the limit is 0 (R's rule for confidence 1).
 * x need not be an integer.
 * Reference: E. B. Wilson (1927), Probable inference, the law of succession, and statistical inference,
 * J. Am. Stat. Assoc. 22, 209-212; R. G. Newcombe and D. G. Altman (2000), Proportions and their
 * differences, in Statistics with confidence, 2nd ed., 46-48; PHEindicatormethods 2.1 internal
 * `wilson_lower`.
 * Cost: O(1).
 *
 * @param x cases meeting the condition (NaN gives NaN)
 * @param n sample size (NaN gives NaN)
 * @param confidence level, 0.95 or 95 style (default 0.95)
 * @returns the lower limit as a proportion
 * @throws StatsInputError NEGATIVE_COUNT ("observed events must all be greater than or equal to zero"),
 *   NEGATIVE_SAMPLE_SIZE ("sample sizes must all be greater than zero"), X_GREATER_THAN_N ("numerators must
 *   be less than or equal to denominator for a Wilson score to be calculated"), CONFIDENCE_OUT_OF_RANGE
 * @example
 * wilsonLower(65, 100); // 0.5525444329688797
 */
export function wilsonLower(x: number, n: number, confidence = 0.95): number {
  if (x < 0) {
    throw new StatsInputError('NEGATIVE_COUNT', 'observed events must all be greater than or equal to zero');
  }
  if (n < 0) throw new StatsInputError('NEGATIVE_SAMPLE_SIZE', 'sample sizes must all be greater than zero');
  if (x > n) {
    throw new StatsInputError(
      'X_GREATER_THAN_N',
      'numerators must be less than or equal to denominator for a Wilson score to be calculated',
    );
  }
  return wilsonLowerZ(x, n, confidenceZ(singleConfidenceLevel(confidence)));
}
