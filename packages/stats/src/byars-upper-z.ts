/**
 * Byar's upper confidence limit for an observed count, given the normal critical value z.
 *
 * Method: Byar's approximation (x + 1)(1 - 1/(9(x + 1)) + z / (3 sqrt(x + 1)))^3.
 * Reference: N. E. Breslow and N. E. Day (1987), Statistical methods in cancer research, volume II, IARC;
 * PHEindicatormethods 2.1 internal `byars_upper`.
 * Cost: O(1).
 *
 * @param x observed count, >= 0 (not checked here)
 * @param z normal critical value, e.g. 1.959963984540054 for 95%
 * @returns the upper limit of the count; NaN when x is NaN
 * @example
 * byarsUpperZ(65, 1.959963984540054); // 82.84913854593984
 */
export function byarsUpperZ(x: number, z: number): number {
  const x1 = x + 1;
  const base = 1 - 1 / (9 * x1) + z / (3 * Math.sqrt(x1));
  // Two multiplications instead of pow: within 1 ulp of R's pow(base, 3) and several times faster.
  return x1 * (base * base * base);
}
