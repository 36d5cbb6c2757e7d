import { byarsLowerZ } from './byars-lower-z.js';
import { byarsUpperZ } from './byars-upper-z.js';
import type { ConfidenceLimits } from './confidence-limits.js';
import { StatsInputError } from './errors.js';
import { rFormatFixed } from './r-format-fixed.js';
import { type ResolvedConfidence, resolveConfidence } from './resolved-confidence.js';

/** Options of {@link dsr}. */
export interface DsrOptions {
  /** 0.95 or 95 style, or [0.95, 0.998]. Default 0.95. */
  readonly confidence?: number | readonly number[];
  /** Rate per this many. Default 100000. */
  readonly multiplier?: number;
  /**
   * false when one person can have several events (R's `independent_events = FALSE`): then each element is
   * one (age band, event frequency) cell, `x` counts the people with `eventfreq[i]` events, and `eventfreq`
   * and `ageband` are required. Default true.
   */
  readonly independentEvents?: boolean;
  /** Events per person for each element (non-independent events only). */
  readonly eventfreq?: ArrayLike<number>;
  /** Age band of each element (non-independent events only); elements of one band share `n` and `stdpop`. */
  readonly ageband?: ArrayLike<string | number>;
}

/**
 * One row of calculate_dsr output, columns in R's order: `total_count, total_pop, value`, the limits
 * (`lowercl, uppercl` or `lower95_0cl, upper95_0cl, lower99_8cl, upper99_8cl`), `confidence`, `statistic`,
 * `method`.
 */
export type DsrResult = { total_count: number; total_pop: number; value: number } & ConfidenceLimits & {
    confidence: string;
    statistic: string;
    method: string;
  };

const METHOD = 'Dobson';
const METHOD_NON_INDEPENDENT = 'Dobson, with confidence adjusted for non-independent events';
const SMALL_COUNT = 'dsr NA for total count < 10';

let lastMultiplier = Number.NaN;
let lastStatistic = '';

function statisticFor(multiplier: number): string {
  if (multiplier !== lastMultiplier) {
    lastMultiplier = multiplier;
    lastStatistic = `dsr per ${rFormatFixed(multiplier)}`;
  }
  return lastStatistic;
}

function firstIndex(length: number, bad: (i: number) => boolean): number {
  for (let i = 0; i < length; i++) if (bad(i)) return i;
  return -1;
}

/** Throws R's error for the first failing check, in R's order of checks. */
function throwInputError(x: ArrayLike<number>, n: ArrayLike<number>, stdpop: ArrayLike<number>): void {
  const len = x.length;
  let row = firstIndex(len, (i) => Number.isNaN(n[i] as number));
  if (row >= 0) throw new StatsInputError('MISSING_DENOMINATOR', 'field n cannot have missing values', row);
  row = firstIndex(len, (i) => Number.isNaN(stdpop[i] as number));
  if (row >= 0) throw new StatsInputError('MISSING_STDPOP', 'field stdpop cannot have missing values', row);
  row = firstIndex(len, (i) => (x[i] as number) < 0);
  if (row >= 0) {
    throw new StatsInputError('NEGATIVE_COUNT', 'numerators must all be greater than or equal to zero', row);
  }
  row = firstIndex(len, (i) => (n[i] as number) <= 0);
  if (row >= 0)
    throw new StatsInputError('NON_POSITIVE_DENOMINATOR', 'denominators must all be greater than zero', row);
  row = firstIndex(len, (i) => (stdpop[i] as number) < 0);
  if (row >= 0) {
    throw new StatsInputError('NEGATIVE_STDPOP', 'stdpop must all be greater than or equal to zero', row);
  }
}

function checkLengths(x: ArrayLike<number>, n: ArrayLike<number>, stdpop: ArrayLike<number>): void {
  if (x.length !== n.length)
    throw new StatsInputError('LENGTH_MISMATCH', 'x and n must have the same length');
  if (stdpop.length !== x.length) {
    throw new StatsInputError(
      'LENGTH_MISMATCH',
      'stdpop length must equal number of rows in each group within data',
    );
  }
}

/** vardsr summed over event frequencies, each weighted by frequency squared (calculate_dsr's first pass). */
function nonIndependentVariance(
  x: ArrayLike<number>,
  n: ArrayLike<number>,
  stdpop: ArrayLike<number>,
  eventfreq: ArrayLike<number>,
): number {
  const stdSums = new Map<number, number>();
  const sqSums = new Map<number, number>();
  for (let i = 0; i < x.length; i++) {
    const f = eventfreq[i] as number;
    const xi = x[i] as number;
    const s = stdpop[i] as number;
    const ni = n[i] as number;
    const ratio = s / ni;
    stdSums.set(f, (stdSums.get(f) ?? 0) + s);
    sqSums.set(f, (sqSums.get(f) ?? 0) + (Number.isNaN(xi) ? 0 : xi) * (ratio * ratio));
  }
  let variance = 0;
  for (const [f, stdSum] of stdSums) variance += (1 / stdSum ** 2) * (sqSums.get(f) as number) * f ** 2;
  return variance;
}

function finish(
  totalCount: number,
  totalPop: number,
  value: number,
  vardsr: number,
  multiplier: number,
  resolved: ResolvedConfidence,
  method: string,
): DsrResult {
  const z = resolved.z;
  const small = totalCount < 10;
  const statistic = small ? SMALL_COUNT : statisticFor(multiplier);
  const v = small ? Number.NaN : value;
  const spread = Math.sqrt(vardsr / totalCount);
  const z0 = z[0] as number;
  const lower0 = small
    ? Number.NaN
    : value + spread * (byarsLowerZ(totalCount, z0) - totalCount) * multiplier;
  const upper0 = small
    ? Number.NaN
    : value + spread * (byarsUpperZ(totalCount, z0) - totalCount) * multiplier;
  if (z.length === 1) {
    return {
      total_count: totalCount,
      total_pop: totalPop,
      value: v,
      lowercl: lower0,
      uppercl: upper0,
      confidence: resolved.label,
      statistic,
      method,
    };
  }
  const z1 = z[1] as number;
  return {
    total_count: totalCount,
    total_pop: totalPop,
    value: v,
    lower95_0cl: lower0,
    upper95_0cl: upper0,
    lower99_8cl: small
      ? Number.NaN
      : value + spread * (byarsLowerZ(totalCount, z1) - totalCount) * multiplier,
    upper99_8cl: small
      ? Number.NaN
      : value + spread * (byarsUpperZ(totalCount, z1) - totalCount) * multiplier,
    confidence: resolved.label,
    statistic,
    method,
  };
}

/**
 * A directly standardised rate (DSR) with Dobson confidence limits for one group, as R's `calculate_dsr`
 * computes it per group (the caller splits the data into groups, one element per standardisation category,
 * e.g. age band; `x`, `n` and `stdpop` are matched by position).
 *
 * Method: value = sum(x_i stdpop_i / n_i) / sum(stdpop_i) * multiplier (missing x count as 0);
 * var = sum(x_i (stdpop_i / n_i)^2) / sum(stdpop_i)^2; limits
 * value + sqrt(var / X) (B - X) * multiplier where X = sum(x) and B is Byar's lower or upper limit of X
 * (Dobson's method). When X < 10, value and limits are NaN and statistic is "dsr NA for total count < 10".
 * Non-independent events (`independentEvents: false`): the variance is instead the sum over event
 * frequencies f of f^2 times the Dobson variance of the people with f events, and the rate uses the events
 * f x per age band, as calculate_dsr(independent_events = FALSE) does.
 * Reference: A. J. Dobson, K. Kuulasmaa, E. Eberle and J. Scherer (1991), Confidence intervals for weighted
 * sums of Poisson parameters, Stat. Med. 10, 457-462; N. E. Breslow and N. E. Day (1987), IARC;
 * PHEindicatormethods 2.1 `calculate_dsr`; OHID Fingertips Public Health Technical Guidance, DSR chapter.
 * Cost: O(k) for k categories, allocation-free for independent events (1,000,000 groups of 19 bands take
 * well under a second).
 *
 * @param x observed events per category (NaN counts as 0)
 * @param n population per category, > 0
 * @param stdpop standard population per category, >= 0 (e.g. {@link esp2013})
 * @param options confidence, multiplier, and the non-independent-events inputs
 * @returns totals, value, limits and metadata columns (see {@link DsrResult})
 * @throws StatsInputError LENGTH_MISMATCH, MISSING_DENOMINATOR ("field n cannot have missing values"),
 *   MISSING_STDPOP ("field stdpop cannot have missing values"), NEGATIVE_COUNT ("numerators must all be
 *   greater than or equal to zero"), NON_POSITIVE_DENOMINATOR ("denominators must all be greater than zero"),
 *   NEGATIVE_STDPOP ("stdpop must all be greater than or equal to zero"), the confidence codes, and for
 *   non-independent events MISSING_EVENTFREQ, MISSING_AGEBAND (R's wording)
 * @example
 * dsr(counts, pops, esp2013, { confidence: [0.95, 0.998] });
 */
export function dsr(
  x: ArrayLike<number>,
  n: ArrayLike<number>,
  stdpop: ArrayLike<number>,
  options: DsrOptions = {},
): DsrResult {
  const multiplier = options.multiplier ?? 100000;
  const confidence = options.confidence ?? 0.95;
  checkLengths(x, n, stdpop);
  const len = x.length;
  let totalCount = 0;
  let totalPop = 0;
  let sumStd = 0;
  let sumWeighted = 0;
  let sumSquared = 0;
  let invalid = false;
  for (let i = 0; i < len; i++) {
    const xi = x[i] as number;
    const ni = n[i] as number;
    const si = stdpop[i] as number;
    // Each test is false for NaN, so a missing n or stdpop lands in the negated form.
    if (!(ni > 0) || !(si >= 0) || xi < 0) invalid = true;
    const xz = Number.isNaN(xi) ? 0 : xi;
    const ratio = si / ni;
    totalCount += xz;
    totalPop += ni;
    sumStd += si;
    sumWeighted += (xz * si) / ni;
    sumSquared += xz * (ratio * ratio);
  }
  if (invalid) throwInputError(x, n, stdpop);
  // R validates the confidence argument after the data and before the non-independent-events inputs.
  const resolved = resolveConfidence(confidence);
  if (options.independentEvents === false) {
    return nonIndependentDsr(x, n, stdpop, options, multiplier, resolved);
  }
  const value = (sumWeighted / sumStd) * multiplier;
  const vardsr = (1 / (sumStd * sumStd)) * sumSquared;
  return finish(totalCount, totalPop, value, vardsr, multiplier, resolved, METHOD);
}

function nonIndependentDsr(
  x: ArrayLike<number>,
  n: ArrayLike<number>,
  stdpop: ArrayLike<number>,
  options: DsrOptions,
  multiplier: number,
  resolved: ResolvedConfidence,
): DsrResult {
  const { eventfreq, ageband } = options;
  if (eventfreq === undefined) {
    throw new StatsInputError(
      'MISSING_EVENTFREQ',
      'function calculate_dsr requires an eventfreq column to be specified when independent_events is FALSE',
    );
  }
  if (eventfreq.length !== x.length) {
    throw new StatsInputError('LENGTH_MISMATCH', 'eventfreq must have one element per element of x');
  }
  const missingFreq = firstIndex(x.length, (i) => Number.isNaN(eventfreq[i] as number));
  if (missingFreq >= 0) {
    throw new StatsInputError(
      'MISSING_EVENTFREQ',
      'eventfreq field must not have any missing values',
      missingFreq,
    );
  }
  if (ageband === undefined) {
    throw new StatsInputError(
      'MISSING_AGEBAND',
      'function calculate_dsr requires an ageband column to be specified when independent_events is FALSE',
    );
  }
  if (ageband.length !== x.length) {
    throw new StatsInputError('LENGTH_MISMATCH', 'ageband must have one element per element of x');
  }
  const missingBand = firstIndex(x.length, (i) => {
    const band = ageband[i];
    return band === undefined || band === null || (typeof band === 'number' && Number.isNaN(band));
  });
  if (missingBand >= 0) {
    throw new StatsInputError(
      'MISSING_AGEBAND',
      'ageband field must not have any missing values',
      missingBand,
    );
  }
  const vardsr = nonIndependentVariance(x, n, stdpop, eventfreq);
  // Events per (age band, n, stdpop) cell, as calculate_dsr's summarise(x = sum(eventfreq * x, na.rm = TRUE)).
  const cells = new Map<string, { n: number; stdpop: number; events: number }>();
  for (let i = 0; i < x.length; i++) {
    const ni = n[i] as number;
    const si = stdpop[i] as number;
    const key = `${typeof ageband[i]}:${String(ageband[i])}\u0000${ni}\u0000${si}`;
    let cell = cells.get(key);
    if (cell === undefined) {
      cell = { n: ni, stdpop: si, events: 0 };
      cells.set(key, cell);
    }
    const events = (eventfreq[i] as number) * (x[i] as number);
    if (!Number.isNaN(events)) cell.events += events;
  }
  let totalCount = 0;
  let totalPop = 0;
  let sumStd = 0;
  let sumWeighted = 0;
  for (const cell of cells.values()) {
    totalCount += cell.events;
    totalPop += cell.n;
    sumStd += cell.stdpop;
    sumWeighted += (cell.events * cell.stdpop) / cell.n;
  }
  const value = (sumWeighted / sumStd) * multiplier;
  return finish(totalCount, totalPop, value, vardsr, multiplier, resolved, METHOD_NON_INDEPENDENT);
}
