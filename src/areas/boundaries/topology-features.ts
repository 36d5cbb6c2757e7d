import { feature } from 'topojson-client';
import { z } from 'zod';
import { ImportError } from '../../imports/import-error.js';

type Topology = Parameters<typeof feature>[0];

const topologySchema = z.object({
  type: z.literal('Topology'),
  arcs: z.array(z.array(z.array(z.number()))),
  objects: z.record(z.string(), z.object({ type: z.string() }).loose()),
  transform: z
    .object({ scale: z.tuple([z.number(), z.number()]), translate: z.tuple([z.number(), z.number()]) })
    .optional(),
});

/**
 * The features of one object of a TopoJSON Topology, as GeoJSON (topojson-client decodes the shared,
 * quantised arcs back into each feature's rings): the object named, or the only one. A GeometryCollection
 * gives one feature per geometry; any other object, one feature. Coordinates come out as the topology was
 * made, which must be WGS84 longitude/latitude, as for GeoJSON (the features' validation checks the ranges).
 */
export function topologyFeatures(value: unknown, objectName: string | undefined): unknown[] {
  const parsed = topologySchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ImportError(
      'IMPORT_NOT_BOUNDARIES',
      `is not a valid TopoJSON Topology: ${issue.path.join('.') || 'the topology'}: ${issue.message}`,
    );
  }
  const names = Object.keys(parsed.data.objects);
  const name = objectName ?? (names.length === 1 ? names[0]! : undefined);
  if (name === undefined || !Object.hasOwn(parsed.data.objects, name)) {
    throw new ImportError(
      'IMPORT_NOT_BOUNDARIES',
      objectName === undefined
        ? `the topology has ${names.length === 0 ? 'no objects' : `several objects (${names.join(', ')}): choose one with --object`}`
        : `the topology has no object '${objectName}'; objects: ${names.join(', ') || 'none'}`,
    );
  }
  const topology = value as Topology;
  try {
    const decoded = feature(topology, topology.objects[name]!) as
      | { type: 'FeatureCollection'; features: unknown[] }
      | { type: 'Feature' };
    return decoded.type === 'FeatureCollection' ? decoded.features : [decoded];
  } catch (error) {
    // topojson-client assumes a well-formed topology: an arc index out of range throws a TypeError.
    throw new ImportError(
      'IMPORT_NOT_BOUNDARIES',
      `object '${name}' cannot be decoded: ${(error as Error).message}`,
      { cause: error },
    );
  }
}
