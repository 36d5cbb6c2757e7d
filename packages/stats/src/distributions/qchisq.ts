import { gammaQuantile } from './gamma-quantile.js';

/**
 * Quantile function of the chi-squared distribution with `df` degrees of freedom, as R's `qchisq`.
 *
 * Method: twice the gamma quantile with shape df / 2 ({@link gammaQuantile}: Newton on the incomplete gamma
 * function from a Wilson-Hilferty start, safeguarded by bisection). Exact Poisson limits use
 * qchisq(p, 2x) / 2 and qchisq(p, 2x + 2) / 2.
 * Reference: E. B. Wilson and M. M. Hilferty (1931); D. J. Best and D. E. Roberts (1975), AS 91.
 * Cost: a handful of incomplete-gamma evaluations, each O(1 + sqrt(df)).
 *
 * @param p probability in [0, 1]
 * @param df degrees of freedom, >= 0 (0 gives 0)
 * @param lowerTail true (default) when p is P(X <= x), false when it is P(X > x)
 * @returns the quantile; NaN for invalid arguments
 * @example
 * qchisq(0.975, 20); // 34.16960690283833
 */
export function qchisq(p: number, df: number, lowerTail = true): number {
  if (Number.isNaN(df) || df < 0) return Number.NaN;
  return 2 * gammaQuantile(p, df / 2, lowerTail);
}
