import { lgamma } from './lgamma.js';

const LN_SQRT_2PI = 0.918938533204672741780329736406;
const S0 = 1 / 12;
const S1 = 1 / 360;
const S2 = 1 / 1260;
const S3 = 1 / 1680;
const S4 = 1 / 1188;

/**
 * The error of Stirling's approximation: log(n!) - log(sqrt(2 pi n) (n / e)^n), for real n > 0.
 *
 * Method: for n <= 15 directly from `lgamma`; above, the asymptotic series 1/(12n) - 1/(360n^3) + ...
 * truncated where double precision is reached (Loader's `stirlerr`, as in R).
 * Reference: C. Loader (2000), Fast and accurate computation of binomial probabilities.
 * Cost: O(1).
 *
 * @param n positive real
 * @example
 * stirlerr(1); // 0.08106146679532726
 */
export function stirlerr(n: number): number {
  if (n <= 15) return lgamma(n + 1) - (n + 0.5) * Math.log(n) + n - LN_SQRT_2PI;
  const nn = n * n;
  if (n > 500) return (S0 - S1 / nn) / n;
  if (n > 80) return (S0 - (S1 - S2 / nn) / nn) / n;
  if (n > 35) return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
  return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
}
