import { lgamma } from './lgamma.js';
import { lgammacor } from './lgammacor.js';

const LN_SQRT_2PI = 0.918938533204672741780329736406;

/**
 * log B(a, b) = log(gamma(a) gamma(b) / gamma(a + b)), without the cancellation of three large log-gammas.
 *
 * Method: as R's `lbeta`: when both arguments are >= 10, Stirling's formula with the `lgammacor` remainders
 * combined analytically; when only the larger is, lgamma of the smaller plus the same for the larger; else
 * the plain sum of log-gammas.
 * Reference: R Core, nmath/lbeta.c; W. Fullerton, SLATEC `dlbeta`.
 * Cost: O(1).
 *
 * @param a positive
 * @param b positive
 * @returns log B(a, b); Infinity if either is 0; NaN if either is negative or NaN
 * @example
 * lbeta(2, 3); // log(1/12) = -2.4849066497880004
 */
export function lbeta(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.NaN;
  const p = Math.min(a, b);
  const q = Math.max(a, b);
  if (p < 0) return Number.NaN;
  if (p === 0) return Number.POSITIVE_INFINITY;
  if (!Number.isFinite(q)) return Number.NEGATIVE_INFINITY;
  if (p >= 10) {
    const corr = lgammacor(p) + lgammacor(q) - lgammacor(p + q);
    return (
      Math.log(q) * -0.5 +
      LN_SQRT_2PI +
      corr +
      (p - 0.5) * Math.log(p / (p + q)) +
      q * Math.log1p(-p / (p + q))
    );
  }
  if (q >= 10) {
    const corr = lgammacor(q) - lgammacor(p + q);
    return lgamma(p) + corr + p - p * Math.log(p + q) + (q - 0.5) * Math.log1p(-p / (p + q));
  }
  return lgamma(p) + lgamma(q) - lgamma(p + q);
}
