/**
 * The population behind each rate of a rate funnel plot (R's `denominator_derived`).
 *
 * Method: dsr: multiplier × numerator / rate, NA (NaN) when the numerator is 0; crude: multiplier × numerator
 * / rate, or the given denominator when the numerator is 0. calculate_funnel_limits multiplies first,
 * assign_funnel_significance divides first for DSRs (`numerator / rate * multiplier`); `dsrRateFirst` selects
 * the latter so results match R to the last bit.
 * Reference: PHEindicatormethods 2.1, R/Funnels.R.
 * Cost: O(n), one Float64Array of n.
 *
 * @param numerator events per row
 * @param rate rate per row
 * @param denominator optional denominator per row
 * @param rateType "dsr" or "crude"
 * @param multiplier the rates' multiplier (e.g. 100000)
 * @param dsrRateFirst compute DSR rows as numerator / rate × multiplier
 * @returns the derived denominators
 * @example
 * funnelDerivedDenominator([10], [20], undefined, 'crude', 100000, false); // Float64Array [50000]
 */
export function funnelDerivedDenominator(
  numerator: ArrayLike<number>,
  rate: ArrayLike<number>,
  denominator: ArrayLike<number> | undefined,
  rateType: 'dsr' | 'crude',
  multiplier: number,
  dsrRateFirst: boolean,
): Float64Array {
  const n = numerator.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = numerator[i] as number;
    const r = rate[i] as number;
    if (rateType === 'dsr') {
      out[i] = x === 0 ? Number.NaN : dsrRateFirst ? (x / r) * multiplier : (multiplier * x) / r;
    } else if (denominator && x === 0) {
      out[i] = denominator[i] as number;
    } else {
      out[i] = (multiplier * x) / r;
    }
  }
  return out;
}
