import { incompleteBeta } from './incomplete-beta.js';
import { lbeta } from './lbeta.js';

/**
 * Quantile function of the beta distribution, as R's `qbeta(p, a, b)`.
 *
 * Method: a starting value from the normal approximation of Abramowitz and Stegun 26.5.22 (a, b >= 1) or the
 * leading power-law terms of either tail (otherwise), as in Numerical Recipes `invbetai`; then Newton's
 * method on whichever tail is the smaller probability, safeguarded by a bracket in [0, 1] that falls back to
 * bisection, until the step is below 1 ulp.
 * Reference: W. H. Press et al., Numerical Recipes, 3rd ed., section 6.14.10; M. Abramowitz and
 * I. A. Stegun (1964), 26.5.22.
 * Cost: a handful of incomplete-beta evaluations, each O(1 + sqrt(max(a, b))).
 *
 * @param p probability in [0, 1]
 * @param a first shape, > 0
 * @param b second shape, > 0
 * @param lowerTail true (default) when p is P(X <= x), false when it is P(X > x)
 * @returns the quantile in [0, 1]; NaN for invalid arguments
 * @example
 * qbeta(0.6875, 2, 3); // 0.5
 */
export function qbeta(p: number, a: number, b: number, lowerTail = true): number {
  if (Number.isNaN(p) || Number.isNaN(a) || Number.isNaN(b)) return Number.NaN;
  if (p < 0 || p > 1 || !(a > 0) || !(b > 0)) return Number.NaN;
  const pLower = lowerTail ? p : 1 - p;
  if (lowerTail ? p === 0 : p === 1) return 0;
  if (lowerTail ? p === 1 : p === 0) return 1;
  const useLower = pLower <= 0.5;
  const target = useLower ? (lowerTail ? p : 1 - p) : lowerTail ? 1 - p : p;

  let x = startValue(pLower, a, b);
  let lo = 0;
  let hi = 1;
  const logB = lbeta(a, b);
  for (let iter = 0; iter < 1000; iter++) {
    const y = 1 - x;
    const value = incompleteBeta(x, y, a, b, useLower);
    const diff = value - target;
    if (diff === 0) return x;
    const above = useLower ? diff > 0 : diff < 0;
    if (above) hi = x;
    else lo = x;
    const density = Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - logB);
    const step = useLower ? diff / density : -diff / density;
    let next = x - step;
    if (!(next > lo && next < hi) || !Number.isFinite(next)) {
      next = lo === 0 && hi < 0.5 ? hi / 2 : (lo + hi) / 2;
      if (next === lo || next === hi) return x;
    }
    if (Math.abs(next - x) <= 2 * Number.EPSILON * x) return next;
    x = next;
  }
  return x;
}

function startValue(p: number, a: number, b: number): number {
  let x: number;
  if (a >= 1 && b >= 1) {
    const pp = p < 0.5 ? p : 1 - p;
    const t = Math.sqrt(-2 * Math.log(pp));
    let z = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t;
    if (p < 0.5) z = -z;
    const al = (z * z - 3) / 6;
    const h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
    const w = (z * Math.sqrt(al + h)) / h - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5 / 6 - 2 / (3 * h));
    x = a / (a + b * Math.exp(2 * w));
  } else {
    const lna = Math.log(a / (a + b));
    const lnb = Math.log(b / (a + b));
    const t = Math.exp(a * lna) / a;
    const u = Math.exp(b * lnb) / b;
    const w = t + u;
    x = p < t / w ? (a * w * p) ** (1 / a) : 1 - (b * w * (1 - p)) ** (1 / b);
  }
  if (!(x > 0 && x < 1)) x = 0.5;
  return x;
}
