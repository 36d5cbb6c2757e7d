import assert from 'node:assert/strict';
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { after, before, describe, type TestContext, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { BoundaryImportSummary } from '../../src/areas/boundaries/boundary-import-summary.js';
import {
  type ImportBoundariesOptions,
  importBoundaries,
} from '../../src/areas/boundaries/import-boundaries.js';
import { maxBoundaryFileBytes } from '../../src/areas/boundaries/read-boundary-file.js';
import { loadBuiltInGeography } from '../../src/areas/load-built-in-geography.js';
import { loadConfig } from '../../src/config/config.js';
import { openDatabase } from '../../src/db/database.js';
import type { Db } from '../../src/db/db.js';
import { queryRows } from '../../src/db/query-rows.js';
import { assertRefused, scratchFiles } from '../support/import-assertions.js';
import { runCli } from '../support/run-cli.js';
import { sharedPath } from '../support/shared-data.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/test-database.js';

const FILES = {
  lad: 'ons_london_lad_may2024_bsc.geojson',
  icb: 'ons_london_icb_apr2023_bsc.geojson',
  uk: 'ons_lad_may2024_uk_bsc.geojson',
  gla: 'gla_london_boroughs_simplified.topojson',
} as const;

const ONS_CREDIT =
  'Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © Crown copyright and database right 2024';

const files = scratchFiles('import-boundaries');
after(() => files.remove());

let written = 0;
/** Writes a variant of a boundary file into the scratch directory, with the extension given. */
function write(text: string, name = 'variant', extension = 'geojson'): string {
  const path = files.path(`${name}-${++written}.${extension}`);
  writeFileSync(path, text);
  return path;
}

function boundaryFile(c: TestContext, name: keyof typeof FILES): string | null {
  return sharedPath(c, 'data', 'boundaries', FILES[name]);
}

type FeatureJson = {
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown[] };
};
type CollectionJson = { type: string; features: FeatureJson[] };

/** The London districts as objects, to make variants of. */
const londonLads = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as CollectionJson;

/** The first ring of a Polygon or MultiPolygon. */
function firstRing(geometry: FeatureJson['geometry']): number[][] {
  return (
    geometry.type === 'Polygon' ? geometry.coordinates[0] : (geometry.coordinates[0] as unknown[])[0]
  ) as number[][];
}

/** What a boundary import can change: the outlines and the loads, counted and digested. */
async function boundaryState(db: Db): Promise<Record<string, number | string>> {
  const [row] = await queryRows<Record<string, number | string>>(
    db,
    sql`select (select count(*)::int from area_boundaries) as boundaries,
               (select count(*)::int from data_loads) as loads,
               (select count(*)::int from areas) as areas,
               (select md5(coalesce(string_agg(t::text, '|' order by t.area_code), '')) from area_boundaries t)
                 as digest`,
  );
  return row!;
}

const counts = (s: BoundaryImportSummary) => [
  s.status,
  s.rowsRead,
  s.inserted,
  s.updated,
  s.unchanged,
  s.rejected,
  s.notMatched,
];

for (const kind of databaseKinds()) {
  describe(`import boundaries on ${kind}`, () => {
    let t: TestDatabase;
    let db: Db;
    before(async () => {
      t = await createTestDatabase(kind);
      db = t.database.db;
      await loadBuiltInGeography(db);
    });
    after(() => t.cleanup());

    const run = (file: string, options: Omit<ImportBoundariesOptions, 'file'> = {}) =>
      importBoundaries(db, { file, reportPath: files.path(`${kind}.report.csv`), ...options });

    test('London districts (ONS GeoJSON): 33 outlines, the load named boundaries with its credit', async (c) => {
      const path = boundaryFile(c, 'lad');
      if (path === null) return;
      const summary = await run(path, { attribution: ONS_CREDIT });
      assert.deepEqual(counts(summary), ['imported', 33, 33, 0, 0, 0, 0]);
      assert.equal(summary.format, 'GeoJSON');
      const [load] = await queryRows<Record<string, unknown>>(
        db,
        sql`select kind, name, source, rows_read, row_count, rows_rejected from data_loads where id = ${summary.loadId}`,
      );
      assert.deepEqual(load, {
        kind: 'import',
        name: 'boundaries',
        source: `${FILES.lad} — ${ONS_CREDIT}`,
        rows_read: 33,
        row_count: 33,
        rows_rejected: 0,
      });
      const rows = await queryRows<{ code: string; type: string; rings: number; load: number }>(
        db,
        sql`select area_code as code, geometry->>'type' as type,
                   jsonb_array_length(geometry->'coordinates') as rings, load_id as load
              from area_boundaries order by area_code`,
      );
      assert.equal(rows.length, 33);
      assert.ok(
        rows.every((r) => /^E090000(0[1-9]|[12][0-9]|3[0-3])$/.test(r.code) && r.load === summary.loadId),
      );
      // The City is one ring; the legacy crs and the feature's other members are not kept.
      const [city] = await queryRows<{ geometry: { type: string; coordinates: number[][][] } }>(
        db,
        sql`select geometry from area_boundaries where area_code = 'E09000001'`,
      );
      assert.deepEqual(Object.keys(city!.geometry).sort(), ['coordinates', 'type']);
      assert.deepEqual(city!.geometry.coordinates[0]![0], [-0.0852326450965759, 51.5203483971845]);
      assert.deepEqual(
        [
          rows.filter((r) => r.type === 'Polygon').length,
          rows.filter((r) => r.type === 'MultiPolygon').length,
        ],
        [27, 6],
      );
    });

    test('the same file again changes nothing: already loaded', async (c) => {
      const path = boundaryFile(c, 'lad');
      if (path === null) return;
      const before = await boundaryState(db);
      const again = await run(path);
      assert.equal(again.status, 'already-loaded');
      assert.deepEqual(await boundaryState(db), before);
    });

    test("London's ICBs: 5 outlines beside the districts'", async (c) => {
      const path = boundaryFile(c, 'icb');
      if (path === null) return;
      const summary = await run(path);
      assert.deepEqual(counts(summary), ['imported', 5, 5, 0, 0, 0, 0]);
      assert.equal((await boundaryState(db)).boundaries, 38);
    });

    test('the UK districts: London unchanged, 328 districts healthhub does not hold not matched', async (c) => {
      const path = boundaryFile(c, 'uk');
      if (path === null) return;
      const before = await boundaryState(db);
      const summary = await run(path);
      // The London file is a subset of this one: its 33 outlines are the same numbers.
      assert.deepEqual(counts(summary), ['imported', 361, 0, 0, 33, 0, 328]);
      assert.equal(summary.notMatchedCodes.length, 328);
      for (const code of ['E06000001', 'S12000033', 'W06000001', 'N09000001']) {
        assert.ok(summary.notMatchedCodes.includes(code), code);
      }
      const now = await boundaryState(db);
      assert.equal(now.digest, before.digest);
      assert.equal(now.areas, before.areas, 'no area is added');
    });

    test('a newer file replaces the outlines that changed, and only those', async (c) => {
      const path = boundaryFile(c, 'lad');
      if (path === null) return;
      const json = londonLads(path);
      const barnet = json.features[2]!;
      assert.equal(barnet.properties.LAD24CD, 'E09000003');
      const ring = firstRing(barnet.geometry);
      ring[1] = [ring[1]![0]! + 0.001, ring[1]![1]!];
      const summary = await run(write(JSON.stringify(json), 'newer'));
      assert.deepEqual(counts(summary), ['imported', 33, 0, 1, 32, 0, 0]);
      const [row] = await queryRows<{ load: number; point: number[] }>(
        db,
        sql`select load_id as load, geometry->'coordinates'->0->1 as point
              from area_boundaries where area_code = 'E09000003'`,
      );
      assert.equal(row!.load, summary.loadId);
      assert.deepEqual(row!.point, ring[1]);
      const [others] = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from area_boundaries where load_id = ${summary.loadId}`,
      );
      assert.equal(others!.n, 1, 'unchanged outlines keep the load that brought them');
    });

    test("the GLA's TopoJSON: decoded, and every borough's outline replaced", async (c) => {
      const path = boundaryFile(c, 'gla');
      if (path === null) return;
      const summary = await run(path);
      assert.equal(summary.format, 'TopoJSON');
      assert.deepEqual(counts(summary), ['imported', 33, 0, 33, 0, 0, 0]);
      const [row] = await queryRows<{ type: string; first: number[]; last: number[] }>(
        db,
        sql`select geometry->>'type' as type, geometry->'coordinates'->0->0 as first,
                   geometry->'coordinates'->0->-1 as last
              from area_boundaries where area_code = 'E09000021'`,
      );
      assert.equal(row!.type, 'Polygon');
      assert.deepEqual(row!.first, row!.last, 'rings come out closed');
      assert.ok(
        row!.first[0]! > -0.4 && row!.first[0]! < -0.2 && row!.first[1]! > 51.3 && row!.first[1]! < 51.5,
      );
    });

    test('broken files are refused whole and change nothing', async (c) => {
      const path = boundaryFile(c, 'lad');
      if (path === null) return;
      const text = readFileSync(path, 'utf8');
      const refuse = (file: string, code: Parameters<typeof assertRefused>[2]) =>
        assertRefused(db, () => run(file), code, boundaryState);

      const notJson = await refuse(
        write('LAD24CD,geometry\nE09000001,POLYGON((0 0))\n', 'csv'),
        'IMPORT_MALFORMED_JSON',
      );
      assert.match(notJson.error.message, /^boundaries: csv-\d+\.geojson: is not JSON: /);
      await refuse(write(text.slice(0, Math.floor(text.length / 2)), 'truncated'), 'IMPORT_TRUNCATED');
      await refuse(write(text.slice(0, -2), 'truncated'), 'IMPORT_TRUNCATED');
      await refuse(write('', 'empty'), 'IMPORT_EMPTY');
      await refuse(write('{"type":"FeatureCollection","features":[]}', 'none'), 'IMPORT_EMPTY');
      const json = londonLads(path);
      const feature = await refuse(
        write(JSON.stringify(json.features[0]), 'feature'),
        'IMPORT_NOT_BOUNDARIES',
      );
      assert.match(
        feature.error.message,
        /of type 'Feature', not a FeatureCollection or a TopoJSON Topology/,
      );
      await refuse(write(JSON.stringify(json.features), 'array'), 'IMPORT_NOT_BOUNDARIES');
      const bng = await refuse(
        write(
          JSON.stringify({
            ...json,
            crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::27700' } },
          }),
          'bng',
        ),
        'IMPORT_NOT_BOUNDARIES',
      );
      assert.match(bng.error.message, /not WGS84 longitude\/latitude/);
      const noCode = structuredClone(json);
      for (const f of noCode.features) delete f.properties.LAD24CD;
      const missing = await refuse(write(JSON.stringify(noCode), 'no-code'), 'IMPORT_NOT_BOUNDARIES');
      assert.match(
        missing.error.message,
        /no area code property found .*--code-property; properties: FID, LAD24NM/,
      );

      // Bad features: each is reported with its number, and strict mode refuses the file for any of them.
      const bad = structuredClone(json);
      firstRing(bad.features[2]!.geometry).pop();
      bad.features[4]!.properties.LAD24CD = 'E0900000X';
      firstRing(bad.features[6]!.geometry)[3] = [-0.1, 95];
      bad.features[9]!.geometry = { type: 'Point', coordinates: [-0.1, 51.5] };
      bad.features[10]!.properties.LAD24CD = 'E09000001';
      const refused = await refuse(write(JSON.stringify(bad), 'bad'), 'IMPORT_INVALID_ROWS');
      assert.match(
        refused.error.message,
        /^boundaries: bad-\d+\.geojson: 5 of 33 features rejected, the first is feature 3: E09000003 \(Barnet\): ring 1 is not closed/,
      );
      assert.match(refused.error.message, /\(--skip-invalid imports the valid features\)/);
      assert.deepEqual(refused.report, [
        '3,E09000003 (Barnet): ring 1 is not closed (its last position is not its first)',
        "5,LAD24CD: 'E0900000X' is not an ONS area code (such as E09000001)",
        // A reason with a comma is quoted, as CSV quotes.
        '7,"E09000007 (Camden): ring 1, position 4 has latitude 95, outside -90..90"',
        "10,E09000010 (Enfield): geometry type 'Point' is not Polygon or MultiPolygon",
        '11,"duplicate: feature 1 has the same LAD24CD, E09000001"',
      ]);

      // Too large: refused before it is read (a sparse file of the limit and one byte).
      const large = files.path('large.geojson');
      writeFileSync(large, '');
      truncateSync(large, maxBoundaryFileBytes + 1);
      const tooLarge = await refuse(large, 'IMPORT_TOO_LARGE');
      assert.match(
        tooLarge.error.message,
        /is 268,435,457 bytes, over the 268,435,456 bytes a boundary file/,
      );
    });

    test('--skip-invalid imports the valid features and reports the others', async (c) => {
      const path = boundaryFile(c, 'lad');
      if (path === null) return;
      const json = londonLads(path);
      firstRing(json.features[0]!.geometry).splice(1);
      json.features[1]!.properties.LAD24CD = 'nowhere';
      const reportPath = files.path(`${kind}-skip.report.csv`);
      const summary = await run(write(JSON.stringify(json), 'skip'), { skipInvalid: true, reportPath });
      // The GLA's outlines were the latest: the 31 valid ONS ones replace them.
      assert.deepEqual(counts(summary), ['imported', 33, 0, 31, 0, 2, 0]);
      assert.equal(summary.reportPath, reportPath);
      assert.deepEqual(readFileSync(reportPath, 'utf8').trimEnd().split('\n'), [
        'line,reason',
        '1,E09000001 (City of London): ring 1 has fewer than 4 positions',
        "2,LAD24CD: 'nowhere' is not an ONS area code (such as E09000001)",
      ]);
    });

    test('--code-property and --name-property choose the properties; none found or two refuse the file', async (c) => {
      const path = boundaryFile(c, 'lad');
      if (path === null) return;
      const json = londonLads(path);
      const renamed = structuredClone(json);
      for (const f of renamed.features)
        f.properties = { borough: f.properties.LAD24NM, ons: f.properties.LAD24CD };
      const file = write(JSON.stringify(renamed), 'renamed');
      const none = await assertRefused(db, () => run(file), 'IMPORT_NOT_BOUNDARIES', boundaryState);
      assert.match(none.error.message, /no area code property found .*; properties: borough, ons;/);
      const wrong = await assertRefused(
        db,
        () => run(file, { codeProperty: 'code' }),
        'IMPORT_NOT_BOUNDARIES',
        boundaryState,
      );
      assert.match(wrong.error.message, /no feature has the property 'code' \(--code-property\)/);
      // Districts with their region's code too: guessing could give every outline to London.
      const regions = structuredClone(json);
      for (const f of regions.features) f.properties.RGN24CD = 'E12000007';
      const two = await assertRefused(
        db,
        () => run(write(JSON.stringify(regions), 'regions')),
        'IMPORT_NOT_BOUNDARIES',
        boundaryState,
      );
      assert.match(
        two.error.message,
        /several area code properties \(LAD24CD, RGN24CD\): choose one with --code-property/,
      );

      const summary = await run(file, { codeProperty: 'ons', nameProperty: 'borough' });
      // The City's and Barking's outlines were still the GLA's (the previous file rejected them).
      assert.deepEqual(counts(summary), ['imported', 33, 0, 2, 31, 0, 0]);
    });
  });
}

describe('healthhub import boundaries (the command)', () => {
  test('imports, counts the not matched, refuses broken files with exit 2 and the database unchanged', async (c) => {
    const lad = boundaryFile(c, 'lad');
    const uk = boundaryFile(c, 'uk');
    if (lad === null || uk === null) return;
    const env = { HEALTHHUB_DATA_DIR: files.path('cli-db') };
    const help = await runCli(['import', 'boundaries', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: healthhub import boundaries FILE /);
    assert.match((await runCli(['import', '--help'])).stdout, /^ {2}boundaries {2}area outlines/m);

    const ok = await runCli(['import', 'boundaries', lad, '--attribution', ONS_CREDIT], env);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(
      ok.stdout,
      /^boundaries: loaded ons_london_lad_may2024_bsc\.geojson \(load \d+\): 33 rows read, 33 inserted, 0 updated, 0 unchanged, 0 rejected\n$/,
    );
    const all = await runCli(['import', 'boundaries', uk], env);
    assert.equal(all.code, 0, all.stderr);
    assert.match(all.stdout, /361 rows read, 0 inserted, 0 updated, 33 unchanged, 0 rejected\n/);
    assert.match(
      all.stdout,
      /\n328 features not matched \(no such area in healthhub, skipped\): E06000001, E06000002, E06000003, E06000004, E06000005 and 323 more\n$/,
    );

    const text = readFileSync(lad, 'utf8');
    const json = londonLads(lad);
    firstRing(json.features[2]!.geometry).pop();
    for (const [file, pattern] of [
      [write('not json at all'), /is not JSON/],
      [write(text.slice(0, 1000)), /ends before its JSON is complete/],
      [write('{"type":"GeometryCollection","geometries":[]}'), /not a FeatureCollection/],
      [
        write(JSON.stringify(json)),
        /1 of 33 features rejected, the first is feature 3: .*ring 1 is not closed/,
      ],
    ] as const) {
      const refused = await runCli(['import', 'boundaries', file], env);
      assert.equal(refused.code, 2, refused.stderr);
      const lines = refused.stderr.trim().split('\n');
      assert.equal(lines.length, 1, refused.stderr);
      assert.match(lines[0]!, /^healthhub: boundaries: variant-\d+\.geojson: /);
      assert.match(lines[0]!, pattern);
      assert.match(lines[0]!, /nothing was imported/);
    }
    const usage = await runCli(['import', 'boundaries'], env);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /import boundaries: FILE is required/);

    // The refused files changed nothing: the two loads and the 33 outlines the first brought.
    const database = await openDatabase(loadConfig({ NODE_ENV: 'test', ...env }));
    try {
      const state = await boundaryState(database.db);
      assert.equal(state.boundaries, 33);
      const loads = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from data_loads where name = 'boundaries'`,
      );
      assert.equal(loads[0]!.n, 2);
    } finally {
      await database.close();
    }
  });
});
