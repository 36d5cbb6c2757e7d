/**
 * The deviance term x log(x / np) + np - x, computed without cancellation when x is close to np.
 *
 * Method: for |x - np| < 0.1 (x + np), the series 2x sum v^(2j+1)/(2j+1) with v = (x - np)/(x + np);
 * otherwise the direct formula (Loader's `bd0`, as in R).
 * Reference: C. Loader (2000), Fast and accurate computation of binomial probabilities.
 * Cost: O(1) (the series converges in a few dozen terms at most).
 *
 * @param x non-negative
 * @param np positive
 * @example
 * bd0(10, 10); // 0
 */
export function bd0(x: number, np: number): number {
  if (Math.abs(x - np) < 0.1 * (x + np)) {
    let v = (x - np) / (x + np);
    let s = (x - np) * v;
    if (Math.abs(s) < Number.MIN_VALUE) return s;
    let ej = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
  }
  return x * Math.log(x / np) + np - x;
}
