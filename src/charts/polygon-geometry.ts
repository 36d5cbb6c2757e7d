/** A position: longitude then latitude (any further number, such as an altitude, is ignored). */
export type GeoPosition = readonly number[];

/** A GeoJSON Polygon or MultiPolygon in WGS84 longitude/latitude, as area_boundaries stores outlines. */
export type PolygonGeometry =
  | { readonly type: 'Polygon'; readonly coordinates: readonly (readonly GeoPosition[])[] }
  | { readonly type: 'MultiPolygon'; readonly coordinates: readonly (readonly (readonly GeoPosition[])[])[] };

/** The polygons of a geometry, each a list of rings (the outer ring first, then its holes). */
export function polygonsOf(geometry: PolygonGeometry): readonly (readonly (readonly GeoPosition[])[])[] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}
