/** The weighted least-squares design of phe_sii for one group, quantiles in order. */
export interface SiiDesign {
  /** Population share of each quantile, a_i = population_i / total. */
  readonly a: Float64Array;
  /** Relative rank of each quantile: the midpoint of its band of the cumulative population share. */
  readonly b: Float64Array;
  /** Intercept weights: the fitted value at rank 0 is sum(w0_i * y_i). */
  readonly w0: Float64Array;
  /** Slope weights: the SII (before any multiplier) is sum(w1_i * y_i). */
  readonly w1: Float64Array;
}

/**
 * The design of the SII regression for one group: population shares, relative ranks and the linear weights
 * that map quantile values to the fitted intercept and slope.
 *
 * Method: a_i = p_i / sum(p); b_i = a_i / 2 + (a_1 + ... + a_{i-1}) (R's internal FindXValues). phe_sii fits
 * `lm(sqrt(a) * y ~ sqrt(a) + b * sqrt(a) - 1)`, which is weighted least squares of y on b with weights a, so
 * slope = sum a_i (b_i - b̄)(y_i - ȳ) / sum a_i (b_i - b̄)^2 and intercept = ȳ - slope * b̄ (means weighted by
 * a). Both are linear in y; the weights are returned so the same map serves the point estimate and every
 * simulated repetition (R's `solve(m %*% t(m)) %*% m`). The centred form avoids the cancellation of the raw
 * normal equations.
 * Reference: Low A & Low A (2004), Measuring the gap: quantifying and comparing local health inequalities,
 * J Public Health 26:388-395; PHEindicatormethods R/utils.R (FindXValues, SimulationFunc).
 * Cost: O(n) time and four arrays of n doubles for n quantiles.
 *
 * @param population the quantile populations (all > 0), in quantile order
 * @returns the design
 * @example
 * siiDesign([100, 100]).b; // Float64Array [0.25, 0.75]
 */
export function siiDesign(population: ArrayLike<number>): SiiDesign {
  const n = population.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += population[i] as number;
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  let cumulative = 0;
  let sumA = 0;
  let sumAB = 0;
  for (let i = 0; i < n; i++) {
    const ai = (population[i] as number) / total;
    a[i] = ai;
    b[i] = ai / 2 + cumulative;
    cumulative += ai;
    sumA += ai;
    sumAB += ai * (b[i] as number);
  }
  const bMean = sumAB / sumA;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const d = (b[i] as number) - bMean;
    sbb += (a[i] as number) * d * d;
  }
  const w0 = new Float64Array(n);
  const w1 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const ai = a[i] as number;
    const slopeWeight = (ai * ((b[i] as number) - bMean)) / sbb;
    w1[i] = slopeWeight;
    w0[i] = ai / sumA - bMean * slopeWeight;
  }
  return { a, b, w0, w1 };
}
