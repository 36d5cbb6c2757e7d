import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type GeoMapOptions, renderGeoMap } from '../../src/charts/geo-map.js';
import { projectRings } from '../../src/charts/geo-path.js';
import { fitPlanarProjection } from '../../src/charts/geo-projection.js';
import { polygonLabelPoint } from '../../src/charts/polygon-label-point.js';
import { svgToPng } from '../../src/charts/svg-to-png.js';

/** A closed rectangle ring, anticlockwise, from (west, south) to (east, north). */
const box = (west: number, south: number, east: number, north: number) => [
  [west, south],
  [east, south],
  [east, north],
  [west, north],
  [west, south],
];

const options: GeoMapOptions = {
  id: 'map',
  title: 'London boroughs',
  source: 'OHID; boundaries: test.geojson — ONS',
  period: '2022',
  method: 'Compared with London',
  areas: [
    {
      code: 'E09000007',
      name: 'Camden',
      significance: 'Better',
      value: 12.5,
      geometry: { type: 'Polygon', coordinates: [box(-0.2, 51.5, -0.1, 51.6)] },
    },
    {
      // Two islands, the second wound the other way: planar paths do not care.
      code: 'E09000001',
      name: 'City & Guilds',
      significance: 'Worse',
      value: 20,
      geometry: {
        type: 'MultiPolygon',
        coordinates: [[box(-0.1, 51.5, 0, 51.6)], [box(0, 51.4, 0.1, 51.45).reverse()]],
      },
    },
    {
      // A ring with a hole, and a run of points closer together than a tenth of a pixel.
      code: 'E09000003',
      name: 'Barnet',
      significance: 'Similar',
      value: null,
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [-0.2, 51.6],
            [-0.1, 51.6],
            [-0.1, 51.7],
            [-0.1000001, 51.7000001],
            [-0.1000002, 51.7],
            [-0.2, 51.7],
            [-0.2, 51.6],
          ],
          box(-0.17, 51.63, -0.13, 51.67),
        ],
      },
    },
  ],
};

const group = (svg: string, code: string) =>
  new RegExp(`<g class="area" data-code="${code}"[^>]*>(.*?)</g>`).exec(svg)?.[1];

/** Each ring of a path's data as its points. */
const rings = (d: string) =>
  d
    .split('Z')
    .filter(Boolean)
    .map((ring) => {
      const numbers = ring.slice(1).split(' ').map(Number);
      const points: [number, number][] = [];
      for (let i = 0; i < numbers.length; i += 2) points.push([numbers[i]!, numbers[i + 1]!]);
      return points;
    });

test('a complete SVG: title, desc, every area as a group with hover text, the legend', () => {
  const svg = renderGeoMap(options);
  assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" role="img" viewBox="0 0 600 \d+"/);
  assert.match(svg, /aria-labelledby="map-title map-desc"/);
  assert.match(svg, /<title id="map-title">London boroughs<\/title>/);
  assert.match(
    svg,
    /<desc id="map-desc">3 areas; 1 better, 1 similar, 1 worse\. Highest City &amp; Guilds 20, lowest Camden 12.5\. 1 with no value\.<\/desc>/,
  );
  assert.match(
    group(svg, 'E09000007')!,
    /^<title>Camden: 12.5, Better<\/title><path d="M[^"]+" fill="#1d70b8"/,
  );
  assert.match(
    group(svg, 'E09000001')!,
    /^<title>City &amp; Guilds: 20, Worse<\/title>.*fill="url\(#map-sig-worse\)"/,
  );
  assert.match(group(svg, 'E09000003')!, /^<title>Barnet: No value, Similar<\/title>/);
  assert.match(svg, /<pattern id="map-sig-worse"/);
  const legend = [
    ...svg.matchAll(/class="legend-item" data-significance="[^"]+">.*?<text[^>]*>([^<]+)</g),
  ].map((m) => m[1]);
  assert.deepEqual(legend, ['▲ Better', '● Similar', '▼ Worse']);
  assert.match(svg, /Source: OHID; boundaries: test.geojson — ONS\. 2022\. Compared with London/);
  // resvg parses it as SVG (it refuses malformed XML) and draws it.
  assert.ok(svgToPng(svg).length > 1000);
});

test('every area has its symbol at a point inside it; a textured one on a white disc', () => {
  const svg = renderGeoMap(options);
  const symbols = [...svg.matchAll(/<g data-code="(E\d+)">(.*?)<\/g>/g)].map((m) => [m[1], m[2]]);
  assert.deepEqual(
    symbols.map(([code]) => code),
    ['E09000007', 'E09000001', 'E09000003'],
  );
  const symbol = (code: string) => symbols.find(([c]) => c === code)![1]!;
  assert.match(symbol('E09000007'), /^<text x="[\d.]+" y="[\d.]+" fill="#ffffff">▲<\/text>$/);
  assert.match(
    symbol('E09000001'),
    /^<circle [^>]*r="7.5" fill="#ffffff" stroke="#6f2b00"\/><text [^>]*fill="#0b0c0c">▼</,
  );
  // Barnet's middle is its hole: the symbol sits in the ring around it, inside the outline.
  const [x, y] = /<text x="([\d.]+)" y="([\d.]+)"/.exec(symbol('E09000003'))!.slice(1).map(Number) as [
    number,
    number,
  ];
  const [outer, hole] = rings(/<path d="([^"]+)"/.exec(group(svg, 'E09000003')!)![1]!);
  const xs = (r: [number, number][]) => r.map((p) => p[0]);
  const ys = (r: [number, number][]) => r.map((p) => p[1]);
  const cy = y - 4;
  assert.ok(x > Math.min(...xs(outer!)) && x < Math.max(...xs(outer!)));
  assert.ok(cy > Math.min(...ys(outer!)) && cy < Math.max(...ys(outer!)));
  const inHole =
    x > Math.min(...xs(hole!)) &&
    x < Math.max(...xs(hole!)) &&
    cy > Math.min(...ys(hole!)) &&
    cy < Math.max(...ys(hole!));
  assert.ok(!inHole, 'not in the hole');
});

test('paths: one decimal at most, no point repeated, no closing point, rings kept apart', () => {
  const svg = renderGeoMap(options);
  const paths = [...svg.matchAll(/<path d="([^"]+)"/g)].map((m) => m[1]!);
  assert.equal(paths.length, 3);
  for (const d of paths) {
    assert.match(d, /^(M[\d. ]+Z)+$/);
    for (const n of d.match(/[\d.]+/g)!) assert.match(n, /^\d+(\.\d)?$/);
    for (const ring of rings(d)) {
      assert.ok(ring.length >= 3);
      for (let i = 1; i < ring.length; i++) assert.notDeepEqual(ring[i], ring[i - 1]);
      assert.notDeepEqual(ring[ring.length - 1], ring[0]);
    }
  }
  assert.equal(rings(paths[1]!).length, 2, 'two islands');
  const [barnet, hole] = rings(paths[2]!);
  // The run of points closer than a tenth of a pixel is one point: 7 positions, closing one dropped, 4 left.
  assert.equal(barnet!.length, 4);
  assert.equal(hole!.length, 4);
  assert.match(svg, /<g class="areas" fill-rule="evenodd"/);
});

test('the projection fits 568 × 640 px, keeps shapes (x scaled by the cosine of the middle latitude)', () => {
  const projection = fitPlanarProjection(
    options.areas.map((a) => a.geometry),
    568,
    640,
  );
  // 0.3° of longitude at 51.55° is narrower than 0.3° of latitude: fitted to the height.
  assert.equal(Math.round(projection.height), 640);
  assert.ok(Math.abs(projection.width - 640 * Math.cos((51.55 * Math.PI) / 180)) < 1);
  assert.deepEqual(
    projection.project(-0.2, 51.7).map((v) => Math.round(v)),
    [0, 0],
  );
  // A wide set of areas is fitted to the width.
  const wide = fitPlanarProjection([{ type: 'Polygon', coordinates: [box(0, 51, 1, 51.1)] }], 568, 640);
  assert.equal(Math.round(wide.width), 568);
  assert.ok(Math.abs(wide.height - (568 * 0.1) / Math.cos((51.05 * Math.PI) / 180)) < 1);
  // A ring smaller than a pixel vanishes, and a polygon whose outer ring vanished is not drawn at all.
  const specks = projectRings(
    { type: 'MultiPolygon', coordinates: [[box(0, 51, 1e-6, 51 + 1e-6)], [box(0, 51, 0.1, 51.1)]] },
    fitPlanarProjection([{ type: 'Polygon', coordinates: [box(0, 51, 1, 52)] }], 568, 640),
  );
  assert.equal(specks.length, 1);
});

test('a concave shape gets its label point inside, where its centroid is not', () => {
  // A U: the centroid falls in the notch between the arms.
  const u: [number, number][] = [
    [0, 0],
    [300, 0],
    [300, 300],
    [200, 300],
    [200, 100],
    [100, 100],
    [100, 300],
    [0, 300],
  ];
  const point = polygonLabelPoint([[u]])!;
  const inArm = (point.x > 0 && point.x < 100) || (point.x > 200 && point.x < 300);
  const inBase = point.y > 0 && point.y < 100;
  assert.ok(inArm || inBase, `${point.x},${point.y} is inside the U`);
  assert.ok(point.room >= 90);
  assert.equal(polygonLabelPoint([]), undefined);
});

test('no areas: an empty map with no legend, and no NaN', () => {
  const svg = renderGeoMap({ ...options, areas: [] });
  assert.doesNotMatch(svg, /NaN|Infinity/);
  assert.match(svg, /<desc id="map-desc">0 areas\.<\/desc>/);
  assert.doesNotMatch(svg, /legend-item/);
});
