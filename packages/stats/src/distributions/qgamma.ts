import { gammaQuantile } from './gamma-quantile.js';

/**
 * Quantile function of the gamma distribution, as R's `qgamma(p, shape, scale = scale)`.
 *
 * Method: Newton's method on the regularized incomplete gamma function from a Wilson-Hilferty start,
 * safeguarded by bisection ({@link gammaQuantile}).
 * Reference: E. B. Wilson and M. M. Hilferty (1931); D. J. Best and D. E. Roberts (1975), AS 91.
 * Cost: a handful of incomplete-gamma evaluations, each O(1 + sqrt(shape)).
 *
 * @param p probability in [0, 1]
 * @param shape shape parameter, >= 0 (0 gives 0, the point mass)
 * @param scale scale parameter, > 0 (default 1)
 * @param lowerTail true (default) when p is P(X <= x), false when it is P(X > x)
 * @returns the quantile; NaN for invalid arguments
 * @example
 * qgamma(0.5, 1); // log(2) = 0.6931471805599453
 */
export function qgamma(p: number, shape: number, scale = 1, lowerTail = true): number {
  if (Number.isNaN(scale) || !(scale > 0)) return Number.NaN;
  return gammaQuantile(p, shape, lowerTail) * scale;
}
