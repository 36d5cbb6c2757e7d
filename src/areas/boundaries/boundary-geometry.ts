import { z } from 'zod';

/** A position as stored: longitude then latitude, WGS84 degrees. */
export type BoundaryPosition = [number, number];

/** An area's outline as area_boundaries stores it: GeoJSON, rings closed, WGS84 longitude/latitude only. */
export type BoundaryGeometry =
  | { readonly type: 'Polygon'; readonly coordinates: BoundaryPosition[][] }
  | { readonly type: 'MultiPolygon'; readonly coordinates: BoundaryPosition[][][] };

// An altitude, which GeoJSON allows as a third number, is read and dropped: a map has no use for it.
const position = z
  .array(z.number({ error: 'is not a number' }), { error: 'is not a position' })
  .min(2, { error: 'is not a position (longitude, latitude)' })
  .max(3, { error: 'has more than 3 numbers' })
  .check((ctx) => {
    const [lon, lat] = ctx.value as unknown[];
    if (typeof lon === 'number' && (lon < -180 || lon > 180)) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        message: `has longitude ${lon}, outside -180..180`,
      });
    }
    if (typeof lat === 'number' && (lat < -90 || lat > 90)) {
      ctx.issues.push({ code: 'custom', input: ctx.value, message: `has latitude ${lat}, outside -90..90` });
    }
  })
  .transform((p): BoundaryPosition => [p[0]!, p[1]!]);

const ring = z
  .array(position, { error: 'is not a ring (a list of positions)' })
  .min(4, { error: 'has fewer than 4 positions' })
  .refine(
    (r) => {
      const first = r[0];
      const last = r[r.length - 1];
      return first?.[0] === last?.[0] && first?.[1] === last?.[1];
    },
    { error: 'is not closed (its last position is not its first)' },
  );

const polygon = z
  .array(ring, { error: 'is not a polygon (a list of rings)' })
  .min(1, { error: 'has no rings' });

/**
 * A boundary's geometry: a Polygon or MultiPolygon whose rings are closed and have at least four positions
 * (RFC 7946 3.1.6), every position a finite longitude in -180..180 and latitude in -90..90. Other members
 * (bbox, a legacy crs) are dropped.
 */
export const boundaryGeometrySchema = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('Polygon'), coordinates: polygon }),
    z.object({
      type: z.literal('MultiPolygon'),
      coordinates: z
        .array(polygon, { error: 'is not a list of polygons' })
        .min(1, { error: 'has no polygons' }),
    }),
  ],
  { error: 'is not a Polygon or MultiPolygon' },
);

/**
 * Where in a geometry an issue is, in words with 1-based numbers: `polygon 2, ring 1, position 7`. Zod's
 * path (`coordinates.1.0.6.0`) means nothing to the person who has to fix the file.
 */
function where(type: unknown, path: readonly PropertyKey[]): string {
  if (path[0] !== 'coordinates') return path.length === 0 ? 'geometry' : `geometry ${path.join('.')}`;
  const names = type === 'MultiPolygon' ? ['polygon', 'ring', 'position'] : ['ring', 'position'];
  const parts = path
    .slice(1, 1 + names.length)
    .map((index, i) => `${names[i]} ${Number(index) + 1}`)
    .join(', ');
  return parts === '' ? 'coordinates' : parts;
}

/** A geometry as stored, or the reason it cannot be (the first three problems, each with where it is). */
export function parseBoundaryGeometry(
  value: unknown,
): { ok: true; geometry: BoundaryGeometry } | { ok: false; reason: string } {
  if (value === null || value === undefined) return { ok: false, reason: 'has no geometry' };
  const type = (value as { type?: unknown }).type;
  if (typeof value === 'object' && type !== 'Polygon' && type !== 'MultiPolygon') {
    return {
      ok: false,
      reason: `geometry type ${typeof type === 'string' ? `'${type.slice(0, 40)}'` : 'missing'} is not Polygon or MultiPolygon`,
    };
  }
  const result = boundaryGeometrySchema.safeParse(value);
  if (result.success) return { ok: true, geometry: result.data };
  const reasons = [
    ...new Set(result.error.issues.map((issue) => `${where(type, issue.path)} ${issue.message}`)),
  ];
  const more = reasons.length > 3 ? `; and ${reasons.length - 3} more` : '';
  return { ok: false, reason: `${reasons.slice(0, 3).join('; ')}${more}` };
}
