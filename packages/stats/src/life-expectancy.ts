import { ciColumnNames, confidenceLabel } from './confidence.js';
import { qnorm } from './distributions/qnorm.js';
import { StatsInputError } from './errors.js';
import { lifeExpectancyStartAge, rNumberText } from './life-expectancy-start-age.js';
import { LIFE_EXPECTANCY_DEFAULT_AGE_CONTENTS, lifeExpectancyValidate } from './life-expectancy-validate.js';
import { type LifeExpectancySuppressionCode, lifeExpectancyWarnings } from './life-expectancy-warnings.js';

/** Options for {@link lifeExpectancy}. */
export interface LifeExpectancyOptions {
  /** The age bands in ascending order (R's `age_contents`); default the start ages 0, 1, 5, 10, ..., 90. */
  readonly ageContents?: readonly (number | string)[];
  /**
   * The ages to return (R's `le_age`): "all" (default), or one or more values of `ageContents`, matched
   * against the rows' `startage` as R's `%in%` does (numbers with numbers, otherwise as text).
   */
  readonly leAge?: number | string | readonly (number | string)[];
  /** "full" (default) adds pops_used, dths_used, confidence, statistic and method; "standard" does not. */
  readonly type?: 'full' | 'standard';
  /** One or more confidence levels, 0.95 or 95 style; default 0.95. */
  readonly confidence?: number | readonly number[];
  /**
   * True when this group is one of several from a grouped call (R's `group_by`). It changes only the shape of a
   * suppressed group's rows: grouped, they look like computed rows (every column, `leAge` filter applied);
   * ungrouped, R returns early with just value/lowercl/uppercl for every row and keeps the deaths and
   * population columns. Default false.
   */
  readonly grouped?: boolean;
  /**
   * Check that the distinct startage values are exactly `ageContents` (default true). R runs this check on
   * the whole data: for grouped data call `lifeExpectancyValidate` once and pass false here.
   */
  readonly checkAgeBands?: boolean;
  /** Receives each warning R would give for this group, in R's wording (see `lifeExpectancyWarnings`). */
  readonly onWarning?: (message: string) => void;
  /** Told which check suppressed this group, if any, so the caller can place it as R does. */
  readonly onSuppressed?: (code: LifeExpectancySuppressionCode) => void;
}

/**
 * One output row. `row` is NOT an R column: it is the 0-based index of the input row the result belongs to,
 * so the caller can copy that row's other columns (R keeps every input column except deaths and population).
 * The other keys are R's columns in R's order: `value`, then the lower limit of every level, then the upper
 * limit of every level (`lowercl`/`uppercl` for one level, `lower95_0cl`, `lower99_8cl`, `upper95_0cl`,
 * `upper99_8cl` for two), then for type "full" `pops_used`, `dths_used`, `confidence`, `statistic`, `method`.
 */
export type LifeExpectancyRow = { readonly row: number; value: number } & Record<string, number | string>;

const BANDS = 20;
const METHOD = 'Chiang, using Silcocks et al for confidence limits';

function warningText(code: string): string {
  const found = lifeExpectancyWarnings.find((w) => w.code === code);
  return found ? found.message : code;
}

function sameBand(a: number | string, b: number | string): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b || (Number.isNaN(a) && Number.isNaN(b));
  const ta = typeof a === 'number' ? rNumberText(a) : a;
  const tb = typeof b === 'number' ? rNumberText(b) : b;
  return ta === tb;
}

/**
 * Life expectancy at each age band of ONE group, with confidence limits: an abridged life table (Chiang II)
 * with Silcocks' variance for the open final band, as R's `phe_life_expectancy`.
 *
 * Method: rows are sorted by the start age read from `startage` (stable). With band width n_i (2/M for the last
 * band), a_i = 0.1 for age 0 and 0.5 otherwise, M_i = deaths/population:
 * q_i = M n / (1 + M n (1 - a)) (1 when deaths exceed population / n / a), l_0 = 100,000, l_{i+1} = l_i (1 - q_i),
 * d_i = l_i - l_{i+1}, L_i = n (l_{i+1} + a d_i) and L_last = l/M, T_i = sum of L from i up, e_i = T_i / l_i.
 * Variance (Chiang, with Silcocks' term for the last band): s_i = q^2 (1 - q) / deaths, s_last = 4 / (deaths M^2);
 * W_i = s l^2 ((1 - a) n + e_{i+1})^2, W_last = (l/2)^2 s; SE_i = sqrt(sum of W from i up) / l_i; limits are
 * e ± z SE. A value whose 95% interval is wider than 20 years (1.96 SE > 10) is set to NaN while its limits
 * are kept. The group is suppressed (every value and limit NaN, with R's warning) by the first check it fails:
 * negative deaths; a population <= 0; not exactly 20 rows; deaths > population; total population <= 5,000.
 * Missing values (NaN) are not checked, as in R: they flow through the life table arithmetic.
 * Reference: Chiang CL (1968); Silcocks PBS, Jenner DA, Reza R (2001) J Epidemiol Community Health 55:38-43;
 * PHEindicatormethods 2.1 `phe_life_expectancy`.
 * Cost: O(n log n) for n rows (the sort), O(n) memory.
 *
 * @param deaths deaths in each age band
 * @param population population (person-years) in each age band
 * @param startage each band's age (number) or label (text, e.g. "10 – 14", "90 +"); NaN is missing
 * @param options see {@link LifeExpectancyOptions}
 * @returns rows in R's output order (by start age, filtered by `leAge`), each naming its input `row`
 * @throws StatsInputError LENGTH_MISMATCH, and the argument checks of `lifeExpectancyValidate`
 * @example
 * const rows = lifeExpectancy(deaths, pops, [0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90]);
 * rows[0].value; // life expectancy at birth, e.g. 80.1696
 */
export function lifeExpectancy(
  deaths: ArrayLike<number>,
  population: ArrayLike<number>,
  startage: ArrayLike<number | string>,
  options: LifeExpectancyOptions = {},
): LifeExpectancyRow[] {
  const n = startage.length;
  if (deaths.length !== n || population.length !== n) {
    throw new StatsInputError(
      'LENGTH_MISMATCH',
      `deaths (${deaths.length}), population (${population.length}) and startage (${n}) must have the same length`,
    );
  }
  const ageContents = options.ageContents ?? LIFE_EXPECTANCY_DEFAULT_AGE_CONTENTS;
  const levels = lifeExpectancyValidate(options.checkAgeBands === false ? null : startage, {
    ageContents,
    ...(options.confidence === undefined ? {} : { confidence: options.confidence }),
  });
  const full = (options.type ?? 'full') === 'full';
  const warn = options.onWarning;

  // Stable ascending sort on the start age read from each band; R's arrange() puts NA last.
  const age = new Float64Array(n);
  for (let i = 0; i < n; i++) age[i] = lifeExpectancyStartAge(startage[i] as number | string);
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((x, y) => {
    const a = age[x] as number;
    const b = age[y] as number;
    if (Number.isNaN(a)) return Number.isNaN(b) ? x - y : 1;
    if (Number.isNaN(b)) return -1;
    return a - b || x - y;
  });
  const D = new Float64Array(n);
  const P = new Float64Array(n);
  const A = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    D[k] = deaths[i] as number;
    P[k] = population[i] as number;
    A[k] = age[i] as number;
  }

  // Comparisons with NaN are false, which is what R's filter() does with NA: missing values never suppress.
  let suppressed: LifeExpectancySuppressionCode | null = null;
  let total = 0;
  let negativeDeaths = false;
  let nonPositivePop = false;
  let deathsOverPop = false;
  for (let k = 0; k < n; k++) {
    const d = D[k] as number;
    const p = P[k] as number;
    if (d < 0) negativeDeaths = true;
    if (p <= 0) nonPositivePop = true;
    if (d > p) deathsOverPop = true;
    total += p;
  }
  if (negativeDeaths) suppressed = 'NEGATIVE_DEATHS';
  else if (nonPositivePop) suppressed = 'NON_POSITIVE_POPULATION';
  else if (n !== BANDS) suppressed = 'WRONG_NUMBER_OF_AGEBANDS';
  else if (deathsOverPop) suppressed = 'DEATHS_GREATER_THAN_POPULATION';
  else if (total <= 5000) suppressed = 'TOTAL_POPULATION_TOO_SMALL';

  if (suppressed !== null) {
    warn?.(warningText(suppressed));
    options.onSuppressed?.(suppressed);
    if (!options.grouped) {
      // R's early return for ungrouped data: sorted rows, no le_age filter, no "full" columns.
      return order.map((i) => ({ row: i, value: Number.NaN, lowercl: Number.NaN, uppercl: Number.NaN }));
    }
  }

  const value = new Float64Array(n).fill(Number.NaN);
  const se = new Float64Array(n).fill(Number.NaN);
  // The 20-year rule always uses the 95% interval, whatever levels were asked for.
  const z95 = qnorm(0.975);
  if (suppressed === null) {
    lifeTable(D, P, A, value, se);
    let wide = false;
    for (let k = 0; k < n; k++) if (z95 * (se[k] as number) > 10) wide = true;
    if (wide) warn?.(warningText('WIDE_CONFIDENCE_INTERVAL'));
  }
  const z = levels.map((c) => qnorm(c + (1 - c) / 2));
  const names = ciColumnNames(levels);

  // pops_used / dths_used: sums over the band and all older bands. R accumulates in descending start-age order
  // (ties in data order, NA last) and joins back on the start age, so tied start ages multiply rows.
  const desc = Array.from({ length: n }, (_, k) => k);
  desc.sort((x, y) => {
    const a = A[x] as number;
    const b = A[y] as number;
    if (Number.isNaN(a)) return Number.isNaN(b) ? x - y : 1;
    if (Number.isNaN(b)) return -1;
    return b - a || x - y;
  });
  const popsUsed = new Float64Array(n);
  const dthsUsed = new Float64Array(n);
  let cumPop = 0;
  let cumDeaths = 0;
  for (const k of desc) {
    cumPop += P[k] as number;
    cumDeaths += D[k] as number;
    popsUsed[k] = cumPop;
    dthsUsed[k] = cumDeaths;
  }

  const leAge = options.leAge ?? 'all';
  const wanted: readonly (number | string)[] = Array.isArray(leAge) ? leAge : [leAge as number | string];
  let filter = !(wanted.length === 1 && wanted[0] === 'all');
  if (filter && !ageContents.some((band) => wanted.some((w) => sameBand(band, w)))) {
    warn?.(warningText('LE_AGE_NOT_IN_AGE_CONTENTS'));
    filter = false;
  }
  const confidence = full ? confidenceLabel(levels) : '';

  const rows: LifeExpectancyRow[] = [];
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    const band = startage[i] as number | string;
    if (filter && !wanted.some((w) => sameBand(band, w))) continue;
    const e = value[k] as number;
    const s = se[k] as number;
    const shown = e === Number.POSITIVE_INFINITY || z95 * s > 10 ? Number.NaN : e;
    for (let m = 0; m < n; m++) {
      const am = A[m] as number;
      const ak = A[k] as number;
      if (!(am === ak || (Number.isNaN(am) && Number.isNaN(ak)))) continue;
      const row: LifeExpectancyRow = { row: i, value: shown };
      for (let j = 0; j < names.length; j++)
        row[(names[j] as { lower: string }).lower] = e - (z[j] as number) * s;
      for (let j = 0; j < names.length; j++)
        row[(names[j] as { upper: string }).upper] = e + (z[j] as number) * s;
      if (full) {
        row['pops_used'] = popsUsed[m] as number;
        row['dths_used'] = dthsUsed[m] as number;
        row['confidence'] = confidence;
        row['statistic'] = `life expectancy at ${typeof band === 'number' ? rNumberText(band) : band}`;
        row['method'] = METHOD;
      }
      rows.push(row);
    }
  }
  return rows;
}

/**
 * Fills `value` (e_i, before any suppression) and `se` (its standard error) for bands already in age order.
 * Every step follows R's expressions operation for operation, including how R's case_when treats NA
 * conditions as false, so missing inputs give the same numbers (or NA) as R.
 */
function lifeTable(
  D: Float64Array,
  P: Float64Array,
  A: Float64Array,
  value: Float64Array,
  se: Float64Array,
): void {
  const n = D.length;
  const last = n - 1;
  const q = new Float64Array(n);
  const l = new Float64Array(n);
  const d = new Float64Array(n);
  const L = new Float64Array(n);
  const width = new Float64Array(n);
  const a = new Float64Array(n);
  const M = new Float64Array(n);

  let survivors = 1;
  for (let k = 0; k < n; k++) {
    const m = (D[k] as number) / (P[k] as number);
    M[k] = m;
    a[k] = A[k] === 0 ? 0.1 : 0.5;
    const gap = k < last ? (A[k + 1] as number) - (A[k] as number) : Number.NaN;
    width[k] = Number.isNaN(gap) ? 2 / m : gap;
    const w = width[k] as number;
    const ak = a[k] as number;
    q[k] = (D[k] as number) <= (P[k] as number) / w / ak ? (m * w) / (1 + m * w * (1 - ak)) : 1;
    // R: cumprod over (1e5, p_0, p_1, ...), so l_0 = 1e5 and l_k = l_{k-1} * p_{k-1}.
    survivors *= k === 0 ? 1e5 : 1 - (q[k - 1] as number);
    l[k] = survivors;
  }
  for (let k = 0; k < n; k++) {
    const next = k < last ? (l[k + 1] as number) : 0;
    d[k] = (l[k] as number) - next;
    L[k] =
      k < last
        ? (width[k] as number) * ((l[k + 1] as number) + (a[k] as number) * (d[k] as number))
        : (l[k] as number) / (M[k] as number);
  }
  let T = 0;
  for (let k = last; k >= 0; k--) {
    T += L[k] as number;
    const lk = l[k] as number;
    value[k] = lk === 0 ? 0 : T / lk;
  }
  let ST = 0;
  for (let k = last; k >= 0; k--) {
    const lk = l[k] as number;
    const qk = q[k] as number;
    let s = d[k] === 0 ? 0 : (qk * qk * (1 - qk)) / (D[k] as number);
    let W: number;
    if (k === last) {
      const m = M[k] as number;
      s = 4 / ((D[k] as number) * (m * m));
      const half = lk / 2;
      W = half * half * s;
    } else {
      const x = (1 - (a[k] as number)) * (width[k] as number) + (value[k + 1] as number);
      W = s * (lk * lk) * (x * x);
    }
    ST += W;
    se[k] = Math.sqrt(ST / (lk * lk));
  }
}
