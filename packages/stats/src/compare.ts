import { type ComparePolarity, comparePolarityCheck } from './compare-polarity.js';
import { compareQuantileBounds } from './compare-quantile-bounds.js';
import {
  type CompareOutcome,
  type CompareSignificance,
  compareSignificance,
  NOT_COMPARED,
} from './compare-significance.js';
import {
  singleConfidence,
  spcMultiplier,
  spcPoissonLower,
  spcPoissonUpper,
  spcProportionLimits,
  tailProbability,
} from './compare-spc-limits.js';
import { confidenceLabel } from './confidence.js';
import { qnorm } from './distributions/qnorm.js';
import { StatsInputError } from './errors.js';

/**
 * An area's (or a benchmark's) figures, named as PHEindicatormethods' result columns so that a row of
 * phe_proportion / phe_rate / phe_dsr output can be passed as it is. Missing values are NaN (or absent).
 */
export interface CompareInput {
  /** The indicator value. */
  readonly value: number;
  /** Confidence limits at the comparison's level (R's columns for a single confidence level). */
  readonly lowercl?: number;
  readonly uppercl?: number;
  /** 95% limits (R's columns when confidence = c(0.95, 0.998)); preferred over lowercl/uppercl at 95%. */
  readonly lower95_0cl?: number;
  readonly upper95_0cl?: number;
  /** 99.8% limits; preferred over lowercl/uppercl at 99.8%. */
  readonly lower99_8cl?: number;
  readonly upper99_8cl?: number;
  /**
   * The area's denominator, used by the SPC methods: the number of people for a proportion, the population
   * (Fingertips' Denominator2, R's total_pop) for a DSR.
   */
  readonly denominator?: number;
}

/**
 * Fingertips' comparator methods:
 * - 'single-ci': the benchmark's value against the area's confidence interval (ComparatorMethodId 1).
 * - 'single-ci-both-levels': the same against both the 95% and 99.8% intervals, five outcomes (id 17).
 * - 'double-ci': the area's interval against the benchmark's interval (id 12).
 * - 'spc-proportion': the area's value against Wilson control limits around the benchmark (id 5).
 * - 'spc-dsr': the area's value against exact Poisson control limits around the benchmark (id 6).
 * - 'quartiles' / 'quintiles': the area's position within a set of values (ids 16, 15).
 * - 'none': no comparison (id -1).
 */
export type CompareMethod =
  | 'single-ci'
  | 'single-ci-both-levels'
  | 'double-ci'
  | 'spc-proportion'
  | 'spc-dsr'
  | 'quartiles'
  | 'quintiles'
  | 'none';

/** Options for {@link compare}. */
export interface CompareOptions {
  readonly method: CompareMethod;
  readonly polarity: ComparePolarity;
  /**
   * One confidence level (0.95 / 95 default, or 0.998 / 99.8) for 'single-ci', 'double-ci' and the SPC
   * methods. 'single-ci-both-levels' always uses 95% and 99.8%; the quantile methods use none.
   */
  readonly confidence?: number;
  /** SPC methods: the unit the values are per (100 for percentages). Default 1 for proportions, 100000 for DSRs. */
  readonly multiplier?: number;
  /** Quantile methods: the values of every area in the comparison set (NaN ignored). */
  readonly values?: ArrayLike<number>;
  /** Quantile methods: bounds from {@link compareQuantileBounds}, instead of `values`, to save re-sorting. */
  readonly bounds?: readonly number[];
}

/**
 * The result of {@link compare} and {@link compareToTarget}. Column order: significance, significance_code,
 * method, confidence.
 */
export interface CompareResult {
  /** The outcome label; see {@link CompareSignificance}. */
  readonly significance: CompareSignificance;
  /**
   * Fingertips' stored number: the Significance enum (None 0, Worse 1, Same 2, Better 3, Worst 4, Best 5,
   * after the polarity is applied; for 'no-judgement' 1 is Lower and 3 Higher) or, for the quantile methods,
   * the category, 1 (lowest values) to 4 or 5, 0 when not compared.
   */
  readonly significance_code: number;
  /** The method's name. */
  readonly method: string;
  /** The confidence level(s) used, e.g. "95%" or "95%, 99.8%"; '' for methods without one. */
  readonly confidence: string;
}

const METHOD_NAMES: Readonly<Record<CompareMethod, string>> = {
  'single-ci': 'Single overlapping confidence intervals',
  'single-ci-both-levels': 'Single overlapping confidence intervals at 95% and 99.8%',
  'double-ci': 'Double overlapping confidence intervals',
  'spc-proportion': 'SPC for proportions',
  'spc-dsr': 'SPC for DSRs',
  quartiles: 'Quartiles',
  quintiles: 'Quintiles',
  none: 'No comparison',
};

const QUINTILE_LABELS: Readonly<Record<ComparePolarity, readonly CompareSignificance[]>> = {
  'high-is-good': ['Worst', 'Worse', 'Middle', 'Better', 'Best'],
  'low-is-good': ['Best', 'Better', 'Middle', 'Worse', 'Worst'],
  'no-judgement': ['Lowest', 'Low', 'Middle', 'High', 'Highest'],
};

const QUARTILE_LABELS: Readonly<Record<ComparePolarity, readonly CompareSignificance[]>> = {
  'high-is-good': ['Worst', 'Worse', 'Better', 'Best'],
  'low-is-good': ['Best', 'Better', 'Worse', 'Worst'],
  'no-judgement': ['Lowest', 'Low', 'High', 'Highest'],
};

/** Reads a numeric field that may be absent; absent and non-numbers read as NaN. */
function field(input: CompareInput, key: string): number | undefined {
  const v = (input as unknown as Record<string, unknown>)[key];
  return typeof v === 'number' ? v : undefined;
}

// R's column names for each level's limits, built once per level (string work dominates a comparison).
const limitKeys = new Map<number, readonly [string, string]>([
  [0.95, ['lower95_0cl', 'upper95_0cl']],
  [0.998, ['lower99_8cl', 'upper99_8cl']],
]);

function keysFor(level: number): readonly [string, string] {
  let keys = limitKeys.get(level);
  if (keys === undefined) {
    const tag = (level * 100).toFixed(1).replace('.', '_');
    keys = [`lower${tag}cl`, `upper${tag}cl`];
    if (limitKeys.size < 64) limitKeys.set(level, keys);
  }
  return keys;
}

/**
 * The area's confidence limits at `level`: the level's own R columns (lower95_0cl / lower99_8cl ...) when the
 * input has them, otherwise lowercl / uppercl. Writes them into `out` to avoid allocating.
 *
 * @example
 * const out: [number, number] = [0, 0];
 * compareLimitsAt({ value: 10, lowercl: 8, uppercl: 12 }, 0.95, out); // out is [8, 12]
 */
export function compareLimitsAt(input: CompareInput, level: number, out: [number, number]): void {
  const keys = keysFor(level);
  const lo = field(input, keys[0]);
  const hi = field(input, keys[1]);
  if (lo !== undefined || hi !== undefined) {
    out[0] = lo ?? Number.NaN;
    out[1] = hi ?? Number.NaN;
  } else {
    out[0] = input.lowercl ?? Number.NaN;
    out[1] = input.uppercl ?? Number.NaN;
  }
}

/** Fingertips' GetSignificanceFromSDs as a direction: above the upper limit +1, below the lower -1. */
function directionFromLimits(x: number, lower: number, upper: number): number {
  // Fingertips would call NaN limits "Same"; they arise only from an impossible benchmark (a proportion
  // outside 0..1 for the multiplier given), so they are reported as not compared instead.
  if (Number.isNaN(lower) || Number.isNaN(upper)) return Number.NaN;
  if (upper < x) return 1;
  if (lower > x) return -1;
  return 0;
}

function isCiValid(limits: readonly [number, number]): boolean {
  return !Number.isNaN(limits[0]) && !Number.isNaN(limits[1]);
}

interface LevelInfo {
  readonly level: number;
  readonly label: string;
}

// Parsed confidence arguments, by the number given (undefined meaning the 95% default).
const levelCache = new Map<number | undefined, LevelInfo>();

function levelInfo(confidence: number | undefined): LevelInfo {
  let info = levelCache.get(confidence);
  if (info === undefined) {
    const level = singleConfidence(confidence);
    info = { level, label: confidenceLabel([level]) };
    if (levelCache.size < 64) levelCache.set(confidence, info);
  }
  return info;
}

const BOTH_LEVELS_LABEL = confidenceLabel([0.95, 0.998]);

const areaLimits: [number, number] = [Number.NaN, Number.NaN];
const benchLimits: [number, number] = [Number.NaN, Number.NaN];
const areaLimits998: [number, number] = [Number.NaN, Number.NaN];

function quantileOutcome(area: CompareInput, options: CompareOptions, groups: number): CompareOutcome {
  let bounds: readonly number[];
  if (options.bounds !== undefined) {
    bounds = options.bounds;
    if (bounds.length !== 0 && bounds.length !== groups + 1) {
      throw new StatsInputError(
        'INVALID_QUANTILE_BOUNDS',
        `bounds must hold ${groups + 1} values (from compareQuantileBounds) or none`,
      );
    }
  } else if (options.values !== undefined) {
    bounds = compareQuantileBounds(options.values, groups);
  } else {
    throw new StatsInputError(
      'MISSING_QUANTILE_VALUES',
      'the quartile and quintile methods need options.values (or options.bounds)',
    );
  }
  if (bounds.length === 0 || Number.isNaN(area.value)) return NOT_COMPARED;
  for (let category = 1; category <= groups; category++) {
    if (area.value <= (bounds[category] as number)) {
      const labels = groups === 5 ? QUINTILE_LABELS : QUARTILE_LABELS;
      return {
        significance: labels[options.polarity][category - 1] as CompareSignificance,
        significance_code: category,
      };
    }
  }
  throw new StatsInputError(
    'VALUE_OUTSIDE_QUANTILE_BOUNDS',
    `Value does not fall within expected boundaries: ${area.value} is above the largest of the values compared`,
  );
}

/**
 * Compares an area's value with a benchmark's (England, a region...) by one of Fingertips' comparator methods
 * and labels the result by the indicator's polarity.
 *
 * Method (Fingertips' comparers; a missing area or benchmark value always gives 'Not compared'):
 * - 'single-ci': Similar when the benchmark's value lies within the area's interval (limits inclusive),
 *   otherwise higher or lower as the area's value is above or below the benchmark's. Needs both area limits.
 * - 'single-ci-both-levels': as 'single-ci' with the 95% interval; outside it, "(95%)" when the benchmark is
 *   within the 99.8% interval (limits inclusive) and "(99.8%)" beyond it. Needs all four limits.
 * - 'double-ci': Similar when the two intervals overlap (touching counts), otherwise higher / lower. Needs
 *   both sets of limits.
 * - 'spc-proportion' / 'spc-dsr': higher when the area's value is above the upper control limit of
 *   {@link compareSpcLimits}, lower when below the lower one (strictly). Needs the area's denominator > 0.
 * - 'quartiles' / 'quintiles': the first group k whose upper bound (from {@link compareQuantileBounds}) the
 *   value does not exceed; at least 4 (quartiles) or 5 (quintiles) values are needed.
 * Polarity: 'low-is-good' swaps Better and Worse; 'no-judgement' says Higher / Lower (Fingertips' blue
 * polarity). Limits are read from the level's own columns (lower95_0cl ...) when present, else lowercl/uppercl.
 * Reference: PholioVisualisationWS/Analysis/ SingleOverlappingCIsComparer.cs,
 * SingleOverlappingCIsForTwoCILevelsComparer.cs, DoubleOverlappingCIsComparer.cs, SpcForProportionsComparer.cs,
 * SpcForDsrComparer.cs, QuartilesComparer.cs, QuintilesComparer.cs, IndicatorComparer.cs (fingertips-open, MIT).
 * Cost: O(1); O(n log n) for the quantile methods given `values` (O(1) given `bounds`); 'spc-dsr' a few
 * incomplete-gamma evaluations.
 *
 * @param area the area's figures
 * @param benchmark the benchmark's figures (its value; its limits for 'double-ci'); may be null for the
 *   quantile methods and 'none'
 * @param options see {@link CompareOptions}
 * @returns the significance, Fingertips' code, the method name and the confidence text
 * @throws StatsInputError codes INVALID_METHOD, INVALID_POLARITY, INVALID_MULTIPLIER, MISSING_QUANTILE_VALUES,
 *   INVALID_QUANTILE_BOUNDS, VALUE_OUTSIDE_QUANTILE_BOUNDS, and normaliseConfidence's codes
 * @example
 * compare({ value: 3.3, lowercl: 3.2, uppercl: 3.5 }, { value: 3.0 }, { method: 'single-ci', polarity: 'low-is-good' });
 * // { significance: 'Worse', significance_code: 1, method: 'Single overlapping confidence intervals', confidence: '95%' }
 */
export function compare(
  area: CompareInput,
  benchmark: CompareInput | null | undefined,
  options: CompareOptions,
): CompareResult {
  const { method, polarity } = options;
  const name = METHOD_NAMES[method];
  if (typeof name !== 'string' || !Object.hasOwn(METHOD_NAMES, method)) {
    throw new StatsInputError(
      'INVALID_METHOD',
      `method must be one of ${Object.keys(METHOD_NAMES).join(', ')}, not '${String(method)}'`,
    );
  }
  comparePolarityCheck(polarity);

  if (method === 'none') return { ...NOT_COMPARED, method: name, confidence: '' };
  if (method === 'quartiles' || method === 'quintiles') {
    const outcome = quantileOutcome(area, options, method === 'quintiles' ? 5 : 4);
    return {
      significance: outcome.significance,
      significance_code: outcome.significance_code,
      method: name,
      confidence: '',
    };
  }

  const bothLevels = method === 'single-ci-both-levels';
  const info = bothLevels ? undefined : levelInfo(options.confidence);
  const level = info === undefined ? 0.95 : info.level;
  const confidence = info === undefined ? BOTH_LEVELS_LABEL : info.label;
  const multiplier =
    method === 'spc-proportion' || method === 'spc-dsr' ? spcMultiplier(method, options.multiplier) : 1;

  if (benchmark == null || Number.isNaN(area.value) || Number.isNaN(benchmark.value)) {
    return { significance: NOT_COMPARED.significance, significance_code: 0, method: name, confidence };
  }
  const b = benchmark.value;
  let direction = Number.NaN;

  if (method === 'single-ci' || bothLevels) {
    compareLimitsAt(area, level, areaLimits);
    if (bothLevels) compareLimitsAt(area, 0.998, areaLimits998);
    if (isCiValid(areaLimits) && (!bothLevels || isCiValid(areaLimits998))) {
      if (b >= areaLimits[0] && b <= areaLimits[1]) direction = 0;
      else if (bothLevels && b <= areaLimits[0] && b >= areaLimits998[0]) direction = 1;
      else if (bothLevels && b <= areaLimits998[1] && b >= areaLimits[1]) direction = -1;
      else if (area.value < b) direction = bothLevels ? -2 : -1;
      else direction = bothLevels ? 2 : 1;
    }
  } else if (method === 'double-ci') {
    compareLimitsAt(area, level, areaLimits);
    compareLimitsAt(benchmark, level, benchLimits);
    if (isCiValid(areaLimits) && isCiValid(benchLimits)) {
      const overlap = b < area.value ? areaLimits[0] <= benchLimits[1] : benchLimits[0] <= areaLimits[1];
      if (overlap) direction = 0;
      else direction = area.value < b ? -1 : 1;
    }
  } else {
    const n = area.denominator ?? Number.NaN;
    if (n > 0) {
      if (method === 'spc-proportion') {
        const limits = spcProportionLimits(b / multiplier, n, qnorm(1 - tailProbability(level)));
        direction = directionFromLimits(area.value / multiplier, limits.lower, limits.upper);
      } else {
        const p = tailProbability(level);
        const expected = b * (n / multiplier);
        const lower = (spcPoissonLower(expected, p) / n) * multiplier;
        const upper = (spcPoissonUpper(expected, p) / n) * multiplier;
        direction = directionFromLimits(area.value, lower, upper);
      }
    }
  }
  const outcome = compareSignificance(direction, polarity, bothLevels);
  return {
    significance: outcome.significance,
    significance_code: outcome.significance_code,
    method: name,
    confidence,
  };
}
