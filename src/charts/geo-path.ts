import type { PlanarProjection } from './geo-projection.js';
import { type PolygonGeometry, polygonsOf } from './polygon-geometry.js';

/** A ring in pixels, in tenths of a pixel (integers), with no repeated point and no closing point. */
export type PixelRing = readonly (readonly [number, number])[];

/**
 * A geometry's rings projected to pixels and rounded to a tenth of a pixel, finer than any screen shows:
 * points that round onto the point before are dropped (at London's scale, most of a generalised boundary's
 * vertices), and so is the closing point (the path closes itself). A ring left with fewer than three points
 * is smaller than a pixel and is dropped. Coordinates are integers in tenths, so that the path's numbers
 * are exact to one decimal.
 */
export function projectRings(geometry: PolygonGeometry, projection: PlanarProjection): PixelRing[][] {
  const polygons: PixelRing[][] = [];
  for (const polygon of polygonsOf(geometry)) {
    const rings: PixelRing[] = [];
    for (const [index, ring] of polygon.entries()) {
      const points: [number, number][] = [];
      for (const position of ring) {
        const [x, y] = projection.project(position[0]!, position[1]!);
        const point: [number, number] = [Math.round(x * 10), Math.round(y * 10)];
        const last = points[points.length - 1];
        if (!last || last[0] !== point[0] || last[1] !== point[1]) points.push(point);
      }
      const first = points[0];
      const last = points[points.length - 1];
      if (points.length > 1 && first![0] === last![0] && first![1] === last![1]) points.pop();
      if (points.length >= 3) rings.push(points);
      // A polygon whose outer ring vanished has nothing left to draw: its holes must not be drawn as land.
      else if (index === 0) break;
    }
    if (rings.length > 0) polygons.push(rings);
  }
  return polygons;
}

const tenths = (n: number) => String(n / 10);

/**
 * SVG path data for projected rings (projectRings), offset by (dx, dy) pixels: each ring `M x y` then its
 * points, `Z` closing it, with one decimal at most. Drawn with fill-rule evenodd, holes are holes whatever
 * their winding.
 */
export function pathData(polygons: readonly PixelRing[][], dx = 0, dy = 0): string {
  const ox = Math.round(dx * 10);
  const oy = Math.round(dy * 10);
  let d = '';
  for (const rings of polygons) {
    for (const ring of rings) {
      d += `M${ring.map(([x, y]) => `${tenths(x + ox)} ${tenths(y + oy)}`).join(' ')}Z`;
    }
  }
  return d;
}
