import { type PolygonGeometry, polygonsOf } from './polygon-geometry.js';

/** A projection fitted to a set of outlines: pixels from longitude and latitude, and the drawing's size. */
export interface PlanarProjection {
  project(lon: number, lat: number): [number, number];
  readonly width: number;
  readonly height: number;
}

/**
 * An equirectangular projection at the outlines' middle latitude (x = lon·cos(lat0), y = −lat), scaled to fit
 * within maxWidth × maxHeight pixels with the top-left of the outlines' extent at (0, 0). Over an area the
 * size of London or England its distortion is small and needs no spherical geometry: rings are drawn as
 * plain planar polygons, so their winding order does not matter (d3-geo's spherical paths would fill the
 * whole globe outside a ring wound the wrong way). Not for maps spanning continents.
 */
export function fitPlanarProjection(
  geometries: readonly PolygonGeometry[],
  maxWidth: number,
  maxHeight: number,
): PlanarProjection {
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  for (const geometry of geometries) {
    for (const polygon of polygonsOf(geometry)) {
      // The outer ring bounds its holes.
      for (const [lon, lat] of polygon[0] ?? []) {
        if (lon! < west) west = lon!;
        if (lon! > east) east = lon!;
        if (lat! < south) south = lat!;
        if (lat! > north) north = lat!;
      }
    }
  }
  if (!Number.isFinite(west)) return { project: () => [0, 0], width: 0, height: 0 };
  const k = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const spanX = (east - west) * k;
  const spanY = north - south;
  const scale = Math.min(spanX > 0 ? maxWidth / spanX : Infinity, spanY > 0 ? maxHeight / spanY : Infinity);
  const s = Number.isFinite(scale) ? scale : 1;
  return {
    project: (lon, lat) => [(lon - west) * k * s, (north - lat) * s],
    width: spanX * s,
    height: spanY * s,
  };
}
