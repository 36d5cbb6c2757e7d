/**
 * Wilson score lower limit of a proportion x / n, given the normal critical value z (z = Infinity, i.e.
 * confidence 1, gives 0 as R does).
 *
 * Method: (2x + z^2 - z sqrt(z^2 + 4x(1 - x/n))) / 2 / (n + z^2).
 * Reference: E. B. Wilson (1927), J. Am. Stat. Assoc. 22, 209-212; R. G. Newcombe and D. G. Altman (2000),
 * Statistics with confidence, 2nd ed., 46-48; PHEindicatormethods 2.1 internal `wilson_lower`.
 * Cost: O(1).
 *
 * @param x cases meeting the condition, 0 <= x <= n (not checked here)
 * @param n sample size
 * @param z normal critical value
 * @returns the lower limit as a proportion
 * @example
 * wilsonLowerZ(65, 100, 1.959963984540054); // 0.5525444329688797
 */
export function wilsonLowerZ(x: number, n: number, z: number): number {
  if (z === Number.POSITIVE_INFINITY) return 0;
  const z2 = z * z;
  return (2 * x + z2 - z * Math.sqrt(z2 + 4 * x * (1 - x / n))) / 2 / (n + z2);
}
