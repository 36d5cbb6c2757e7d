import type { NormalPolar } from './random/normal-polar.js';

/** Inputs of {@link siiSimulation}; all arrays have one element per quantile, in quantile order. */
export interface SiiSimulationInput {
  /** Mean of each quantile's sampling distribution (on the log / logit scale for rates / proportions). */
  readonly mean: Float64Array;
  /** Standard error of each quantile's value, on the same scale as `mean`. */
  readonly sd: Float64Array;
  /** Intercept weights from {@link siiDesign}. */
  readonly w0: Float64Array;
  /** Slope weights from {@link siiDesign}. */
  readonly w1: Float64Array;
  /** Map applied to each draw before the regression: 0 none, 1 exp (rates), 2 inverse logit (proportions). */
  readonly backTransform: 0 | 1 | 2;
  /** Number of simulated regressions. */
  readonly draws: number;
  /** Whether the fitted intercepts are needed too (for the RII). */
  readonly withIntercept: boolean;
  /** Source of N(0, 1) variates. */
  readonly normal: NormalPolar;
}

/** Simulated fitted slopes and (when asked for) intercepts, one per draw. */
export interface SiiSimulationResult {
  readonly slope: Float64Array;
  readonly intercept: Float64Array | null;
}

/**
 * Monte Carlo distribution of the SII regression: each draw samples every quantile's value from
 * N(mean_i, sd_i), back-transforms it, and refits the weighted regression.
 *
 * Method: R's SimulationFunc: `rnorm(draws * n, mean, se)` laid out one repetition per column, optional
 * exp / inverse-logit, then the least-squares map. Draws are made repetition by repetition, quantile by
 * quantile; the fit uses the precomputed linear weights, so a draw costs O(n) with no allocation.
 * Reference: PHEindicatormethods R/utils.R, SimulationFunc (2.1).
 * Cost: O(draws * n) time; memory one or two Float64Arrays of `draws` doubles.
 *
 * @param input see {@link SiiSimulationInput}
 * @returns the simulated slopes and intercepts
 * @example
 * const normal = new NormalPolar(Xoshiro128ss.fromSeed(1));
 * const d = siiDesign([10, 10, 10, 10, 10]);
 * siiSimulation({ mean: Float64Array.of(1, 2, 3, 4, 5), sd: new Float64Array(5).fill(0.1), w0: d.w0, w1: d.w1,
 *   backTransform: 0, draws: 1000, withIntercept: false, normal }).slope.length; // 1000
 */
export function siiSimulation(input: SiiSimulationInput): SiiSimulationResult {
  const { mean, sd, w0, w1, backTransform, draws, withIntercept, normal } = input;
  const n = mean.length;
  const slope = new Float64Array(draws);
  const intercept = withIntercept ? new Float64Array(draws) : null;
  for (let r = 0; r < draws; r++) {
    let s0 = 0;
    let s1 = 0;
    for (let i = 0; i < n; i++) {
      let y = (mean[i] as number) + (sd[i] as number) * normal.next();
      if (backTransform === 1) y = Math.exp(y);
      else if (backTransform === 2) {
        const e = Math.exp(y);
        y = e / (1 + e);
      }
      s1 += (w1[i] as number) * y;
      if (intercept) s0 += (w0[i] as number) * y;
    }
    slope[r] = s1;
    if (intercept) intercept[r] = s0;
  }
  return { slope, intercept };
}
