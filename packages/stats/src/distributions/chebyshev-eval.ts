/**
 * Evaluates a Chebyshev series sum'_{i<n} a[i] T_i(x) by Clenshaw's recurrence (the first term halved).
 *
 * Method: Clenshaw (1955) recurrence, as SLATEC's `csevl` and R's `chebyshev_eval`.
 * Reference: C. W. Clenshaw, A note on the summation of Chebyshev series, MTAC 9 (1955) 118-120.
 * Cost: O(n).
 *
 * @param x point in [-1, 1]
 * @param a coefficients
 * @param n number of terms used
 * @example
 * chebyshevEval(0.5, [2, 0, 1], 3); // 2/2 + 1*T_2(0.5) = 1 - 0.5 = 0.5
 */
export function chebyshevEval(x: number, a: readonly number[], n: number): number {
  const twox = x * 2;
  let b0 = 0;
  let b1 = 0;
  let b2 = 0;
  for (let i = n - 1; i >= 0; i--) {
    b2 = b1;
    b1 = b0;
    b0 = twox * b1 - b2 + (a[i] as number);
  }
  return (b0 - b2) * 0.5;
}
