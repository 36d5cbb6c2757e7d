import { confidenceLabel } from './confidence.js';
import { qnorm } from './distributions/qnorm.js';
import { StatsInputError } from './errors.js';
import { rAsCharacter } from './r-as-character.js';
import { rRound } from './r-round.js';
import { NormalPolar } from './random/normal-polar.js';
import { Xoshiro128ss } from './random/xoshiro128ss.js';
import { siiConfidenceTag } from './sii-confidence.js';
import { siiDesign } from './sii-design.js';
import { siiOrder } from './sii-order.js';
import { siiSimulation } from './sii-simulation.js';
import { siiValidate } from './sii-validate.js';

/**
 * One group's quantile rows for {@link sii}. All arrays have one element per row, in any order (rows are
 * ordered by quantile, as R arranges them). Give `value` (or, for proportions, `x`), and either `se` or both
 * `lowerCl` and `upperCl` (95% limits of the value).
 */
export interface SiiInput {
  /** Quantile label of each row (e.g. decile 1-10), 1 = least advantaged; numbers sort numerically, text by code point. */
  readonly quantile: ArrayLike<number> | readonly string[];
  /** Population (denominator) of each quantile; all must be > 0. */
  readonly population: ArrayLike<number>;
  /** Indicator value of each quantile. */
  readonly value?: ArrayLike<number>;
  /** Numerator of each quantile, used as x / population when `value` is absent and valueType is 2. */
  readonly x?: ArrayLike<number>;
  /** Standard error of each value; used instead of the confidence limits when given. */
  readonly se?: ArrayLike<number>;
  /** Lower 95% confidence limit of each value. */
  readonly lowerCl?: ArrayLike<number>;
  /** Upper 95% confidence limit of each value. */
  readonly upperCl?: ArrayLike<number>;
}

/** Options of {@link sii}, named after phe_sii's arguments. */
export interface SiiOptions {
  /** 0 other (default), 1 rate, 2 proportion (R's value_type). */
  readonly valueType?: 0 | 1 | 2;
  /** Fit on the log (rate) or logit (proportion) scale and transform the results back (default false). */
  readonly transform?: boolean;
  /** Factor applied to the SII and its limits; negative inverts the RII (default 1). */
  readonly multiplier?: number;
  /** Simulated regressions for the confidence limits, at least 1000 (default 100000). */
  readonly repetitions?: number;
  /** Level(s), 0.95 or 95 style, any number of them (default 0.95). */
  readonly confidence?: number | readonly number[];
  /** Also return the relative index of inequality (default false). */
  readonly rii?: boolean;
  /** Also return the fitted value at rank 0 (default false). */
  readonly intercept?: boolean;
  /** Simulate 10 times and return the mean absolute difference of the later limits from the first (default false). */
  readonly reliabilityStat?: boolean;
  /** "full" (default) adds indicator_type, multiplier, transform, CI_confidence, CI_method. */
  readonly type?: 'full' | 'standard';
  /** Seed of the simulation; the same seed gives the same limits. Default: a random seed per call. */
  readonly seed?: number;
  /**
   * Number of distinct quantiles across all groups of the call (R counts them over the whole data frame). A group
   * with fewer is dropped: {@link sii} returns null and warns. Default: the distinct quantiles in this group.
   */
  readonly quantileCount?: number;
  /** Receives R's warnings, in R's wording. */
  readonly onWarning?: (message: string) => void;
}

/**
 * One group's result, keys in R's column order: `sii`, `rii`?, the limits, the reliability columns?,
 * `intercept`?, then for type "full" `indicator_type`, `multiplier`, `transform`, `CI_confidence`, `CI_method`.
 * Limits without transform: `sii_lower<L>cl`, `sii_upper<L>cl` for each level, then `rii_lower<L>cl`,
 * `rii_upper<L>cl` for each level. With transform (R's own naming, no "cl"): for each level `sii_lower<L>`,
 * `sii_upper<L>`, `rii_lower<L>`, `rii_upper<L>`. `<L>` is the level as "95_0", "99_8". Reliability:
 * `sii_mad<L>` and `rii_mad<L>` for each level.
 */
export type SiiResult = { sii: number } & Record<string, number | string>;

const Z975 = qnorm(0.975);

/** The 1-based `pos`-th value of a sorted block (NaN sorts last, so it is only reached when R has no value). */
function pick(values: Float64Array, block: number, length: number, pos: number): number {
  const v = values[block * length + pos - 1];
  return v === undefined ? Number.NaN : v;
}

/** Sorts each block of `length` draws in place (R's `apply(results, 2, sort)`). */
function sortBlocks(values: Float64Array, blocks: number, length: number): void {
  for (let k = 0; k < blocks; k++) values.subarray(k * length, (k + 1) * length).sort();
}

function logistic(t: number): number {
  const e = Math.exp(t);
  return e / (1 + e);
}

/**
 * Slope index of inequality (SII) and, optionally, relative index of inequality (RII) for one group of quantile
 * rows, with confidence limits by simulation.
 *
 * Method: phe_sii. Quantile populations give shares a_i and relative ranks b_i (midpoints of the cumulative
 * population); the values are regressed on the ranks by weighted least squares (weights a_i). SII = slope ×
 * multiplier, RII = (intercept + slope) / intercept (inverted when the multiplier is negative). Rates and
 * proportions are handled on the log / logit scale: without `transform` only the sampling is on that scale;
 * with `transform` the fit is too and SII = (f(c0 + c1) − f(c0)) × multiplier, RII = f(c0 + c1) / f(c0), with f
 * = exp or inverse logit. Standard errors come from `se` or from the 95% limits, (U − L) / (2 × 1.959964) on the
 * transformed scale. Limits: `repetitions` regressions on values drawn from N(value_i, se_i); the limits are the
 * round(R × (1 − c′)) and round(R × c′)-th ordered slopes (c′ = c + (1 − c)/2), mapped back as R does. The
 * random stream (xoshiro128** + Marsaglia polar) cannot reproduce R's rnorm, so limits agree with R only to
 * simulation error; the same `seed` gives identical results.
 * Errors and warnings are R's, in R's order (see docs/methods/sii.md).
 * Reference: Low A & Low A (2004), J Public Health 26:388-395; PHEindicatormethods 2.1 phe_sii
 * (R/SII_function.R, R/utils.R).
 * Cost: O(repetitions × n) time for n quantiles (× 10 with reliabilityStat), O(repetitions) memory plus a sort.
 *
 * @param input one group's rows, see {@link SiiInput}
 * @param options see {@link SiiOptions}
 * @returns the result row, or null when R would drop the group (fewer quantiles than `quantileCount`)
 * @throws StatsInputError with R's message, e.g. INVALID_POPULATION, INVALID_STANDARD_ERROR,
 *   MISSING_CONFIDENCE_LIMITS, INVALID_PROPORTION, INVALID_COUNT, WRONG_NUMBER_OF_QUANTILES,
 *   TOO_FEW_REPETITIONS, CONFIDENCE_OUT_OF_RANGE
 * @example
 * sii(
 *   { quantile: [1, 2, 3, 4, 5], population: [100, 120, 90, 110, 100], value: [70, 72, 75, 77, 80],
 *     se: [1, 1, 1, 1, 1] },
 *   { repetitions: 10000, rii: true, seed: 1, type: 'standard' },
 * ); // { sii: 12.455…, rii: 1.1818…, sii_lower95_0cl: 9.39…, sii_upper95_0cl: 15.5…, rii_lower95_0cl: 1.13…, rii_upper95_0cl: 1.23… }
 */
export function sii(input: SiiInput, options: SiiOptions = {}): SiiResult | null {
  const valueType = options.valueType ?? 0;
  const transform = options.transform ?? false;
  const multiplier = options.multiplier ?? 1;
  const repetitions = options.repetitions ?? 100000;
  const wantRii = options.rii ?? false;
  const wantIntercept = options.intercept ?? false;
  const reliability = options.reliabilityStat ?? false;
  const levels = siiValidate(input, {
    valueType,
    transform,
    multiplier,
    repetitions,
    confidence: options.confidence ?? 0.95,
  });

  const order = siiOrder(input.quantile, input.population.length, options.quantileCount, options.onWarning);
  if (order === null) return null;
  const n = order.length;
  if (!input.value && valueType !== 2) {
    // R fails here ("Column `value` not found"): x is only used for proportions.
    throw new StatsInputError(
      'MISSING_VALUE_FIELD',
      'function phe_sii requires value field, or x field if indicator is a proportion of population',
    );
  }

  // Values, limits and standard errors in quantile order, on the log / logit scale for rates / proportions.
  const population = new Float64Array(n);
  const mean = new Float64Array(n);
  const sd = new Float64Array(n);
  const fitted = new Float64Array(n);
  const scale = (v: number): number =>
    valueType === 1 ? Math.log(v) : valueType === 2 ? Math.log(v / (1 - v)) : v;
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    const pop = input.population[i] as number;
    population[k] = pop;
    const raw = input.value ? (input.value[i] as number) : (input.x?.[i] as number) / pop;
    if (Number.isNaN(raw)) {
      throw new StatsInputError(
        'MISSING_VALUE',
        'missing indicator values in input dataset: SII cannot be calculated (R stops in lm)',
        i,
      );
    }
    const v = scale(raw);
    mean[k] = v;
    let se: number;
    if (input.se) se = input.se[i] as number;
    else {
      se = (scale(input.upperCl?.[i] as number) - scale(input.lowerCl?.[i] as number)) / Z975 / 2;
      if (!(se >= 0 && Number.isFinite(se))) {
        throw new StatsInputError(
          'INVALID_CONFIDENCE_LIMITS',
          'confidence limits give a negative or non-finite standard error: SII cannot be calculated',
          i,
        );
      }
    }
    if (!Number.isFinite(se)) {
      throw new StatsInputError(
        'INVALID_STANDARD_ERROR',
        'negative or missing standard errors in input dataset',
        i,
      );
    }
    sd[k] = se;
    const y = transform ? v : valueType === 1 ? Math.exp(v) : valueType === 2 ? logistic(v) : v;
    if (!Number.isFinite(y)) {
      throw new StatsInputError(
        'INVALID_VALUE',
        'indicator values give non-finite regression values (e.g. a rate of 0 with transform, or a proportion of 1): SII cannot be calculated',
        i,
      );
    }
    fitted[k] = y;
  }

  const design = siiDesign(population);
  let c0 = 0;
  let c1 = 0;
  for (let k = 0; k < n; k++) {
    c0 += (design.w0[k] as number) * (fitted[k] as number);
    c1 += (design.w1[k] as number) * (fitted[k] as number);
  }

  const blocks = reliability ? 10 : 1;
  const normal = new NormalPolar(Xoshiro128ss.fromSeed(options.seed));
  // With transform the RII limits are derived from the SII limits, so the simulated intercepts are not needed.
  const simulatedRii = wantRii && !transform;
  const sim = siiSimulation({
    mean,
    sd,
    w0: design.w0,
    w1: design.w1,
    backTransform: transform ? 0 : valueType,
    draws: repetitions * blocks,
    withIntercept: simulatedRii,
    normal,
  });
  const siiDraws = sim.slope;
  let riiDraws: Float64Array | null = null;
  if (simulatedRii && sim.intercept) {
    riiDraws = new Float64Array(siiDraws.length);
    for (let r = 0; r < siiDraws.length; r++) {
      const i0 = sim.intercept[r] as number;
      const ratio = ((siiDraws[r] as number) + i0) / i0;
      riiDraws[r] = multiplier < 0 ? 1 / ratio : ratio;
    }
  }
  if (!transform)
    for (let r = 0; r < siiDraws.length; r++) siiDraws[r] = (siiDraws[r] as number) * multiplier;
  sortBlocks(siiDraws, blocks, repetitions);
  if (riiDraws) sortBlocks(riiDraws, blocks, repetitions);

  const positions = levels.map((c) => {
    const cv = c + (1 - c) / 2;
    const lower = rRound(repetitions * (1 - cv));
    const upper = rRound(repetitions * cv);
    if (lower < 1) {
      throw new StatsInputError(
        'TOO_FEW_REPETITIONS_FOR_CONFIDENCE',
        `${repetitions} repetitions are too few for a ${c * 100}% confidence interval (R fails here)`,
      );
    }
    return { lower, upper };
  });

  // limits[block][level] = [siiLower, siiUpper, riiLower, riiUpper]
  const limits: number[][][] = [];
  const xHalf = (c0 + (c0 + c1)) / 2;
  for (let blk = 0; blk < blocks; blk++) {
    const perLevel: number[][] = [];
    for (const pos of positions) {
      const sl = pick(siiDraws, blk, repetitions, pos.lower);
      const su = pick(siiDraws, blk, repetitions, pos.upper);
      if (!transform) {
        const rl = riiDraws ? pick(riiDraws, blk, repetitions, pos.lower) : Number.NaN;
        const ru = riiDraws ? pick(riiDraws, blk, repetitions, pos.upper) : Number.NaN;
        perLevel.push([sl, su, rl, ru]);
        continue;
      }
      const f = valueType === 1 ? Math.exp : logistic;
      const interceptLcl = f(xHalf - sl / 2);
      const interceptUcl = f(xHalf - su / 2);
      const x1Lcl = f(xHalf + sl / 2);
      const x1Ucl = f(xHalf + su / 2);
      // R swaps the limits for rates when multiplier < 1 but for proportions only when multiplier < 0.
      const swap = valueType === 1 ? multiplier < 1 : multiplier < 0;
      if (swap) {
        perLevel.push([
          (x1Ucl - interceptUcl) * multiplier,
          (x1Lcl - interceptLcl) * multiplier,
          1 / (x1Ucl / interceptUcl),
          1 / (x1Lcl / interceptLcl),
        ]);
      } else {
        perLevel.push([
          (x1Lcl - interceptLcl) * multiplier,
          (x1Ucl - interceptUcl) * multiplier,
          x1Lcl / interceptLcl,
          x1Ucl / interceptUcl,
        ]);
      }
    }
    limits.push(perLevel);
  }

  let siiValue: number;
  let riiValue: number;
  let interceptValue: number;
  if (!transform) {
    siiValue = multiplier * c1;
    const ratio = (c0 + c1) / c0;
    riiValue = multiplier < 0 ? 1 / ratio : ratio;
    interceptValue = c0;
  } else {
    const f = valueType === 1 ? Math.exp : logistic;
    const atZero = f(c0);
    const atOne = f(c0 + c1);
    siiValue = (atOne - atZero) * multiplier;
    riiValue = multiplier < 0 ? 1 / (atOne / atZero) : atOne / atZero;
    interceptValue = atZero * Math.abs(multiplier);
  }

  const out: Record<string, number | string> = { sii: siiValue };
  if (wantRii) out['rii'] = riiValue;
  const first = limits[0] as number[][];
  const tags = levels.map(siiConfidenceTag);
  if (!transform) {
    tags.forEach((tag, j) => {
      out[`sii_lower${tag}cl`] = (first[j] as number[])[0] as number;
      out[`sii_upper${tag}cl`] = (first[j] as number[])[1] as number;
    });
    if (wantRii) {
      tags.forEach((tag, j) => {
        out[`rii_lower${tag}cl`] = (first[j] as number[])[2] as number;
        out[`rii_upper${tag}cl`] = (first[j] as number[])[3] as number;
      });
    }
  } else {
    tags.forEach((tag, j) => {
      const l = first[j] as number[];
      out[`sii_lower${tag}`] = l[0] as number;
      out[`sii_upper${tag}`] = l[1] as number;
      if (wantRii) {
        out[`rii_lower${tag}`] = l[2] as number;
        out[`rii_upper${tag}`] = l[3] as number;
      }
    });
  }
  if (reliability) {
    tags.forEach((tag, j) => {
      out[`sii_mad${tag}`] = meanAbsoluteDifference(limits, j, 0);
      if (wantRii) out[`rii_mad${tag}`] = meanAbsoluteDifference(limits, j, 2);
    });
  }
  if (wantIntercept) out['intercept'] = interceptValue;
  if ((options.type ?? 'full') === 'full') {
    out['indicator_type'] = valueType === 0 ? 'normal' : valueType === 1 ? 'rate' : 'proportion';
    out['multiplier'] = multiplier;
    out['transform'] = transform ? (valueType === 1 ? 'log' : 'logit') : 'none';
    out['CI_confidence'] = confidenceLabel(levels);
    out['CI_method'] = `simulation ${rAsCharacter(repetitions)} reps`;
  }
  return out as SiiResult;
}

/** R's calc_reliability: mean |limit_b − limit_1| over blocks 2-10 and both limits (18 differences). */
function meanAbsoluteDifference(limits: number[][][], level: number, offset: number): number {
  const base = (limits[0] as number[][])[level] as number[];
  let sum = 0;
  let count = 0;
  for (let blk = 1; blk < limits.length; blk++) {
    const l = (limits[blk] as number[][])[level] as number[];
    sum += Math.abs((l[offset] as number) - (base[offset] as number));
    sum += Math.abs((l[offset + 1] as number) - (base[offset + 1] as number));
    count += 2;
  }
  return sum / count;
}
