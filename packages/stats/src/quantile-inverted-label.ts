/**
 * The text of R's `qinverted` column, which `phe_quantile(type = "full")` adds beside `quantile`,
 * `nquantiles` and `groupvars`.
 *
 * Method: `invert` true gives "lowest quantile represents highest values", false gives "lowest quantile
 * represents lowest values".
 * Reference: PHEindicatormethods 2.1 `phe_quantile`.
 * Cost: O(1).
 *
 * @param invert the group's invert flag, as given to `quantile`
 * @returns R's wording for that direction
 * @example
 * quantileInvertedLabel(false); // "lowest quantile represents lowest values"
 */
export function quantileInvertedLabel(invert: boolean): string {
  return invert ? 'lowest quantile represents highest values' : 'lowest quantile represents lowest values';
}
