import { percentileOfSorted, sortedValidValues } from './compare-percentile.js';

/**
 * The boundaries Fingertips uses to put a value into one of `groups` quantile groups (4 for quartiles, 5 for
 * quintiles): the minimum, the percentiles at 1/groups, 2/groups, ..., and the maximum.
 *
 * Method: Fingertips' ValueCategoriesCalculator.GetCategoryBounds: the non-missing values are sorted and each
 * inner bound is the {@link comparePercentile} at i / groups (Excel PERCENTILE / R type 7, rounded to 10
 * decimal places). Fingertips only categorises when there are at least `groups` values (and at least 4), so
 * this returns an empty array otherwise. Compute the bounds once per set of areas and pass them to
 * {@link compare} as `options.bounds` to categorise many areas in O(groups) each.
 * Reference: PholioVisualisationWS/Analysis/ValueCategoriesCalculator.cs, QuartilesComparer.cs,
 * QuintilesComparer.cs.
 * Cost: O(n log n) for the sort.
 *
 * @param values the values of every area in the comparison set; NaN entries are ignored
 * @param groups number of groups: 4 (quartiles) or 5 (quintiles); any integer >= 2 is accepted
 * @returns `groups + 1` ascending bounds, or [] when there are too few values
 * @example
 * compareQuantileBounds([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 4); // [1, 3.25, 5.5, 7.75, 10]
 */
export function compareQuantileBounds(values: ArrayLike<number>, groups: number): number[] {
  const sorted = sortedValidValues(values);
  if (sorted.length < groups || sorted.length <= 3) return [];
  const bounds: number[] = [sorted[0] as number];
  const step = 1 / groups;
  for (let i = 1; i < groups; i++) bounds.push(percentileOfSorted(sorted, step * i));
  bounds.push(sorted[sorted.length - 1] as number);
  return bounds;
}
