import { incompleteBeta } from './incomplete-beta.js';

/**
 * Distribution function of the beta distribution, as R's `pbeta(x, a, b)`.
 *
 * Method: the regularized incomplete beta function I_x(a, b) by its continued fraction with the symmetry
 * swap and Loader's saddle-point prefactor ({@link incompleteBeta}).
 * Reference: W. H. Press et al., Numerical Recipes, 3rd ed., section 6.4; C. Loader (2000).
 * Cost: O(1 + sqrt(max(a, b))) iterations at worst.
 *
 * @param x quantile
 * @param a first shape, > 0
 * @param b second shape, > 0
 * @param lowerTail true (default) for P(X <= x), false for P(X > x)
 * @returns the probability; NaN for NaN or non-positive shapes
 * @example
 * pbeta(0.5, 2, 3); // 0.6875
 */
export function pbeta(x: number, a: number, b: number, lowerTail = true): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x <= 0) return incompleteBeta(0, 1, a, b, lowerTail);
  if (x >= 1) return incompleteBeta(1, 0, a, b, lowerTail);
  return incompleteBeta(x, 1 - x, a, b, lowerTail);
}
