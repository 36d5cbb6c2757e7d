import { rAsCharacter } from './r-as-character.js';
import { rRound } from './r-round.js';

function power10(n: number): number {
  // Exact, whatever the platform's pow does: R's 10^n is exact for these small integers too.
  return Number(`1e${n}`);
}

/** R's signif.floor in calculate_funnel_limits: 95% of x rounded down to its leading digit. */
function signifFloor(x: number): number {
  if (x === 0) return 0;
  const n = rAsCharacter(Math.floor(x * 0.95)).length - 1;
  const p = power10(n);
  return Math.floor((x * 0.95) / p) * p;
}

/** R's signif.ceiling: 105% of x rounded up to its two leading digits. */
function signifCeiling(x: number): number {
  if (x === 0) return 0;
  const n = rAsCharacter(Math.ceil(x * 1.05)).length - 2;
  const p = power10(n);
  return Math.ceil((x * 1.05) / p) * p;
}

/** Inputs of {@link funnelAxis}. */
export interface FunnelAxisInput {
  readonly statistic: 'proportion' | 'ratio' | 'rate';
  /** Smallest and largest denominator (NaN ignored). */
  readonly minDenominator: number;
  readonly maxDenominator: number;
  /** Average rate (events per unit of population); used for rates only. */
  readonly average: number;
  /** Years of data; used for rates only. */
  readonly yearsOfData: number;
}

/**
 * The 100 x-axis points at which calculate_funnel_limits evaluates the control limits: populations
 * (proportions), observed events (ratios) or events (rates).
 *
 * Method: as R: the axis starts at 0 when the largest denominator exceeds twice the smallest, otherwise at 95%
 * of the smallest rounded down to its leading digit (per year, times years, for rates); it ends at 105% of the
 * largest rounded up to two significant digits. For rates both ends are converted to events (× average, floor /
 * ceiling). Points grow geometrically from max(1, start): x_j = max(round((end / x_{j-1})^(1 / (101 − k)) ×
 * x_{j-1}), x_{j-1} + 1) with k = j for proportions and rates and k = j − 1 for ratios, R's round-half-even and
 * R's digit counting (`nchar(floor(x))`, where 100000 prints as "1e+05").
 * Reference: PHEindicatormethods 2.1, R/Funnels.R (calculate_funnel_limits).
 * Cost: O(100).
 *
 * @param input see {@link FunnelAxisInput}
 * @returns 100 increasing axis values
 * @example
 * funnelAxis({ statistic: 'proportion', minDenominator: 11000, maxDenominator: 20000, average: 0, yearsOfData: 1 })[0]; // 10000
 */
export function funnelAxis(input: FunnelAxisInput): Float64Array {
  const { statistic, minDenominator, maxDenominator, average, yearsOfData } = input;
  let axisMinimum: number;
  if (maxDenominator > 2 * minDenominator) axisMinimum = 0;
  else if (statistic === 'rate') axisMinimum = signifFloor(minDenominator / yearsOfData) * yearsOfData;
  else axisMinimum = signifFloor(minDenominator);
  let axisMaximum =
    statistic === 'rate'
      ? signifCeiling(maxDenominator / yearsOfData) * yearsOfData
      : signifCeiling(maxDenominator);
  if (statistic === 'rate') {
    axisMinimum = Math.floor(axisMinimum * average);
    axisMaximum = Math.ceil(axisMaximum * average);
  }
  const points = new Float64Array(100);
  points[0] = Math.max(1, axisMinimum);
  for (let j = 2; j <= 100; j++) {
    const offset = statistic === 'ratio' ? j - 1 : j;
    const previous = points[j - 2] as number;
    points[j - 1] = Math.max(
      rRound((axisMaximum / previous) ** (1 / (101 - offset)) * previous),
      previous + 1,
    );
  }
  return points;
}
