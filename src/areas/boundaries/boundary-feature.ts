import { z } from 'zod';
import { type BoundaryGeometry, parseBoundaryGeometry } from './boundary-geometry.js';

/** A valid feature of a boundary file: the area's code, its name as the file gives it, and its outline. */
export interface BoundaryFeature {
  readonly code: string;
  readonly name: string | undefined;
  readonly geometry: BoundaryGeometry;
}

/** Which properties of a file's features hold the area's code and name (see detectBoundaryProperties). */
export interface BoundaryProperties {
  readonly code: string;
  readonly name: string | undefined;
}

const featureSchema = z.object({
  type: z.literal('Feature', { error: "is not a GeoJSON Feature (type 'Feature')" }),
  properties: z.record(z.string(), z.unknown(), { error: 'has no properties' }),
  geometry: z.unknown(),
});

const gss = /^[EWSNK][0-9]{8}$/;
const quote = (value: string) => `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;

/**
 * One feature of a boundary file validated: a GeoJSON Feature whose code property is an ONS GSS code (a
 * letter E, W, S, N or K and eight digits; trimmed and upper-cased) and whose geometry is a valid Polygon or
 * MultiPolygon (parseBoundaryGeometry). Whether the code is an area healthhub knows is not checked here.
 */
export function parseBoundaryFeature(
  value: unknown,
  properties: BoundaryProperties,
): { ok: true; feature: BoundaryFeature } | { ok: false; reason: string } {
  const parsed = featureSchema.safeParse(value);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues[0]!.message };
  const raw = parsed.data.properties[properties.code];
  if (raw === undefined || raw === null || raw === '') {
    return { ok: false, reason: `${properties.code}: is missing` };
  }
  const code = typeof raw === 'string' ? raw.trim().toUpperCase() : '';
  if (!gss.test(code)) {
    return {
      ok: false,
      reason: `${properties.code}: ${quote(String(raw).trim())} is not an ONS area code (such as E09000001)`,
    };
  }
  const rawName = properties.name === undefined ? undefined : parsed.data.properties[properties.name];
  const name = typeof rawName === 'string' && rawName.trim() !== '' ? rawName.trim() : undefined;
  const geometry = parseBoundaryGeometry(parsed.data.geometry);
  if (!geometry.ok) return { ok: false, reason: `${code}${name ? ` (${name})` : ''}: ${geometry.reason}` };
  return { ok: true, feature: { code, name, geometry: geometry.geometry } };
}
