import type { PixelRing } from './geo-path.js';

function ringArea(ring: PixelRing): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[(i + 1) % ring.length]!;
    sum += x1 * y2 - x2 * y1;
  }
  return Math.abs(sum) / 2;
}

/**
 * The inside stretches of a line across a polygon (even-odd over all its rings), as [from, to]: a horizontal
 * line at y = `at` (axis 0: the stretches are in x), or a vertical one at x = `at` (axis 1: in y).
 */
function insideSpans(rings: readonly PixelRing[], at: number, axis: 0 | 1): [number, number][] {
  const along = axis;
  const across = axis === 0 ? 1 : 0;
  const crossings: number[] = [];
  for (const ring of rings) {
    for (let i = 0; i < ring.length; i++) {
      const a = ring[i]!;
      const b = ring[(i + 1) % ring.length]!;
      // Half-open, so a vertex on the line is counted once.
      if (a[across] <= at !== b[across] <= at) {
        crossings.push(a[along] + ((at - a[across]) / (b[across] - a[across])) * (b[along] - a[along]));
      }
    }
  }
  crossings.sort((p, q) => p - q);
  const spans: [number, number][] = [];
  for (let i = 0; i + 1 < crossings.length; i += 2) spans.push([crossings[i]!, crossings[i + 1]!]);
  return spans;
}

/**
 * Where to put an area's symbol: a point inside its largest polygon, in the same units as the rings. The
 * centroid of a concave or ringed shape can fall outside it (a crescent, a borough around a hole), so the
 * point is found on lines instead: across seven horizontal lines, from a fifth to four-fifths of the
 * polygon's height, each inside stretch's middle is taken, moved to the middle of the inside stretch of the
 * vertical line through it, and scored by the smaller of the two stretches; the best wins. By construction
 * inside, and where the shape has most room both ways. `room` is that score, for the caller to judge whether
 * a symbol fits. Undefined for no polygons.
 */
export function polygonLabelPoint(
  polygons: readonly (readonly PixelRing[])[],
): { x: number; y: number; room: number } | undefined {
  let best: readonly PixelRing[] | undefined;
  let bestArea = -1;
  for (const rings of polygons) {
    const area = ringArea(rings[0]!) - rings.slice(1).reduce((sum, hole) => sum + ringArea(hole), 0);
    if (area > bestArea) {
      best = rings;
      bestArea = area;
    }
  }
  if (!best) return undefined;
  const ys = best[0]!.map(([, y]) => y);
  const top = Math.min(...ys);
  const bottom = Math.max(...ys);
  let point: { x: number; y: number; room: number } | undefined;
  for (let i = 1; i <= 7; i++) {
    // Lines between the vertices' rows and columns (a quarter-tenth off), so that none runs along an edge.
    const y = top + ((bottom - top) * (i + 1)) / 10 + 0.25;
    for (const [from, to] of insideSpans(best, y, 0)) {
      const x = (from + to) / 2 + 0.25;
      const column = insideSpans(best, x, 1).find(([above, below]) => above <= y && y <= below);
      if (!column) continue;
      // Nearer the middle line wins a tie, for a symbol where a reader looks for it.
      const room = Math.min(to - from, column[1] - column[0]) - Math.abs(i - 4) * 1e-6;
      if (!point || room > point.room) point = { x, y: (column[0] + column[1]) / 2, room };
    }
  }
  const [x, y] = best[0]![0]!;
  return point ?? { x, y, room: 0 };
}
