import { byarsLowerZ } from './byars-lower-z.js';
import { exactPoissonLower } from './exact-poisson-lower.js';

/**
 * Lower confidence limit of an observed count as phe_rate and calculate_ISRate / ISRatio choose it: exact
 * below 10 events, Byar's from 10 on.
 *
 * Method: x < 10: qchisq((1 - level) / 2, 2x) / 2; otherwise Byar's x (1 - 1/(9x) - z / (3 sqrt(x)))^3.
 * NaN x gives NaN.
 * Reference: PHEindicatormethods 2.1 phe_rate (`if_else(x < 10, qchisq(...), byars_lower(...))`).
 * Cost: O(1) for Byar's; one chi-squared quantile below 10.
 *
 * @param x observed count
 * @param level confidence level as a fraction
 * @param z qnorm(level + (1 - level) / 2)
 * @returns the lower limit of the count
 * @example
 * countLowerLimit(65, 0.95, 1.959963984540054); // 50.163187710459454
 */
export function countLowerLimit(x: number, level: number, z: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  return x < 10 ? exactPoissonLower(x, level) : byarsLowerZ(x, z);
}
