import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { importBoundaries } from '../../src/areas/boundaries/import-boundaries.js';
import { closeDemoApp, createDemoApp, type DemoApp } from '../support/demo-app.js';
import { scratchFiles } from '../support/import-assertions.js';
import { sharedPath } from '../support/shared-data.js';

const CREDIT =
  'Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © Crown copyright and database right 2024';

const files = scratchFiles('geo-map-page');
after(() => files.remove());

/** The inline map of a page: its SVG, found by its chart id. */
const inlineMap = (html: string) =>
  /<svg [^>]*aria-labelledby="map-title map-desc"[\s\S]*?<\/svg>/.exec(html)?.[0];
const svgCount = (html: string) => (html.match(/<svg /g) ?? []).length;

describe('the geographic map on /indicators/{id} (inject, PGlite, demonstration data)', () => {
  let app: FastifyInstance;
  let demo: DemoApp | undefined;

  before(async () => {
    demo = await createDemoApp();
    ({ app } = demo);
  });
  after(() => closeDemoApp(demo));

  const load = (path: string, attribution?: string) =>
    importBoundaries(demo!.t.database.db, {
      file: path,
      reportPath: files.path('report.csv'),
      ...(attribution ? { attribution } : {}),
    });

  test('without outlines: no map, a note saying how to load them, and no map download', async () => {
    const res = await app.inject('/indicators/990003');
    assert.equal(res.statusCode, 200);
    assert.equal(svgCount(res.body), 2, 'bar chart and tile map only');
    assert.match(
      res.body,
      /No map of boundaries: outlines are held for 0 of these 33 areas\. Loading them with <code>healthhub import boundaries FILE.geojson<\/code> adds it\./,
    );
    assert.equal((await app.inject('/indicators/990003/map.svg')).statusCode, 404);
    assert.equal((await app.inject('/indicators/990003/map.png')).statusCode, 404);
  });

  test("with London's district outlines: the map after the tile map, coloured as it is, credited", async (c) => {
    const path = sharedPath(c, 'data', 'boundaries', 'ons_london_lad_may2024_bsc.geojson');
    if (path === null) return;
    await load(path, CREDIT);
    const res = await app.inject('/indicators/990003');
    assert.equal(res.statusCode, 200);
    assert.equal(svgCount(res.body), 3, 'bar chart, tile map and map');
    assert.doesNotMatch(res.body, /No map of boundaries/);
    const map = inlineMap(res.body)!;
    assert.ok(res.body.indexOf('aria-labelledby="tiles-title') < res.body.indexOf(map), 'after the tile map');
    assert.equal((map.match(/<g class="area" data-code="E09/g) ?? []).length, 33);
    // The same comparison in both maps, area by area.
    const categories = (svg: string, element: string) =>
      Object.fromEntries(
        [
          ...svg.matchAll(
            new RegExp(`<g class="${element}" data-code="(E\\d+)" data-significance="([a-z-]+)"`, 'g'),
          ),
        ].map((m) => [m[1], m[2]]),
      );
    const tiles = /<svg [^>]*aria-labelledby="tiles-title[\s\S]*?<\/svg>/.exec(res.body)![0];
    assert.deepEqual(categories(map, 'area'), categories(tiles, 'tile'));
    assert.match(
      map,
      /<title id="map-title">Low birth weight of term babies[^<]*: boroughs compared with London<\/title>/,
    );
    assert.match(map, /<desc id="map-desc">33 areas; /);
    assert.match(
      map.replace(/<\/?tspan[^>]*>|<\/text><text[^>]*>/g, ' ').replace(/\s+/g, ' '),
      /boundaries: ons_london_lad_may2024_bsc.geojson — Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © Crown copyright and database right 2024/,
    );
    assert.match(
      res.body,
      /<figcaption class="govuk-body-s">Each area in its true shape, .*Boundaries: ons_london_lad_may2024_bsc\.geojson — Office for National Statistics/,
    );
    assert.match(
      res.body,
      /href="\/indicators\/990003\/map\.svg">SVG<\/a> or <a class="govuk-link" href="\/indicators\/990003\/map\.png">PNG<\/a>/,
    );
    const mapBytes = Buffer.byteLength(map);
    const pageBytes = Buffer.byteLength(res.body);
    c.diagnostic(`inline map ${mapBytes} bytes; page ${pageBytes} bytes`);
    assert.ok(mapBytes < 40 * 1024, `the map is ${mapBytes} bytes`);
    assert.ok(pageBytes < 150 * 1024, `the page is ${pageBytes} bytes`);

    const svg = await app.inject('/indicators/990003/map.svg?benchmark=england');
    assert.equal(svg.statusCode, 200);
    assert.match(svg.headers['content-type'] as string, /^image\/svg\+xml/);
    assert.match(svg.headers['content-disposition'] as string, /filename="indicator-990003-map\.svg"/);
    assert.match(svg.body, /: boroughs compared with England<\/title>/);
    const png = await app.inject('/indicators/990003/map.png');
    assert.equal(png.statusCode, 200);
    assert.equal(png.headers['content-type'], 'image/png');
    assert.deepEqual([...png.rawPayload.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    assert.equal((await app.inject('/indicators/990003/map.gif')).statusCode, 404);
  });

  test("an ICB's boroughs (parent) are mapped too; the ICB view waits for the ICBs' outlines", async (c) => {
    const path = sharedPath(c, 'data', 'boundaries', 'ons_london_icb_apr2023_bsc.geojson');
    if (path === null) return;
    const nel = await app.inject('/indicators/990003?parent=E54000029');
    assert.equal(nel.statusCode, 200);
    const boroughs = (nel.body.match(/<g class="area" data-code="E09/g) ?? []).length;
    assert.ok(boroughs > 3 && boroughs < 33, `${boroughs} boroughs in North East London`);

    const before = await app.inject('/indicators/990003?areaType=icb&period=2015');
    assert.equal(svgCount(before.body), 1);
    assert.match(before.body, /outlines are held for 0 of these 5 areas/);
    await load(path);
    const res = await app.inject('/indicators/990003?areaType=icb&period=2015&benchmark=england');
    assert.equal(svgCount(res.body), 2, 'bar chart and map; no tile map for ICBs');
    const map = inlineMap(res.body)!;
    assert.equal((map.match(/<g class="area" data-code="E54/g) ?? []).length, 5);
    assert.match(map, /: ICBs compared with England<\/title>/);
    assert.match(
      res.body,
      /Small areas are hard to see here\. Boundaries: ons_london_icb_apr2023_bsc\.geojson\./,
    );
    assert.match(
      res.body,
      /href="\/indicators\/990003\/map\.svg\?areaType=icb&amp;period=2015&amp;benchmark=england"/,
    );
  });

  test('a map too big to inline (detailed outlines) is an image of the download, with alternative text', async () => {
    // 33 boroughs as detailed ellipses of 3,000 points, in a grid over London.
    const features = Array.from({ length: 33 }, (_, i) => {
      const [lon, lat] = [-0.5 + (i % 6) * 0.15, 51.3 + Math.floor(i / 6) * 0.07];
      const ring = Array.from({ length: 3000 }, (_, k) => {
        const a = (2 * Math.PI * k) / 3000;
        return [lon + 0.06 * Math.cos(a), lat + 0.03 * Math.sin(a)];
      });
      ring.push(ring[0]!);
      return {
        type: 'Feature',
        properties: { code: `E090000${String(i + 1).padStart(2, '0')}` },
        geometry: { type: 'Polygon', coordinates: [ring] },
      };
    });
    const file = files.path('detailed.geojson');
    writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features }));
    const summary = await load(file);
    // Replacing the ONS outlines, or new when ../shared was absent and the tests before it skipped.
    assert.deepEqual([summary.rejected, summary.inserted + summary.updated], [0, 33]);
    const res = await app.inject('/indicators/990003');
    assert.equal(svgCount(res.body), 2, 'bar chart and tile map inline');
    assert.match(
      res.body,
      /<img src="\/indicators\/990003\/map\.svg" alt="Low birth weight of term babies[^"]*: boroughs compared with London\. The table below gives each area's value and comparison\.">/,
    );
    assert.ok(Buffer.byteLength(res.body) < 150 * 1024);
    const svg = await app.inject('/indicators/990003/map.svg');
    assert.ok(Buffer.byteLength(svg.body) > 64 * 1024);
  });
});
