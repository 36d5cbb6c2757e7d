import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseBoundaryFeature } from '../../src/areas/boundaries/boundary-feature.js';
import { boundaryFileFeatures } from '../../src/areas/boundaries/boundary-file-features.js';
import { detectBoundaryProperties } from '../../src/areas/boundaries/detect-boundary-properties.js';
import { ImportError } from '../../src/imports/import-error.js';

const square = [
  [-0.1, 51.5],
  [0, 51.5],
  [0, 51.6],
  [-0.1, 51.5],
];
const feature = (
  properties: Record<string, unknown>,
  geometry: unknown = { type: 'Polygon', coordinates: [square] },
) => ({
  type: 'Feature',
  properties,
  geometry,
});

function refusal(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof ImportError, String(error));
    return { code: error.code, message: error.message };
  }
  assert.fail('expected an ImportError');
}

test('the code property is told: ONS-style, any case, with its NM twin; else gss_code, code, areaCode', () => {
  assert.deepEqual(detectBoundaryProperties([feature({ FID: 1, LAD24CD: 'E09000001', LAD24NM: 'City' })]), {
    code: 'LAD24CD',
    name: 'LAD24NM',
  });
  assert.deepEqual(detectBoundaryProperties([feature({ lad21cd: 'E09000001', lad21nm: 'City' })]), {
    code: 'lad21cd',
    name: 'lad21nm',
  });
  assert.deepEqual(detectBoundaryProperties([feature({ name: 'City', gss_code: 'E09000001' })]), {
    code: 'gss_code',
    name: 'name',
  });
  assert.deepEqual(detectBoundaryProperties([feature({ areaCode: 'E09000001' })]), {
    code: 'areaCode',
    name: undefined,
  });
  assert.deepEqual(
    detectBoundaryProperties([feature({ id: 'x', label: 'City' })], { code: 'id', name: 'label' }),
    { code: 'id', name: 'label' },
  );
  const two = refusal(() =>
    detectBoundaryProperties([feature({ LAD24CD: 'E09000001', RGN24CD: 'E12000007' })]),
  );
  assert.equal(two.code, 'IMPORT_NOT_BOUNDARIES');
  assert.match(two.message, /several area code properties \(LAD24CD, RGN24CD\)/);
  assert.match(refusal(() => detectBoundaryProperties([feature({ FID: 1 })])).message, /properties: FID$/);
  assert.match(
    refusal(() => detectBoundaryProperties([feature({ code: 'E09000001' })], { name: 'NAME' })).message,
    /no feature has the property 'NAME' \(--name-property\)/,
  );
});

test('a feature: the code trimmed and upper-cased, an altitude dropped, the reasons of a bad one', () => {
  const properties = { code: 'LAD24CD', name: 'LAD24NM' };
  const ok = parseBoundaryFeature(
    feature(
      { LAD24CD: ' e09000001 ', LAD24NM: 'City' },
      { type: 'Polygon', coordinates: [square.map(([x, y]) => [x, y, 12])], bbox: [0, 0, 1, 1] },
    ),
    properties,
  );
  assert.deepEqual(ok, {
    ok: true,
    feature: { code: 'E09000001', name: 'City', geometry: { type: 'Polygon', coordinates: [square] } },
  });
  const reason = (value: unknown) => {
    const result = parseBoundaryFeature(value, properties);
    assert.equal(result.ok, false);
    return (result as { reason: string }).reason;
  };
  assert.equal(
    reason({ type: 'Polygon', coordinates: [square] }),
    "is not a GeoJSON Feature (type 'Feature')",
  );
  assert.equal(reason(feature({ LAD24NM: 'City' })), 'LAD24CD: is missing');
  assert.equal(
    reason(feature({ LAD24CD: 9000001 })),
    "LAD24CD: '9000001' is not an ONS area code (such as E09000001)",
  );
  assert.equal(reason(feature({ LAD24CD: 'E09000001' }, null)), 'E09000001: has no geometry');
  assert.equal(
    reason(feature({ LAD24CD: 'E09000001' }, { type: 'MultiPolygon', coordinates: [[square], []] })),
    'E09000001: polygon 2 has no rings',
  );
  assert.equal(
    reason(
      feature(
        { LAD24CD: 'E09000001' },
        {
          type: 'Polygon',
          coordinates: [
            [
              [-200, 51],
              [0, 51],
              [0, 52],
              [-200, 51],
            ],
          ],
        },
      ),
    ),
    'E09000001: ring 1, position 1 has longitude -200, outside -180..180; ring 1, position 4 has longitude -200, outside -180..180',
  );
});

test('a file: GeoJSON, or TopoJSON decoded; what is not refused with its code', () => {
  const collection = { type: 'FeatureCollection', features: [feature({ code: 'E09000001' })] };
  const geojson = boundaryFileFeatures(`\ufeff${JSON.stringify(collection)}`);
  assert.equal(geojson.format, 'GeoJSON');
  assert.equal(geojson.features.length, 1);
  // A quantised topology of one square: arcs are deltas from the first position, scaled and translated.
  const topology = {
    type: 'Topology',
    transform: { scale: [0.1, 0.1], translate: [-0.1, 51.5] },
    objects: {
      boroughs: {
        type: 'GeometryCollection',
        geometries: [{ type: 'Polygon', arcs: [[0]], properties: { gss_code: 'E09000001' } }],
      },
    },
    arcs: [
      [
        [0, 0],
        [1, 0],
        [0, 1],
        [-1, -1],
      ],
    ],
  };
  const topo = boundaryFileFeatures(JSON.stringify(topology));
  assert.equal(topo.format, 'TopoJSON');
  const decoded = topo.features[0] as { properties: unknown; geometry: { coordinates: number[][][] } };
  assert.deepEqual(decoded.properties, { gss_code: 'E09000001' });
  assert.deepEqual(
    decoded.geometry.coordinates[0]!.map((p) => p.map((v) => Math.round(v * 10) / 10)),
    [
      [-0.1, 51.5],
      [0, 51.5],
      [0, 51.6],
      [-0.1, 51.5],
    ],
  );
  const two = { ...topology, objects: { ...topology.objects, wards: topology.objects.boroughs } };
  assert.match(
    refusal(() => boundaryFileFeatures(JSON.stringify(two))).message,
    /several objects \(boroughs, wards\): choose one with --object/,
  );
  assert.equal(boundaryFileFeatures(JSON.stringify(two), { object: 'wards' }).features.length, 1);
  assert.match(
    refusal(() => boundaryFileFeatures(JSON.stringify(two), { object: 'lsoas' })).message,
    /no object 'lsoas'/,
  );

  const refused = (text: string) => refusal(() => boundaryFileFeatures(text));
  assert.equal(refused('   ').code, 'IMPORT_EMPTY');
  assert.equal(refused('{"type":"FeatureCollection","features":[]}').code, 'IMPORT_EMPTY');
  assert.equal(refused('{"type":"FeatureCollection","features":[{"type":"Feat').code, 'IMPORT_TRUNCATED');
  assert.equal(refused('{"type":"FeatureCollection","features":[1,2').code, 'IMPORT_TRUNCATED');
  assert.equal(refused('type,features\n').code, 'IMPORT_MALFORMED_JSON');
  assert.equal(refused('{"type":"FeatureCollection"} x').code, 'IMPORT_MALFORMED_JSON');
  assert.match(refused('{"type":"FeatureCollection"}').message, /without a features list/);
  assert.match(refused('[]').message, /is not a GeoJSON FeatureCollection or a TopoJSON Topology/);
  assert.match(
    refused('{"type":"Topology","objects":{}}').message,
    /is not a valid TopoJSON Topology: arcs: /,
  );
  assert.equal(
    refusal(() => boundaryFileFeatures(JSON.stringify(collection), { object: 'x' })).code,
    'IMPORT_NOT_BOUNDARIES',
  );
  const crs84 = {
    ...collection,
    crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } },
  };
  assert.equal(boundaryFileFeatures(JSON.stringify(crs84)).features.length, 1);
});
