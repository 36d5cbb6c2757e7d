import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, type TestContext, test } from 'node:test';
import { proportion } from '@healthhub/stats';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/db.js';
import { queryRows } from '../../src/db/query-rows.js';
import { createCountsImporter } from '../../src/imports/counts/counts-importer.js';
import { createPopulationImporter } from '../../src/imports/population/population-importer.js';
import { runImport } from '../../src/imports/run-import.js';
import { ComputeError, type ComputeErrorCode } from '../../src/indicators/compute-error.js';
import type { ComputeRequest } from '../../src/indicators/compute-request.js';
import { runComputation } from '../../src/indicators/run-computation.js';
import { scratchFiles } from '../support/import-assertions.js';
import { longTableSnapshot } from '../support/long-table-assertions.js';
import { runCli } from '../support/run-cli.js';
import { sharedPath } from '../support/shared-data.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/test-database.js';

const LONDON_LAS = Array.from({ length: 33 }, (_, i) => `E09${String(i + 1).padStart(6, '0')}`);
const LONDON = 'E12000007';
const ENGLAND = 'E92000001';
const TOLERANCE = 0.5;
const SEXES = [
  { sex: 'Persons', column: 'persons' },
  { sex: 'Male', column: 'males' },
  { sex: 'Female', column: 'females' },
] as const;

const files = scratchFiles('compute');
after(() => files.remove());

/** ONS Table 1a (2014): published populations, deaths, crude and age-standardised rates, by area code. */
type Published = Map<string, Record<string, string>>;

interface Shared {
  population: string;
  deaths: string;
  published: Published;
}

function shared(c: TestContext): Shared | null {
  const population = sharedPath(c, 'data', 'population', 'ons_mye2014_la_sya_sex.csv');
  if (population === null) return null;
  const mortality = sharedPath(c, 'data', 'mortality');
  if (mortality === null) return null;
  const records = parse(readFileSync(`${mortality}/ons_deaths_2014_la_rates_table1a.csv`), {
    columns: true,
  }) as Record<string, string>[];
  return {
    population,
    deaths: `${mortality}/ons_deaths_2014_la_ageband_sex.csv`,
    published: new Map(records.filter((r) => r.area_code).map((r) => [r.area_code!, r])),
  };
}

/** The lines of a CSV file (CRLF) whose area code is one of `codes`, with the header. */
function subset(path: string, codes: readonly string[], name: string): string {
  const wanted = new Set(codes);
  const [header, ...rows] = readFileSync(path, 'utf8').split('\r\n');
  return files.write(
    `${[header, ...rows.filter((r) => wanted.has(r.split(',')[0]!))].join('\r\n')}\r\n`,
    name,
  );
}

const dsrRequest = (standard: string, indicatorId = 90001): Extract<ComputeRequest, { method: 'dsr' }> => ({
  method: 'dsr',
  indicatorId,
  name: 'Mortality from all causes',
  measure: 'deaths-all-causes',
  year: 2014,
  sexes: ['persons', 'males', 'females'],
  ages: { from: 0, to: null },
  areas: [...LONDON_LAS, LONDON, ENGLAND],
  standard,
});

async function values(db: Db, indicatorId: number) {
  return queryRows<{
    area_code: string;
    sex: string;
    age: string;
    period: string;
    value: number;
    lower95: number;
    upper95: number;
    lower998: number;
    upper998: number;
    count: number;
    denominator: number;
    e: string | null;
    l: string | null;
    load_id: number;
  }>(
    db,
    sql`select area_code, sex, age, period, value, lower95, upper95, lower998, upper998, "count", denominator,
               computed_compared_to_england as e, computed_compared_to_london as l, load_id
          from indicator_values where indicator_id = ${indicatorId} order by area_code, sex`,
  );
}

async function assertComputeRefused(
  db: Db,
  request: ComputeRequest,
  code: ComputeErrorCode,
): Promise<string> {
  const before = await longTableSnapshot(db);
  let caught: unknown;
  try {
    await runComputation(db, request);
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof ComputeError, `expected ComputeError ${code}, got ${String(caught)}`);
  assert.equal(caught.code, code, caught.message);
  assert.equal(caught.statusCode, 400);
  assert.deepEqual(await longTableSnapshot(db), before, 'the database is as it was');
  return caught.message;
}

for (const kind of databaseKinds()) {
  describe(`compute on ${kind}`, () => {
    let t: TestDatabase;
    let db: Db;
    let data: Shared | null = null;
    let firstLoad = 0;
    before(async () => {
      t = await createTestDatabase(kind);
      db = t.database.db;
    });
    after(() => t.cleanup());

    /**
     * The 2014 populations and deaths, imported once: on PostgreSQL the whole files; on PGlite London's
     * authorities, London and England only (the whole population file takes 10-20 s there).
     */
    async function imported(c: TestContext): Promise<Shared | null> {
      if (data) return data;
      const s = shared(c);
      if (s === null) return null;
      const areas = [...LONDON_LAS, LONDON, ENGLAND];
      const population = kind === 'pglite' ? subset(s.population, areas, 'population') : s.population;
      const deaths = kind === 'pglite' ? subset(s.deaths, areas, 'deaths') : s.deaths;
      const started = performance.now();
      await runImport(db, createPopulationImporter({ year: 2014 }), { file: population });
      await runImport(db, createCountsImporter({ measure: 'deaths-all-causes', year: 2014 }), {
        file: deaths,
        skipInvalid: true,
        reportPath: files.path(`deaths-${kind}.report.csv`),
      });
      console.log(
        `# ${kind}: ${kind === 'pglite' ? "London's" : 'all'} 2014 populations and deaths imported in ${Math.round(performance.now() - started)} ms`,
      );
      data = s;
      return data;
    }

    test("DSRs on the ONS 20-band ESP2013 reproduce ONS's published rates for London's 33 authorities within 0.5", async (c) => {
      const s = await imported(c);
      if (s === null) return;
      const started = performance.now();
      const summary = await runComputation(db, dsrRequest('esp2013-20'));
      console.log(
        `# ${kind}: 105 DSRs computed and written in ${Math.round(performance.now() - started)} ms`,
      );
      assert.equal(summary.status, 'computed');
      assert.deepEqual(
        [summary.values, summary.inserted, summary.updated, summary.unchanged, summary.skipped.length],
        [105, 105, 0, 0, 0],
      );
      firstLoad = summary.loadId!;
      const rows = await values(db, 90001);
      assert.equal(rows.length, 105);
      let worst = { diff: 0, label: '' };
      let persons = 0;
      for (const row of rows) {
        const published: Record<string, string> = s.published.get(row.area_code)!;
        const column = SEXES.find((x) => x.sex === row.sex)!.column;
        const expected = Number(published[`asmr_per_100k_${column}`]);
        const diff = Math.abs(row.value - expected);
        assert.ok(diff <= TOLERANCE, `${row.area_code} ${row.sex}: ${row.value} vs ONS ${expected}`);
        if (diff > worst.diff) worst = { diff, label: `${row.area_code} ${row.sex}` };
        if (row.sex === 'Persons' && LONDON_LAS.includes(row.area_code)) persons++;
        // The inputs are ONS's own: deaths (persons from males and females) and populations.
        assert.equal(row.count, Number(published[`deaths_${column}`]), `${row.area_code} ${row.sex} deaths`);
        assert.equal(
          Math.round(row.denominator / 100) / 10,
          Number(published[`population_thousands_${column}`]),
        );
        assert.ok(row.lower998 < row.lower95 && row.lower95 < row.value && row.value < row.upper95);
        assert.ok(row.upper95 < row.upper998);
        assert.deepEqual([row.period, row.age, row.load_id], ['2014', 'All ages', firstLoad]);
      }
      assert.equal(persons, 33);
      console.log(`# ${kind}: max |DSR - ONS ASMR| ${worst.diff.toFixed(3)} per 100,000 (${worst.label})`);

      // Comparisons are computed: England against itself is not compared; Barking and Dagenham (1084.7 persons)
      // is above England's 946.7, and low is good.
      const at = (area: string, sex: string) => rows.find((r) => r.area_code === area && r.sex === sex)!;
      assert.equal(at(ENGLAND, 'Persons').e, 'Not compared');
      assert.equal(at('E09000002', 'Persons').e, 'Worse');
      assert.equal(at(LONDON, 'Persons').l, 'Not compared');

      const [indicator] = await queryRows<Record<string, unknown>>(
        db,
        sql`select name, value_type, multiplier, unit, polarity, period_type, method from indicators where id = 90001`,
      );
      assert.deepEqual(
        { ...indicator, method: undefined },
        {
          name: 'Mortality from all causes',
          value_type: 'dsr',
          multiplier: 100000,
          unit: 'per 100,000',
          polarity: 'low-is-good',
          period_type: 'calendar-year',
          method: undefined,
        },
      );
      assert.match(String(indicator!.method), /20 bands \(0, 1-4, 5-9, \.\.\., 85-89, 90\+\)/);
      const [load] = await queryRows<Record<string, unknown>>(
        db,
        sql`select kind, name, source, sha256, rows_read, row_count, rows_rejected from data_loads where id = ${firstLoad}`,
      );
      assert.deepEqual(load, {
        kind: 'import',
        name: 'compute',
        source: `dsr --measure deaths-all-causes --standard esp2013-20 --indicator 90001 --year 2014 --sex persons,males,females --ages all --areas ${[...LONDON_LAS, LONDON, ENGLAND].join(',')}`,
        sha256: null,
        rows_read: 105,
        row_count: 105,
        rows_rejected: 0,
      });
    });

    test('the same computation again changes nothing', async (c) => {
      if ((await imported(c)) === null) return;
      const before = await longTableSnapshot(db);
      const again = await runComputation(db, dsrRequest('esp2013-20'));
      assert.equal(again.status, 'unchanged');
      assert.equal(again.loadId, undefined);
      assert.deepEqual([again.values, again.inserted, again.updated, again.unchanged], [105, 0, 0, 105]);
      assert.deepEqual(await longTableSnapshot(db), before);
    });

    test('with the 19-band default (0-4 pooled) the rates move, by up to 1 per 100,000', async (c) => {
      const s = await imported(c);
      if (s === null) return;
      const summary = await runComputation(db, {
        ...dsrRequest('esp2013', 90002),
        name: 'Mortality (19 bands)',
      });
      assert.equal(summary.inserted, 105);
      let worst = 0;
      for (const row of await values(db, 90002)) {
        const column = SEXES.find((x) => x.sex === row.sex)!.column;
        const diff = Math.abs(row.value - Number(s.published.get(row.area_code)![`asmr_per_100k_${column}`]));
        assert.ok(diff < 1, `${row.area_code} ${row.sex}: ${diff}`);
        worst = Math.max(worst, diff);
      }
      assert.ok(worst > TOLERANCE, 'ONS did not pool infants with 1-4 year olds');
    });

    test('changed inputs update the values and keep what they were in the history', async (c) => {
      if ((await imported(c)) === null) return;
      // A revised count: Barking and Dagenham's male infant deaths 10 -> 20.
      const revision = files.write(
        'area_code,area_name,sex,age_band,deaths\nE09000002,Barking and Dagenham,Males,0,20\n',
        'revision',
      );
      await runImport(db, createCountsImporter({ measure: 'deaths-all-causes', year: 2014 }), {
        file: revision,
      });
      const before = await values(db, 90001);
      const summary = await runComputation(db, dsrRequest('esp2013-20'));
      assert.equal(summary.status, 'computed');
      // Males and persons (males plus females) of Barking and Dagenham; London's and England's own counts stay.
      assert.deepEqual([summary.inserted, summary.updated, summary.unchanged], [0, 2, 103]);
      const history = await queryRows<{ area: string; sex: string; old: number; load: number; by: number }>(
        db,
        sql`select h.previous->>'area_code' as area, h.previous->>'sex' as sex,
                   (h.previous->>'value')::float8 as old, (h.previous->>'load_id')::int as load,
                   h.replaced_by_load_id as by
              from indicator_value_history h order by sex`,
      );
      const old = (sex: string) => before.find((r) => r.area_code === 'E09000002' && r.sex === sex)!.value;
      assert.deepEqual(history, [
        { area: 'E09000002', sex: 'Male', old: old('Male'), load: firstLoad, by: summary.loadId },
        { area: 'E09000002', sex: 'Persons', old: old('Persons'), load: firstLoad, by: summary.loadId },
      ]);
      const now = (await values(db, 90001)).find((r) => r.area_code === 'E09000002' && r.sex === 'Male')!;
      assert.equal(now.count, 615);
      assert.ok(now.value > old('Male') + 1, 'ten more infant deaths, each weighing 1,000 of 100,000');
      assert.equal(now.load_id, summary.loadId);
    });

    test("a crude rate of all ages gives ONS's crude death rate", async (c) => {
      const s = await imported(c);
      if (s === null) return;
      const summary = await runComputation(db, {
        method: 'rate',
        indicatorId: 90003,
        name: 'Crude mortality rate',
        measure: 'deaths-all-causes',
        year: 2014,
        sexes: ['persons'],
        ages: { from: 0, to: null },
        areas: [...LONDON_LAS.filter((code) => code !== 'E09000002'), LONDON, ENGLAND],
      });
      assert.equal(summary.inserted, 34);
      for (const row of await values(db, 90003)) {
        const published: Record<string, string> = s.published.get(row.area_code)!;
        assert.equal(row.count, Number(published.deaths_persons));
        assert.ok(
          Math.abs(row.value / 100 - Number(published.crude_death_rate_per_1000)) <= 0.05,
          `${row.area_code}: ${row.value / 100} per 1,000 vs ONS ${published.crude_death_rate_per_1000}`,
        );
      }
      const [indicator] = await queryRows<{ value_type: string }>(
        db,
        sql`select value_type from indicators where id = 90003`,
      );
      assert.equal(indicator!.value_type, 'crude-rate');
    });

    test('deaths under 75: a DSR over the bands 0 ... 70-74', async (c) => {
      if ((await imported(c)) === null) return;
      await runComputation(db, {
        ...dsrRequest('esp2013', 90004),
        name: 'Mortality under 75',
        ages: { from: 0, to: 74 },
        sexes: ['persons'],
        areas: [ENGLAND],
      });
      const [under75] = await values(db, 90004);
      const [all] = (await values(db, 90002)).filter((r) => r.area_code === ENGLAND && r.sex === 'Persons');
      assert.equal(under75!.age, '<75 yrs');
      assert.ok(under75!.value < all!.value / 2 && under75!.value > 200, String(under75!.value));
      assert.ok(under75!.count < all!.count / 2);
    });

    test('a proportion of one measure over another, with Wilson limits', async (c) => {
      if ((await imported(c)) === null) return;
      const file = files.write(
        [
          'measure,area_code,area_name,sex,age_band,count',
          'screened,E09000001,City of London,Persons,50-74,310',
          'eligible,E09000001,City of London,Persons,50-74,400',
          'screened,E09000003,Barnet,Males,50-74,9000',
          'eligible,E09000003,Barnet,Males,50-74,15000',
          'screened,E09000003,Barnet,Females,50-74,12000',
          'eligible,E09000003,Barnet,Females,50-74,16000',
        ].join('\n'),
        'screening',
      );
      await runImport(db, createCountsImporter({ year: 2014 }), { file });
      const summary = await runComputation(db, {
        method: 'proportion',
        indicatorId: 90005,
        name: 'Screening coverage',
        numeratorMeasure: 'screened',
        denominatorMeasure: 'eligible',
        year: 2014,
        sexes: ['persons'],
        ages: { from: 50, to: 74 },
      });
      assert.deepEqual([summary.inserted, summary.skipped.length], [2, 0]);
      const rows = await values(db, 90005);
      const expected = (x: number, n: number) => {
        const r = proportion(x, n, { multiplier: 100, confidence: [0.95, 0.998] });
        assert.ok('lower95_0cl' in r);
        return [r.value, r.lower95_0cl, r.upper95_0cl, r.lower99_8cl, r.upper99_8cl];
      };
      assert.deepEqual(
        rows.map((r) => [r.area_code, r.age, r.value, r.lower95, r.upper95, r.lower998, r.upper998]),
        [
          ['E09000001', '50-74 yrs', ...expected(310, 400)],
          ['E09000003', '50-74 yrs', ...expected(21000, 31000)],
        ],
      );
    });

    test('refused, the database unchanged: no indicator name, no data, areas that cannot be computed, ages off the bands', async (c) => {
      if ((await imported(c)) === null) return;
      const request = dsrRequest('esp2013-20', 90009);
      assert.match(
        await assertComputeRefused(
          db,
          { ...request, name: undefined } as ComputeRequest,
          'COMPUTE_NO_INDICATOR',
        ),
        /indicator 90009 does not exist: give --name to create it/,
      );
      assert.match(
        await assertComputeRefused(
          db,
          { ...request, measure: 'births', areas: undefined },
          'COMPUTE_NO_DATA',
        ),
        /no area has both counts of 'births' for 2014 and populations for 2014/,
      );
      assert.match(
        await assertComputeRefused(db, { ...request, year: 2015, areas: undefined }, 'COMPUTE_NO_DATA'),
        /no area has both counts of 'deaths-all-causes' for 2015/,
      );
      assert.match(
        await assertComputeRefused(db, { ...request, areas: ['E09000001', 'E09000099'] }, 'COMPUTE_AREAS'),
        /E09000099: no counts of 'deaths-all-causes' for 2014/,
      );
      assert.match(
        await assertComputeRefused(db, { ...request, ages: { from: 0, to: 72 } }, 'COMPUTE_BAD_AGES'),
        /ages 0-72 do not fall on the edges of the esp2013-20 bands/,
      );
      // The counts are in 5-year bands: there is no splitting 85-89 for ages 0-87.
      assert.match(
        await assertComputeRefused(
          db,
          { ...request, method: 'rate', ages: { from: 0, to: 87 }, areas: ['E09000001'] } as ComputeRequest,
          'COMPUTE_AREAS',
        ),
        /E09000001 Persons: counts of 'deaths-all-causes' for 2014: age band 85-89 does not fit in 0-87/,
      );
    });
  });
}

describe('healthhub compute (the command)', () => {
  test('computes from imported files, says when nothing changed, refuses bad requests with exit 2', async (c) => {
    const s = shared(c);
    if (s === null) return;
    const env = { HEALTHHUB_DATA_DIR: files.path('cli-db') };
    const areas = ['E09000001', 'E09000002'];
    const population = subset(s.population, areas, 'cli-population');
    const deaths = subset(s.deaths, areas, 'cli-deaths');
    assert.equal((await runCli(['import', 'population', population, '--year', '2014'], env)).code, 0);
    const imported = await runCli(
      ['import', 'counts', deaths, '--measure', 'deaths-all-causes', '--year', '2014'],
      env,
    );
    assert.equal(imported.code, 0, imported.stderr);

    const args = [
      'compute',
      'dsr',
      '--indicator',
      '90001',
      '--name',
      'Mortality from all causes',
      '--measure',
      'deaths-all-causes',
      '--year',
      '2014',
      '--sex',
      'persons,males',
      '--standard',
      'esp2013-20',
    ];
    const computed = await runCli(args, env);
    assert.equal(computed.code, 0, computed.stderr);
    assert.match(
      computed.stdout,
      /^compute dsr: indicator 90001, 2014 \(load 3\): 4 values: 4 inserted, 0 updated, 0 unchanged; 0 skipped\n$/,
    );
    const again = await runCli(args, env);
    assert.equal(
      again.stdout,
      'compute dsr: indicator 90001, 2014: 4 values: 0 inserted, 0 updated, 4 unchanged; 0 skipped: nothing changed\n',
    );

    const noName = await runCli(
      ['compute', 'rate', '--indicator', '7', '--measure', 'deaths-all-causes', '--year', '2014'],
      env,
    );
    assert.equal(noName.code, 2);
    assert.equal(
      noName.stderr,
      'healthhub: compute rate: indicator 7 does not exist: give --name to create it\n',
    );
    const wrong = await runCli(
      ['compute', 'rate', '--indicator', '7', '--measure', 'x', '--year', '2014', '--standard', 'esp2013'],
      env,
    );
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /compute rate: --standard is for dsr/);
    const help = await runCli(['compute', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /esp2013-20 \(2013 European Standard Population, 20 bands/);
  });
});
