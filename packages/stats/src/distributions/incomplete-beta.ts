import { bd0 } from './bd0.js';
import { betaUpperTailLargeQ } from './beta-upper-tail-large-q.js';
import { stirlerr } from './stirlerr.js';

const TINY = 1e-300;
const CF_EPS = 2.3e-16;
const TWO_PI = 2 * Math.PI;

/**
 * x^a y^b / (a B(a, b)) with y = 1 - x, in Loader's saddle-point form so that no large logarithms cancel:
 * sqrt(a b / (2 pi s)) exp(stirlerr(s) - stirlerr(a) - stirlerr(b) - bd0(a, x s) - bd0(b, y s)) / a, s = a + b.
 */
function betaPrefactor(x: number, y: number, a: number, b: number): number {
  const s = a + b;
  const e = stirlerr(s) - stirlerr(a) - stirlerr(b) - bd0(a, x * s) - bd0(b, y * s);
  return (Math.exp(e) * Math.sqrt((a * b) / (TWO_PI * s))) / a;
}

/** The continued fraction of I_x(a, b) (Numerical Recipes `betacf`) by the modified Lentz method. */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  const limit = 1000 + Math.ceil(50 * Math.sqrt(Math.max(a, b)));
  for (let m = 1; m < limit; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < CF_EPS) break;
  }
  return h;
}

/**
 * I_u(p, q) / prefactor by the hypergeometric series 2F1(p + q, 1; p + 1; u) = sum_n prod_k u (p + q + k) / (p + k + 1).
 * Every term is positive, so nothing cancels; it needs O(1 + u (p + q)) terms and is used only for u <= 1/2.
 */
function betaSeries(u: number, p: number, q: number): number {
  let term = 1;
  let sum = 1;
  const limit = 10000 + Math.ceil(4 * (p + q));
  for (let n = 0; n < limit; n++) {
    term *= (u * (p + q + n)) / (p + n + 1);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return sum;
}

/**
 * The regularized incomplete beta function I_x(a, b) (lower tail) or 1 - I_x(a, b) (upper tail), given both
 * x and y = 1 - x so that neither loses digits near 0 or 1.
 *
 * Method: with u the smaller of x and y (and the shapes swapped to match), the prefactor
 * u^p (1 - u)^q / (p B(p, q)) in Loader's saddle-point form, accurate for large shapes, times either
 * - the hypergeometric series 2F1(p + q, 1; p + 1; u), whose terms are all positive, when u lies below the
 *   mean of Beta(p, q) or less than 3 standard deviations above it (the other tail then follows by
 *   subtraction from a probability of at most about 0.999); or
 * - the continued fraction (Numerical Recipes `betacf`, modified Lentz) for the far tail of the swapped
 *   orientation, where it converges in a few terms. Near the centre of the distribution that fraction is
 *   ill-conditioned for large shapes (it loses about 1e-12), which is why the series is used there.
 * Reference: W. H. Press et al., Numerical Recipes, 3rd ed., section 6.4; M. Abramowitz and I. A. Stegun
 * (1964), 26.5.23; C. Loader (2000); W. J. Lentz (1976), Applied Optics 15, 668-671.
 * Cost: O(1 + min(x, y) (a + b)) series terms at worst (near the centre), a few fraction terms in the tails.
 *
 * @param x point in [0, 1]
 * @param y 1 - x, computed by the caller as exactly as it can
 * @param a first shape, > 0
 * @param b second shape, > 0
 * @param lowerTail true for I_x(a, b), false for 1 - I_x(a, b)
 * @returns the probability; NaN for invalid arguments
 * @example
 * incompleteBeta(0.5, 0.5, 2, 2, true); // 0.5
 */
export function incompleteBeta(x: number, y: number, a: number, b: number, lowerTail: boolean): number {
  if (Number.isNaN(x) || Number.isNaN(y) || Number.isNaN(a) || Number.isNaN(b)) return Number.NaN;
  if (!(a > 0) || !(b > 0)) return Number.NaN;
  if (x <= 0) return lowerTail ? 0 : 1;
  if (y <= 0) return lowerTail ? 1 : 0;
  // Orientation (u, p, q) with u <= 1/2; `swapped` means u = y, so I_u(p, q) is the upper tail of the input.
  const swapped = x > y;
  const u = swapped ? y : x;
  const v = swapped ? x : y;
  const p = swapped ? b : a;
  const q = swapped ? a : b;
  const s = p + q;
  const mean = p / s;
  const sd = Math.sqrt((p * q) / (s * s * (s + 1)));
  // I_u(p, q) is the lower tail of the input when not swapped, the upper tail when swapped; whichever of it
  // and its complement is computed directly keeps full precision.
  const wantIu = lowerTail !== swapped;
  if (u <= mean + 3 * sd) {
    const iu = betaPrefactor(u, v, p, q) * betaSeries(u, p, q);
    return wantIu ? iu : 1 - iu;
  }
  const jv =
    q >= 100 && p * p <= q
      ? betaUpperTailLargeQ(u, p, q)
      : betaPrefactor(v, u, q, p) * betaContinuedFraction(v, q, p);
  return wantIu ? 1 - jv : jv;
}
