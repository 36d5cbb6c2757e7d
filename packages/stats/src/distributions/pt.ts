import { incompleteBeta } from './incomplete-beta.js';
import { lbeta } from './lbeta.js';
import { pnorm } from './pnorm.js';

/**
 * Distribution function of Student's t distribution with `df` degrees of freedom, as R's `pt`.
 *
 * Method: the same reduction as R: the two-sided tail P(|T| > |x|) is the incomplete beta function
 * 1 - I_{x^2/(df + x^2)}(1/2, df/2) when df > x^2, else I_{1/(1 + x^2/df)}(df/2, 1/2) (both arguments and
 * their complements computed directly), an asymptotic expression for huge x, and the normal approximation
 * with R's 1/(4 df) correction above df = 4e5.
 * Reference: M. Abramowitz and I. A. Stegun (1964), 26.7.1; R Core, nmath/pt.c.
 * Cost: O(1 + sqrt(df)) iterations at worst.
 *
 * @param x quantile
 * @param df degrees of freedom, > 0 (Infinity gives the normal)
 * @param lowerTail true (default) for P(T <= x), false for P(T > x)
 * @returns the probability; NaN for NaN or df <= 0
 * @example
 * pt(2.364624251592785, 7); // 0.975
 */
export function pt(x: number, df: number, lowerTail = true): number {
  if (Number.isNaN(x) || Number.isNaN(df) || !(df > 0)) return Number.NaN;
  if (!Number.isFinite(x)) return x < 0 === lowerTail ? 0 : 1;
  if (!Number.isFinite(df)) return pnorm(x, lowerTail);
  if (df > 4e5) {
    const v = 1 / (4 * df);
    return pnorm((x * (1 - v)) / Math.sqrt(1 + x * x * 2 * v), lowerTail);
  }
  const x2 = x * x;
  const nx = 1 + (x / df) * x;
  let tail2: number;
  if (nx > 1e100) {
    const lval =
      -0.5 * df * (2 * Math.log(Math.abs(x)) - Math.log(df)) - lbeta(0.5 * df, 0.5) - Math.log(0.5 * df);
    tail2 = Math.exp(lval);
  } else if (df > x2) {
    tail2 = incompleteBeta(x2 / (df + x2), df / (df + x2), 0.5, df / 2, false);
  } else {
    tail2 = incompleteBeta(1 / nx, x2 / df / nx, df / 2, 0.5, true);
  }
  const tail = tail2 / 2;
  // tail is P(T > |x|); the lower tail at x <= 0 is that tail.
  if (x <= 0) return lowerTail ? tail : 1 - tail;
  return lowerTail ? 1 - tail : tail;
}
