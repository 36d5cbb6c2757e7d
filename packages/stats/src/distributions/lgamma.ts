import { gammaSmall } from './gamma-small.js';
import { lgammacor } from './lgammacor.js';

const LN_SQRT_2PI = 0.918938533204672741780329736406;
// log(sqrt(pi / 2)), used by the reflection formula below.
const LN_SQRT_PID2 = 0.225791352644727432363097614947;

/**
 * Natural logarithm of the absolute value of the gamma function, as R's `lgamma`.
 *
 * Method: for |x| <= 10, log|gamma(x)| from a Chebyshev series for gamma (SLATEC); above, Stirling's formula
 * with the Chebyshev remainder `lgammacor`; for x < -10, the reflection formula
 * log|gamma(x)| = log(pi / |x sin(pi x)|) - log gamma(|x|). The same branches as R's `lgammafn`.
 * Reference: W. Fullerton, SLATEC (1977); R Core, nmath/lgamma.c.
 * Cost: O(1).
 *
 * @param x argument
 * @returns log|gamma(x)|; Infinity at 0 and the negative integers; NaN for NaN
 * @example
 * lgamma(10); // 12.801827480081469 (= log(362880))
 */
export function lgamma(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x <= 0 && x === Math.trunc(x)) return Number.POSITIVE_INFINITY;
  const y = Math.abs(x);
  if (y < 1e-306) return -Math.log(y);
  if (y <= 10) return Math.log(Math.abs(gammaSmall(x)));
  if (!Number.isFinite(y)) return Number.POSITIVE_INFINITY;
  if (x > 0) {
    if (x > 1e17) return x * (Math.log(x) - 1);
    if (x > 4934720) return LN_SQRT_2PI + (x - 0.5) * Math.log(x) - x;
    return LN_SQRT_2PI + (x - 0.5) * Math.log(x) - x + lgammacor(x);
  }
  const sinpiy = Math.abs(sinpi(y));
  return LN_SQRT_PID2 + (x - 0.5) * Math.log(y) - x - Math.log(sinpiy) - lgammacor(y);
}

/** sin(pi x) with the argument reduced first, so integers give exactly 0. */
function sinpi(x: number): number {
  let r = x % 2;
  if (r <= -1) r += 2;
  else if (r > 1) r -= 2;
  if (r === 0 || r === 1) return 0;
  if (r === 0.5) return 1;
  if (r === -0.5) return -1;
  return Math.sin(Math.PI * r);
}
