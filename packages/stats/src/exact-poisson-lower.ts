import { qchisq } from './distributions/qchisq.js';
import { smallCountCache } from './small-count-cache.js';

/**
 * Exact (Poisson, chi-squared based) lower confidence limit of an observed count.
 *
 * Method: qchisq((1 - level) / 2, 2x) / 2, the Garwood limit; x = 0 gives 0.
 * Reference: P. Armitage and G. Berry (2002), Statistical methods in medical research, 4th ed.;
 * F. Garwood (1936), Biometrika 28, 437-442; PHEindicatormethods 2.1 phe_rate / calculate_ISRate.
 * Cost: one chi-squared quantile, O(1 + sqrt(x)); remembered for whole counts below 10.
 *
 * @param x observed count, >= 0
 * @param level confidence level as a fraction
 * @returns the lower limit of the count
 * @example
 * exactPoissonLower(1, 0.95); // 0.025317807984289897
 */
export const exactPoissonLower: (x: number, level: number) => number = smallCountCache(
  (x, level) => qchisq((1 - level) / 2, 2 * x) / 2,
);
