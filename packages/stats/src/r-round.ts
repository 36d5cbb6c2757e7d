/**
 * R's `round(x)` (digits = 0): to the nearest integer, halves to even, as IEC 60559 prescribes.
 *
 * Method: compare the exact fractional part x - floor(x) with one half; a tie goes to the even neighbour
 * (round(2.5) = 2, round(3.5) = 4), unlike Math.round, which rounds halves up.
 * Reference: R's `round` documentation ("round half to even"); used by phe_sii's percentile positions and by
 * the funnel axis points of calculate_funnel_limits.
 * Cost: O(1).
 *
 * @param x any number; NaN and infinities are returned unchanged
 * @returns the rounded value
 * @example
 * rRound(2.5); // 2
 */
export function rRound(x: number): number {
  if (!Number.isFinite(x)) return x;
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}
