import { lgamma } from './lgamma.js';
import { pt } from './pt.js';
import { qnorm } from './qnorm.js';

/**
 * Quantile function of Student's t distribution with `df` degrees of freedom, as R's `qt`.
 *
 * Method: closed forms for df = 1 (Cauchy) and df = 2; otherwise a Cornish-Fisher expansion about the normal
 * quantile (four correction terms, Hill 1970) as the start, refined by Newton's method on the upper tail
 * P(T > q) computed by {@link pt}. That tail is convex and decreasing for q > 0, so once an iterate lies
 * below the root the iterates rise monotonically to it; a step that would leave (0, Infinity) is halved.
 * Stops when the step is below 1 ulp. For df > 1e20 the normal quantile.
 * Reference: G. W. Hill (1970), Algorithm 396: Student's t-quantiles, CACM 13, 619-620;
 * M. Abramowitz and I. A. Stegun (1964), 26.7.5.
 * Cost: a handful of `pt` evaluations, each O(1 + sqrt(df)).
 *
 * @param p probability in [0, 1]
 * @param df degrees of freedom, > 0
 * @param lowerTail true (default) when p is P(T <= q), false when it is P(T > q)
 * @returns the quantile; -Infinity / Infinity at the ends; NaN for invalid arguments
 * @example
 * qt(0.975, 7); // 2.364624251592785
 */
export function qt(p: number, df: number, lowerTail = true): number {
  if (Number.isNaN(p) || Number.isNaN(df) || p < 0 || p > 1 || !(df > 0)) return Number.NaN;
  const pLower = lowerTail ? p : 1 - p;
  if (lowerTail ? p === 0 : p === 1) return Number.NEGATIVE_INFINITY;
  if (lowerTail ? p === 1 : p === 0) return Number.POSITIVE_INFINITY;
  if (pLower === 0.5) return 0;
  // tail = P(T > |q|), taken from whichever of p / 1 - p is the small one so it keeps full precision.
  const negative = pLower < 0.5;
  const tail = negative ? (lowerTail ? p : 1 - p) : lowerTail ? 1 - p : p;
  const q = upperQuantile(tail, df);
  return negative ? -q : q;
}

/** The q > 0 with P(T > q) = tail, for 0 < tail < 0.5. */
function upperQuantile(tail: number, df: number): number {
  if (df > 1e20) return -qnorm(tail);
  if (df === 1) return 1 / Math.tan(Math.PI * tail);
  if (df === 2) return (1 - 2 * tail) / Math.sqrt(2 * tail * (1 - tail));
  const z = -qnorm(tail);
  const z2 = z * z;
  const g1 = (z2 + 1) * z * 0.25;
  const g2 = (((5 * z2 + 16) * z2 + 3) * z) / 96;
  const g3 = ((((3 * z2 + 19) * z2 + 17) * z2 - 15) * z) / 384;
  const g4 = (((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z) / 92160;
  let q = z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
  if (!(q > 0) || !Number.isFinite(q)) q = z;
  const logNorm = lgamma((df + 1) / 2) - lgamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  for (let iter = 0; iter < 200; iter++) {
    const diff = pt(q, df, false) - tail;
    if (diff === 0) return q;
    const density = Math.exp(logNorm - ((df + 1) / 2) * Math.log1p((q * q) / df));
    let next = q + diff / density;
    if (!(next > 0) || !Number.isFinite(next)) next = q / 2;
    if (Math.abs(next - q) <= 2 * Number.EPSILON * q) return next;
    q = next;
  }
  return q;
}
