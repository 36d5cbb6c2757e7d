import { bd0 } from './bd0.js';
import { stirlerr } from './stirlerr.js';

const TWO_PI = 2 * Math.PI;

/**
 * The Poisson density lambda^x e^(-lambda) / gamma(x + 1) for real x >= 0, accurate to a few ulps even when
 * x and lambda are in the millions (no large logarithms cancel).
 *
 * Method: Loader's saddle-point form exp(-stirlerr(x) - bd0(x, lambda)) / sqrt(2 pi x), as R's `dpois_raw`.
 * It is also the prefactor x^a e^(-x) / gamma(a + 1) of the incomplete gamma function.
 * Reference: C. Loader (2000), Fast and accurate computation of binomial probabilities.
 * Cost: O(1).
 *
 * @param x non-negative real (the "count")
 * @param lambda non-negative mean
 * @example
 * dpoisRaw(2, 3); // 0.22404180765538775 (= 9 e^-3 / 2)
 */
export function dpoisRaw(x: number, lambda: number): number {
  if (lambda === 0) return x === 0 ? 1 : 0;
  if (!Number.isFinite(lambda) || x < 0) return 0;
  if (x === 0) return Math.exp(-lambda);
  if (!Number.isFinite(x)) return 0;
  return Math.exp(-stirlerr(x) - bd0(x, lambda)) / Math.sqrt(TWO_PI * x);
}
