import { incompleteGamma } from './incomplete-gamma.js';

/**
 * Distribution function of the chi-squared distribution with `df` degrees of freedom, as R's `pchisq`.
 *
 * Method: P(df / 2, x / 2), the regularized incomplete gamma function ({@link incompleteGamma}).
 * Reference: M. Abramowitz and I. A. Stegun (1964), 26.4.19; W. H. Press et al., Numerical Recipes, 6.2.
 * Cost: O(1 + sqrt(df)) iterations at worst.
 *
 * @param x quantile
 * @param df degrees of freedom, >= 0 (0 is the point mass at 0)
 * @param lowerTail true (default) for P(X <= x), false for P(X > x)
 * @returns the probability; NaN for NaN or negative df
 * @example
 * pchisq(34.16960690283833, 20); // 0.975
 */
export function pchisq(x: number, df: number, lowerTail = true): number {
  if (Number.isNaN(x) || Number.isNaN(df) || df < 0) return Number.NaN;
  return incompleteGamma(df / 2, x / 2, lowerTail);
}
