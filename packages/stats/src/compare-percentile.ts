/**
 * Rounds to 10 decimal places with midpoints away from zero, as .NET's Math.Round(x, 10,
 * MidpointRounding.AwayFromZero) does: scale, split off the fraction, round it, scale back; values of 1e16
 * or more are returned unchanged.
 */
function roundTo10Places(x: number): number {
  if (!(Math.abs(x) < 1e16)) return x;
  const scaled = x * 1e10;
  let whole = Math.trunc(scaled);
  const fraction = scaled - whole;
  if (Math.abs(fraction) >= 0.5) whole += Math.sign(fraction);
  return whole / 1e10;
}

/**
 * Fingertips' percentile of values already sorted ascending (no NaN): linear interpolation between the
 * order statistics at rank (n - 1) * fraction + 1, the Excel PERCENTILE / R type-7 rule, rounded to 10 decimal
 * places to remove floating-point artefacts. Needs at least one value.
 *
 * @example
 * percentileOfSorted([1, 2, 3, 4], 0.5); // 2.5
 */
export function percentileOfSorted(sorted: ArrayLike<number>, fraction: number): number {
  const count = sorted.length;
  const rank = (count - 1) * fraction + 1;
  if (rank === 1) return sorted[0] as number;
  if (rank === count) return sorted[count - 1] as number;
  const k = Math.trunc(rank);
  const d = rank - k;
  const below = sorted[k - 1] as number;
  const above = sorted[k] as number;
  return roundTo10Places(below + d * (above - below));
}

/**
 * The finite values of `values`, sorted ascending, in a new Float64Array.
 *
 * @example
 * sortedValidValues([3, Number.NaN, 1]); // Float64Array [1, 3]
 */
export function sortedValidValues(values: ArrayLike<number>): Float64Array {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i] as number)) n++;
  const out = new Float64Array(n);
  let j = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isNaN(v)) out[j++] = v;
  }
  return out.sort();
}

/**
 * The percentile of a set of values as Fingertips computes it for quartile / quintile bounds and for
 * percentile targets ("nth-percentile-range" goals).
 *
 * Method: sort the non-missing values; rank r = (n - 1) * fraction + 1; the value at r by linear interpolation
 * between neighbouring order statistics (Excel's PERCENTILE, R's `quantile(type = 7)`), rounded to 10 decimal
 * places, half away from zero, as Fingertips does to remove floating-point artefacts. Fingertips calculates
 * percentiles only from 4 or more values; with fewer this returns NaN.
 * Reference: PholioVisualisationWS/Analysis/ValueCategoriesCalculator.cs (CalculatePercentile).
 * Cost: O(n log n) for the sort.
 *
 * @param values the set of values; NaN (missing) entries are ignored
 * @param fraction the percentile as a fraction in [0, 1] (0.25 for the 25th percentile)
 * @returns the percentile, or NaN when fewer than 4 values are present or `fraction` is outside [0, 1]
 * @example
 * comparePercentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.25); // 3.25
 */
export function comparePercentile(values: ArrayLike<number>, fraction: number): number {
  if (!(fraction >= 0 && fraction <= 1)) return Number.NaN;
  const sorted = sortedValidValues(values);
  if (sorted.length <= 3) return Number.NaN;
  return percentileOfSorted(sorted, fraction);
}
