import { incompleteGamma } from './incomplete-gamma.js';

/**
 * Distribution function of the gamma distribution with the given shape and scale, as R's
 * `pgamma(x, shape, scale = scale)`.
 *
 * Method: the regularized incomplete gamma function P(shape, x / scale) ({@link incompleteGamma}: series or
 * Legendre continued fraction, with Loader's saddle-point prefactor).
 * Reference: W. H. Press et al., Numerical Recipes, 3rd ed., section 6.2; C. Loader (2000).
 * Cost: O(1 + sqrt(shape)) iterations at worst.
 *
 * @param x quantile
 * @param shape shape parameter, >= 0
 * @param scale scale parameter, > 0 (default 1)
 * @param lowerTail true (default) for P(X <= x), false for P(X > x)
 * @returns the probability; NaN for NaN or invalid parameters
 * @example
 * pgamma(2, 1); // 1 - e^-2 = 0.8646647167633873
 */
export function pgamma(x: number, shape: number, scale = 1, lowerTail = true): number {
  if (Number.isNaN(x) || Number.isNaN(shape) || Number.isNaN(scale)) return Number.NaN;
  if (shape < 0 || !(scale > 0)) return Number.NaN;
  return incompleteGamma(shape, x / scale, lowerTail);
}
