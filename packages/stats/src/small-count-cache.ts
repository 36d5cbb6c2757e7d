/**
 * Remembers a limit function's values for the small whole counts 0-9 at each confidence level, where exact
 * limits apply: row-wise rates over hundreds of thousands of small areas would otherwise compute the same
 * few chi-squared quantiles again and again.
 *
 * Method: memoisation by (level, count); other counts are computed every time.
 * Cost: O(1) per call after the first for each (level, count); at most 16 levels are kept.
 *
 * @param compute the limit for a count at a level
 * @returns the same function, memoised for whole counts below 10
 * @example
 * const lower = smallCountCache((x, level) => qchisq((1 - level) / 2, 2 * x) / 2);
 */
export function smallCountCache(
  compute: (x: number, level: number) => number,
): (x: number, level: number) => number {
  const byLevel = new Map<number, Float64Array>();
  return (x, level) => {
    if (!(x >= 0 && x < 10 && Number.isInteger(x))) return compute(x, level);
    let values = byLevel.get(level);
    if (values === undefined) {
      if (byLevel.size >= 16) byLevel.clear();
      values = new Float64Array(10).fill(Number.NaN);
      byLevel.set(level, values);
    }
    let value = values[x]!;
    if (Number.isNaN(value)) {
      value = compute(x, level);
      values[x] = value;
    }
    return value;
  };
}
