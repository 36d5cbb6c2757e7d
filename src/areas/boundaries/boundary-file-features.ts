import { ImportError } from '../../imports/import-error.js';
import { topologyFeatures } from './topology-features.js';

/** The features of a boundary file, not yet validated, and which format it was. */
export interface BoundaryFileFeatures {
  readonly format: 'GeoJSON' | 'TopoJSON';
  readonly features: readonly unknown[];
}

// The names by which GeoJSON's legacy crs member says WGS84 longitude/latitude, as ONS writes it and as
// GDAL does (OGC's CRS84 URN).
const wgs84 = /(EPSG:{1,2}4326|CRS84)$/i;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message);
    // The parser stopped at the end of the text: the file was cut short, not written wrongly.
    if (
      /Unexpected end of JSON input/.test(message) ||
      (position && Number(position[1]) >= text.trimEnd().length)
    ) {
      throw new ImportError('IMPORT_TRUNCATED', 'ends before its JSON is complete (truncated?)', {
        cause: error,
      });
    }
    throw new ImportError('IMPORT_MALFORMED_JSON', `is not JSON: ${message}`, { cause: error });
  }
}

/** Refuses a legacy `crs` that names anything but WGS84: British National Grid metres are not degrees. */
function checkCrs(crs: unknown): void {
  if (crs === undefined || crs === null) return;
  const name = (crs as { properties?: { name?: unknown } }).properties?.name;
  if (typeof name === 'string' && wgs84.test(name)) return;
  throw new ImportError(
    'IMPORT_NOT_BOUNDARIES',
    `its crs is ${typeof name === 'string' ? `'${name.slice(0, 60)}'` : 'not named'}, not WGS84 longitude/latitude (EPSG:4326): reproject it first`,
  );
}

/**
 * The features of a boundary file's text: a GeoJSON FeatureCollection's `features` (its legacy `crs`, if any,
 * must name WGS84), or those of a TopoJSON Topology's object (topologyFeatures). A byte-order mark is dropped.
 * Anything else refuses the file: not JSON (IMPORT_MALFORMED_JSON), cut short (IMPORT_TRUNCATED), empty or
 * without features (IMPORT_EMPTY), other JSON or another GeoJSON type (IMPORT_NOT_BOUNDARIES).
 */
export function boundaryFileFeatures(text: string, options: { object?: string } = {}): BoundaryFileFeatures {
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (json.trim() === '') throw new ImportError('IMPORT_EMPTY', 'is empty');
  const value = parseJson(json);
  const type = value !== null && typeof value === 'object' ? (value as { type?: unknown }).type : undefined;
  let result: BoundaryFileFeatures;
  if (type === 'FeatureCollection') {
    const features = (value as { features?: unknown }).features;
    if (!Array.isArray(features)) {
      throw new ImportError('IMPORT_NOT_BOUNDARIES', 'is a FeatureCollection without a features list');
    }
    if (options.object !== undefined) {
      throw new ImportError('IMPORT_NOT_BOUNDARIES', '--object is for TopoJSON: this file is GeoJSON');
    }
    checkCrs((value as { crs?: unknown }).crs);
    result = { format: 'GeoJSON', features };
  } else if (type === 'Topology') {
    checkCrs((value as { crs?: unknown }).crs);
    result = { format: 'TopoJSON', features: topologyFeatures(value, options.object) };
  } else {
    throw new ImportError(
      'IMPORT_NOT_BOUNDARIES',
      typeof type === 'string'
        ? `is GeoJSON or JSON of type '${type.slice(0, 40)}', not a FeatureCollection or a TopoJSON Topology`
        : 'is not a GeoJSON FeatureCollection or a TopoJSON Topology',
    );
  }
  if (result.features.length === 0) throw new ImportError('IMPORT_EMPTY', 'has no features');
  return result;
}
