import { qchisq } from './distributions/qchisq.js';
import { smallCountCache } from './small-count-cache.js';

/**
 * Exact (Poisson, chi-squared based) upper confidence limit of an observed count.
 *
 * Method: qchisq(level + (1 - level) / 2, 2x + 2) / 2, the Garwood limit.
 * Reference: P. Armitage and G. Berry (2002), Statistical methods in medical research, 4th ed.;
 * F. Garwood (1936), Biometrika 28, 437-442; PHEindicatormethods 2.1 phe_rate / calculate_ISRate.
 * Cost: one chi-squared quantile, O(1 + sqrt(x)); remembered for whole counts below 10.
 *
 * @param x observed count, >= 0
 * @param level confidence level as a fraction
 * @returns the upper limit of the count
 * @example
 * exactPoissonUpper(1, 0.95); // 5.571643390938898
 */
export const exactPoissonUpper: (x: number, level: number) => number = smallCountCache(
  (x, level) => qchisq(level + (1 - level) / 2, 2 * x + 2) / 2,
);
