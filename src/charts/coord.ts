/**
 * A coordinate or length written for SVG with at most two decimals: finer positions are invisible, and
 * rounding keeps the markup short and the same on every machine (no 0.30000000000000004).
 */
export function coord(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}
