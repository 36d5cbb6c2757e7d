import { qnorm } from './distributions/qnorm.js';

/**
 * The two-sided normal critical value for a confidence level, written as R's PHEindicatormethods writes it:
 * `qnorm(confidence + (1 - confidence) / 2)`, so the floating-point result is the same as R's.
 *
 * Method: Wichura's AS 241 normal quantile ({@link qnorm}).
 * Reference: PHEindicatormethods 2.1, internal byars_lower / wilson_lower.
 * Cost: O(1).
 *
 * @param level confidence level as a fraction in [0.9, 1]
 * @returns z, e.g. 1.959963984540054 for 0.95; Infinity for 1
 * @example
 * confidenceZ(0.95); // 1.959963984540054
 */
export function confidenceZ(level: number): number {
  return qnorm(level + (1 - level) / 2);
}
