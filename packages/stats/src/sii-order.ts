import { StatsInputError } from './errors.js';

/**
 * Checks the quantiles of one phe_sii group and returns the row indices in quantile order, or null when R
 * would drop the group.
 *
 * Method: as phe_sii: the number of quantiles (distinct labels; R counts them over the whole data frame, which
 * the caller passes as `quantileCount`) must be 5-100, and more than 10 gives a warning; a group that lacks
 * some quantile is dropped with a warning. Rows are then arranged by quantile: numbers ascending, text by code
 * point (dplyr's C-locale arrange). A label repeated within the group is an error here; R warns and then fails
 * inside FindXValues.
 * Reference: R/SII_function.R, PHEindicatormethods 2.1.
 * Cost: O(n log n).
 *
 * @param quantile the group's quantile labels
 * @param n number of rows
 * @param quantileCount distinct quantiles across all groups (default: those of this group)
 * @param onWarning receives R's warnings
 * @returns row indices in quantile order, or null for a dropped group
 * @throws StatsInputError WRONG_NUMBER_OF_QUANTILES, DUPLICATE_QUANTILE
 * @example
 * siiOrder([3, 1, 2, 5, 4], 5); // Int32Array [1, 2, 0, 4, 3]
 */
export function siiOrder(
  quantile: ArrayLike<number> | readonly string[],
  n: number,
  quantileCount?: number,
  onWarning?: (message: string) => void,
): Int32Array | null {
  const distinct = new Set<number | string>();
  for (let i = 0; i < n; i++) distinct.add(quantile[i] as number | string);
  const count = quantileCount ?? distinct.size;
  if (!(count >= 5 && count <= 100)) {
    throw new StatsInputError('WRONG_NUMBER_OF_QUANTILES', 'Number of quantiles must be between 5 and 100');
  }
  if (count > 10) {
    onWarning?.('WARNING: Small values can make SII unstable when using a large number of quantiles');
  }
  if (distinct.size !== count) {
    onWarning?.('WARNING: some records have been removed due to incomplete or invalid data');
    return null;
  }
  if (distinct.size !== n) {
    throw new StatsInputError(
      'DUPLICATE_QUANTILE',
      'each quantile must appear only once in a group (R warns that records were removed, then fails)',
    );
  }
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const label = (i: number): number | string => quantile[i] as number | string;
  order.sort((i, j) => {
    const a = label(i);
    const b = label(j);
    if (typeof a === 'number' && typeof b === 'number') {
      if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : 1;
      if (Number.isNaN(b)) return -1;
      return a - b;
    }
    const sa = String(a);
    const sb = String(b);
    return sa < sb ? -1 : sa > sb ? 1 : 0;
  });
  return order;
}
