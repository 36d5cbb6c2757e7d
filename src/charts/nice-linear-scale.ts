import { type ScaleLinear, scaleLinear } from 'd3-scale';

/**
 * A linear scale over [min, max] widened to round numbers, with its tick values. d3's `ticks(n)` only aims
 * at n ticks (it may give 3 or 11), so d3's round step for each of several counts is tried in turn, and the
 * first that covers the values with 4 to 6 ticks wins: enough to read values off the axis, few enough that
 * their labels never crowd. The domain then runs from the first tick to the last, so the axis ends on a
 * labelled value. An empty span (all values equal) is widened to 0, since a scale needs two ends.
 */
export function niceLinearScale(
  min: number,
  max: number,
  range: readonly [number, number],
): { scale: ScaleLinear<number, number>; ticks: number[] } {
  let lo = min;
  let hi = max;
  if (lo === hi) {
    lo = Math.min(0, lo);
    hi = hi === 0 ? 1 : Math.max(0, hi);
  }
  const probe = scaleLinear().domain([lo, hi]);
  let best: number[] | undefined;
  for (const count of [5, 4, 6, 3, 7, 2, 8, 9, 10, 12, 15, 20]) {
    const probeTicks = probe.ticks(count);
    if (probeTicks.length < 2) continue;
    const step = probeTicks[1]! - probeTicks[0]!;
    // The small tolerance stops float noise (0.30000000000000004) from adding a tick.
    const first = Math.floor(lo / step + 1e-9);
    const last = Math.ceil(hi / step - 1e-9);
    const ticks = Array.from({ length: last - first + 1 }, (_, i) =>
      Number(((first + i) * step).toPrecision(12)),
    );
    // Failing 4 to 6 (possible only for a span that excludes 0), the count nearest 5.
    if (best === undefined || Math.abs(ticks.length - 5) < Math.abs(best.length - 5)) best = ticks;
    if (ticks.length >= 4 && ticks.length <= 6) break;
  }
  const ticks = best!;
  return {
    scale: scaleLinear()
      .domain([ticks[0]!, ticks[ticks.length - 1]!])
      .range(range),
    ticks,
  };
}
