import { normaliseConfidence } from './confidence.js';
import { lgamma } from './distributions/lgamma.js';
import { pgamma } from './distributions/pgamma.js';
import { qnorm } from './distributions/qnorm.js';
import { StatsInputError } from './errors.js';

/** Options for {@link compareSpcLimits}. */
export interface CompareSpcLimitsOptions {
  /** 'spc-proportion' (Wilson score limits) or 'spc-dsr' (exact Poisson limits on the expected count). */
  readonly method: 'spc-proportion' | 'spc-dsr';
  /** One confidence level, 0.95 / 95 (default) or 0.998 / 99.8 style. */
  readonly confidence?: number;
  /**
   * The unit the benchmark value is expressed per: 100 for a percentage, 100000 for a rate per 100,000
   * (Fingertips' indicator Unit). Default 1 for 'spc-proportion' (as PHEindicatormethods' phe_proportion) and
   * 100000 for 'spc-dsr' (as phe_dsr).
   */
  readonly multiplier?: number;
}

/** Control limits around a benchmark, in the units of the values compared. */
export interface CompareSpcLimits {
  readonly lower: number;
  readonly upper: number;
}

/**
 * The Poisson mean z at which a tail probability equals `p`: P(X >= n | z) = p (`lowerTail`, the regularized
 * gamma P(n, z)) or P(X <= n - 1 | z) = p (Q(n, z)). Newton's method on the gamma distribution function from
 * the Wilson-Hilferty approximation, kept inside a shrinking bracket (halving when a step leaves it).
 */
function poissonMeanAt(n: number, p: number, lowerTail: boolean): number {
  const logGammaN = lgamma(n);
  const zq = qnorm(lowerTail ? p : 1 - p);
  let x = n * (1 - 1 / (9 * n) + zq / (3 * Math.sqrt(n))) ** 3;
  if (!(x > 0)) x = lowerTail ? p ** (1 / n) : n;
  let lo = 0;
  let hi = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 200; i++) {
    // excess > 0 when x is beyond the root, whichever tail is followed.
    const f = pgamma(x, n, 1, lowerTail) - p;
    const excess = lowerTail ? f : -f;
    if (excess > 0) hi = x;
    else if (excess < 0) lo = x;
    else return x;
    const density = Math.exp((n - 1) * Math.log(x) - x - logGammaN);
    let next = x - excess / density;
    if (!(next > lo && next < hi)) next = hi === Number.POSITIVE_INFINITY ? 2 * x : (lo + hi) / 2;
    // Far finer than the bisection's resolution, and above the incomplete gamma's own rounding.
    if (Math.abs(next - x) <= 1e-12 * x) return next;
    x = next;
  }
  return x;
}

/**
 * Fingertips' bisection (StatisticalMethods.PoisLow / PoisHigh), replayed: v starts at 0.5 and moves by a step
 * halved from 0.25 until it is no more than 1e-7 (23 steps), the mean being (1 + observed) v / (1 - v).
 * Fingertips decides each step by summing Poisson terms at that mean; as the tail probability is monotone in
 * the mean, comparing the mean with the exact root `root` takes the same decisions in O(1) each. The result
 * is Fingertips' own (to its resolution of about 6e-8 in v), not the exact root.
 */
function replayBisection(observed: number, root: number): number {
  let v = 0.5;
  let dv = 0.5;
  const scale = 1 + observed;
  while (dv > 0.0000001) {
    dv /= 2;
    if ((scale * v) / (1 - v) > root) v -= dv;
    else v += dv;
  }
  return (scale * v) / (1 - v);
}

/**
 * Fingertips' StatisticalMethods.PoisLow: the Poisson mean whose upper tail from `observed`, P(X >= observed),
 * equals `p`. Fingertips sums terms for whole counts k >= observed, so a fractional `observed` acts as the
 * next whole number. NaN for a negative `observed`.
 *
 * @example
 * spcPoissonLower(10, 0.025); // the mean whose P(X >= 10) is 0.025
 */
export function spcPoissonLower(observed: number, p: number): number {
  if (!(observed >= 0)) return Number.NaN;
  const n = Math.ceil(observed);
  // With nothing expected the limit is 0; Fingertips' bisection can only approach it, stopping at 6e-8,
  // which would make a value of exactly 0 fall below its own benchmark's limits.
  if (n === 0) return 0;
  return replayBisection(observed, poissonMeanAt(n, p, true));
}

/**
 * Fingertips' StatisticalMethods.PoisHigh: the Poisson mean whose lower tail to `observed`, P(X <= observed),
 * equals `p`; a fractional `observed` acts as the whole number below it. NaN for a negative `observed`.
 *
 * @example
 * spcPoissonUpper(10, 0.025); // the mean whose P(X <= 10) is 0.025
 */
export function spcPoissonUpper(observed: number, p: number): number {
  if (!(observed >= 0)) return Number.NaN;
  return replayBisection(observed, poissonMeanAt(Math.floor(observed) + 1, p, false));
}

/**
 * Wilson score limits for a proportion expected to be `p0` in a sample of `n`, in Fingertips' own arithmetic
 * order (SpcForProportionsComparer), as fractions. `z` is the normal deviate for the confidence level.
 *
 * @example
 * spcProportionLimits(0.2, 500, 1.959963984540054); // { lower, upper } around 0.2
 */
export function spcProportionLimits(p0: number, n: number, z: number): CompareSpcLimits {
  const zSquared = z ** 2;
  const expected = n * p0;
  const b = z * Math.sqrt(zSquared + 4 * expected * (1 - expected / n));
  const a = 2 * expected + zSquared;
  const c = 2 * (n + zSquared);
  return { lower: (a - b) / c, upper: (a + b) / c };
}

/**
 * The one confidence level of an SPC or overlapping-interval comparison, as a fraction.
 *
 * @example
 * singleConfidence(99.8); // 0.998
 */
export function singleConfidence(confidence: number | undefined): number {
  const levels = normaliseConfidence(confidence ?? 0.95);
  return levels[0] as number;
}

/**
 * The tail probability on each side, (1 - level) / 2, cleaned of binary round-off so that 95% gives exactly
 * 0.025 and 99.8% exactly 0.001, the constants Fingertips stores for these levels.
 *
 * @example
 * tailProbability(0.95); // 0.025
 */
export function tailProbability(level: number): number {
  if (level === 0.95) return 0.025;
  if (level === 0.998) return 0.001;
  return Number(((1 - level) / 2).toPrecision(12));
}

/**
 * The default multiplier of each SPC method; see {@link CompareSpcLimitsOptions.multiplier}.
 *
 * @example
 * spcMultiplier('spc-dsr', undefined); // the DSR default, per 100,000
 */
export function spcMultiplier(method: 'spc-proportion' | 'spc-dsr', multiplier: number | undefined): number {
  const m = multiplier ?? (method === 'spc-proportion' ? 1 : 100000);
  if (!(m > 0) || !Number.isFinite(m)) {
    throw new StatsInputError('INVALID_MULTIPLIER', 'multiplier must be a positive number');
  }
  return m;
}

/**
 * The statistical process control (funnel) limits Fingertips compares an area's value with: the range within
 * which the area's value would fall, at the given confidence, if its true value were the benchmark's.
 *
 * Method:
 * - 'spc-proportion' (Fingertips comparator method 5): Wilson score limits around the benchmark proportion
 *   P0 = benchmark / multiplier for the area's denominator N: with E = N P0 and z the two-sided normal deviate,
 *   (2E + z² ∓ z √(z² + 4E(1 − E/N))) / (2(N + z²)), times the multiplier.
 * - 'spc-dsr' (comparator method 6): exact Poisson limits on the expected count E = benchmark × N / multiplier
 *   (N the area's population, Fingertips' Denominator2), with tail probability (1 − confidence) / 2 each side,
 *   found by Fingertips' PoisLow / PoisHigh bisection (replayed against the exact root, so with Fingertips'
 *   own resolution), divided by N and times the multiplier. As the bisection
 *   tests whole counts, a non-integer E behaves as ⌈E⌉ for the lower limit and ⌊E⌋ for the upper. For E = 0
 *   the lower limit is 0 (Fingertips' bisection stops at 6e-8 above it).
 * Reference: PholioVisualisationWS/Analysis/SpcForProportionsComparer.cs, SpcForDsrComparer.cs,
 * StatisticalMethods.cs (fingertips-open, MIT).
 * Cost: O(1): for DSRs a few incomplete-gamma evaluations (Newton) and Fingertips' 23 bisection steps.
 *
 * @param benchmarkValue the benchmark's value, in the indicator's units (a percentage if multiplier is 100)
 * @param denominator the area's denominator (proportions) or population (DSRs)
 * @param options see {@link CompareSpcLimitsOptions}
 * @returns the lower and upper control limits in the indicator's units; NaN when the benchmark is missing or
 *   the denominator is not positive
 * @throws StatsInputError codes INVALID_MULTIPLIER and those of normaliseConfidence
 * @example
 * compareSpcLimits(10, 1000, { method: 'spc-proportion', multiplier: 100 }); // { lower: 8.28…, upper: 12.04… }
 */
export function compareSpcLimits(
  benchmarkValue: number,
  denominator: number,
  options: CompareSpcLimitsOptions,
): CompareSpcLimits {
  const level = singleConfidence(options.confidence);
  const multiplier = spcMultiplier(options.method, options.multiplier);
  if (Number.isNaN(benchmarkValue) || !(denominator > 0)) {
    return { lower: Number.NaN, upper: Number.NaN };
  }
  if (options.method === 'spc-proportion') {
    const limits = spcProportionLimits(
      benchmarkValue / multiplier,
      denominator,
      qnorm(1 - tailProbability(level)),
    );
    return { lower: limits.lower * multiplier, upper: limits.upper * multiplier };
  }
  if (options.method !== 'spc-dsr') {
    throw new StatsInputError('INVALID_METHOD', `method must be 'spc-proportion' or 'spc-dsr'`);
  }
  const p = tailProbability(level);
  const expected = benchmarkValue * (denominator / multiplier);
  return {
    lower: (spcPoissonLower(expected, p) / denominator) * multiplier,
    upper: (spcPoissonUpper(expected, p) / denominator) * multiplier,
  };
}
