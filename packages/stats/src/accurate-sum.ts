/**
 * Sum of the first `length` elements with Neumaier's compensated summation, so the result is as close to the
 * exact sum as R's long-double accumulation gets (within about 1 ulp rather than O(n) ulps). NaN propagates.
 *
 * Method: Kahan-Babuska-Neumaier summation.
 * Reference: A. Neumaier (1974), Rundungsfehleranalyse einiger Verfahren zur Summation endlicher Summen,
 * ZAMM 54, 39-51.
 * Cost: O(n), no allocation.
 *
 * @param values the numbers
 * @param length how many leading elements to add (default all)
 * @example
 * accurateSum([1e16, 1, -1e16]); // 1
 */
export function accurateSum(values: ArrayLike<number>, length = values.length): number {
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < length; i++) {
    const v = values[i] as number;
    const t = sum + v;
    if (Math.abs(sum) >= Math.abs(v)) compensation += sum - t + v;
    else compensation += v - t + sum;
    sum = t;
  }
  return sum + compensation;
}
