import { byarsUpperZ } from './byars-upper-z.js';
import { exactPoissonUpper } from './exact-poisson-upper.js';

/**
 * Upper confidence limit of an observed count as phe_rate and calculate_ISRate / ISRatio choose it: exact
 * below 10 events, Byar's from 10 on.
 *
 * Method: x < 10: qchisq(level + (1 - level) / 2, 2x + 2) / 2; otherwise Byar's
 * (x + 1)(1 - 1/(9(x + 1)) + z / (3 sqrt(x + 1)))^3. NaN x gives NaN.
 * Reference: PHEindicatormethods 2.1 phe_rate (`if_else(x < 10, qchisq(...), byars_upper(...))`).
 * Cost: O(1) for Byar's; one chi-squared quantile below 10.
 *
 * @param x observed count
 * @param level confidence level as a fraction
 * @param z qnorm(level + (1 - level) / 2)
 * @returns the upper limit of the count
 * @example
 * countUpperLimit(1, 0.95, 1.959963984540054); // 5.571643390938898
 */
export function countUpperLimit(x: number, level: number, z: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  return x < 10 ? exactPoissonUpper(x, level) : byarsUpperZ(x, z);
}
