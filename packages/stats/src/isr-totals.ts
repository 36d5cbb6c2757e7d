import { StatsInputError } from './errors.js';

/** Observed and expected events of one group for indirect standardisation. */
export interface IsrTotals {
  readonly observed: number;
  readonly expected: number;
}

/**
 * Validates one group's inputs for calculate_ISRatio / calculate_ISRate and sums the observed and expected
 * events.
 *
 * Method: expected = sum(x_ref_i / n_ref_i * n_i) with missing x_ref and n counted as 0 (R's `na.zero`);
 * observed = sum(x_i) ignoring missing values, or the given total when `x` is a number (R's
 * `observed_totals` variant). Checks in R's order: lengths, negative observed, negative population.
 * Reference: PHEindicatormethods 2.1 `calculate_ISRatio`, `calculate_ISRate`.
 * Cost: O(k) for k categories.
 *
 * @param x observed events per category, or the group's observed total
 * @param n population per category, >= 0 (0 is allowed)
 * @param xRef reference events per category
 * @param nRef reference population per category
 * @returns observed and expected events
 * @throws StatsInputError LENGTH_MISMATCH ("x_ref length must equal number of rows in each group within
 *   data", "n_ref length must ..."), NEGATIVE_COUNT ("numerators must all be greater than or equal to zero"),
 *   NEGATIVE_DENOMINATOR ("denominators must all be greater than or equal to zero")
 * @example
 * isrTotals(12, [100, 200], [5, 10], [1000, 1000]); // { observed: 12, expected: 2.5 }
 */
export function isrTotals(
  x: ArrayLike<number> | number,
  n: ArrayLike<number>,
  xRef: ArrayLike<number>,
  nRef: ArrayLike<number>,
): IsrTotals {
  const len = n.length;
  if (xRef.length !== len) {
    throw new StatsInputError(
      'LENGTH_MISMATCH',
      'x_ref length must equal number of rows in each group within data',
    );
  }
  if (nRef.length !== len) {
    throw new StatsInputError(
      'LENGTH_MISMATCH',
      'n_ref length must equal number of rows in each group within data',
    );
  }
  let observed = 0;
  if (typeof x === 'number') {
    if (x < 0)
      throw new StatsInputError('NEGATIVE_COUNT', 'numerators must all be greater than or equal to zero');
    observed = x;
  } else {
    if (x.length !== len) throw new StatsInputError('LENGTH_MISMATCH', 'x and n must have the same length');
    for (let i = 0; i < len; i++) {
      const xi = x[i] as number;
      if (xi < 0) {
        throw new StatsInputError(
          'NEGATIVE_COUNT',
          'numerators must all be greater than or equal to zero',
          i,
        );
      }
      if (!Number.isNaN(xi)) observed += xi;
    }
  }
  let expected = 0;
  for (let i = 0; i < len; i++) {
    const ni = n[i] as number;
    if (ni < 0) {
      throw new StatsInputError(
        'NEGATIVE_DENOMINATOR',
        'denominators must all be greater than or equal to zero',
        i,
      );
    }
    const xr = xRef[i] as number;
    expected += ((Number.isNaN(xr) ? 0 : xr) / (nRef[i] as number)) * (Number.isNaN(ni) ? 0 : ni);
  }
  return { observed, expected };
}
