/**
 * Wilson score upper limit of a proportion x / n, given the normal critical value z (z = Infinity, i.e.
 * confidence 1, gives 1 as R does).
 *
 * Method: (2x + z^2 + z sqrt(z^2 + 4x(1 - x/n))) / 2 / (n + z^2).
 * Reference: E. B. Wilson (1927), J. Am. Stat. Assoc. 22, 209-212; R. G. Newcombe and D. G. Altman (2000),
 * Statistics with confidence, 2nd ed., 46-48; PHEindicatormethods 2.1 internal `wilson_upper`.
 * Cost: O(1).
 *
 * @param x cases meeting the condition, 0 <= x <= n (not checked here)
 * @param n sample size
 * @param z normal critical value
 * @returns the upper limit as a proportion
 * @example
 * wilsonUpperZ(65, 100, 1.959963984540054); // 0.7363575175690247
 */
export function wilsonUpperZ(x: number, n: number, z: number): number {
  if (z === Number.POSITIVE_INFINITY) return 1;
  const z2 = z * z;
  return (2 * x + z2 + z * Math.sqrt(z2 + 4 * x * (1 - x / n))) / 2 / (n + z2);
}
