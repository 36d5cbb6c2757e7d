import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, type TestContext, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { loadBuiltInGeography } from '../../src/areas/load-built-in-geography.js';
import type { Db } from '../../src/db/db.js';
import { queryRows } from '../../src/db/query-rows.js';
import type { ImportSummary } from '../../src/imports/import-summary.js';
import { onsHealthIndexImporter } from '../../src/imports/ons-health-index/ons-health-index-importer.js';
import { onsHealthIndexIndicators } from '../../src/imports/ons-health-index/ons-health-index-indicators.js';
import { runImport } from '../../src/imports/run-import.js';
import {
  assertRefused,
  csvLines,
  replaceOnce,
  scratchFiles,
  snapshot,
} from '../support/import-assertions.js';
import { runCli } from '../support/run-cli.js';
import { sharedPath } from '../support/shared-data.js';
import {
  createTestDatabase,
  type DatabaseKind,
  databaseKinds,
  type TestDatabase,
} from '../support/test-database.js';

const REAL = ['data', 'indicators', 'ons_health_index_england_ltla21_indicators.csv'] as const;
const files = scratchFiles('import-ons-health-index');
after(() => files.remove());

/**
 * The file a kind imports: the whole real file on PostgreSQL (120,344 rows); on PGlite, which takes about
 * 45 s over the whole file (most of it the derived comparisons and trends), its rows for London's boroughs and
 * Hartlepool (12,936 real rows, in the file's order).
 */
function realFileFor(kind: DatabaseKind, path: string): { path: string; rows: number } {
  const { header, rows } = csvLines(readFileSync(path, 'utf8'));
  if (kind === 'postgres') return { path, rows: rows.length };
  const subset = rows.filter((r) => r.startsWith('"E09') || r.startsWith('"E06000001"'));
  return {
    path: files.write(`${header}\n${subset.join('\n')}\n`, 'london-and-hartlepool'),
    rows: subset.length,
  };
}

function importFile(db: Db, file: string, options: { skipInvalid?: boolean; reportPath?: string } = {}) {
  return runImport(db, onsHealthIndexImporter, { file, reportPath: files.path('report.csv'), ...options });
}

for (const kind of databaseKinds()) {
  describe(`import ons-health-index on ${kind}`, () => {
    let t: TestDatabase;
    let db: Db;
    let real: { path: string; rows: number } | undefined;
    let first: ImportSummary | undefined;
    before(async () => {
      t = await createTestDatabase(kind);
      db = t.database.db;
      await loadBuiltInGeography(db);
    });
    after(() => t.cleanup());

    function realFile(c: TestContext): { path: string; rows: number } | null {
      const path = sharedPath(c, ...REAL);
      if (path === null) return null;
      real ??= realFileFor(kind, path);
      return real;
    }

    test('imports every row: 56 indicators, values by district and year', async (c) => {
      const file = realFile(c);
      if (file === null) return;
      const started = Date.now();
      first = await importFile(db, file.path);
      c.diagnostic(`${file.rows} rows in ${Date.now() - started} ms`);
      assert.deepEqual(
        [first.status, first.rowsRead, first.inserted, first.updated, first.unchanged, first.rejected],
        ['imported', file.rows, file.rows, 0, 0, 0],
      );
      assert.equal(existsSync(files.path('report.csv')), false, 'no report without problems');

      const defined = await queryRows<{ id: number; name: string; polarity: string }>(
        db,
        sql`select id, name, polarity from indicators order by id`,
      );
      assert.deepEqual(
        defined,
        onsHealthIndexIndicators.map(({ id, name, polarity }) => ({ id, name, polarity })),
      );
      const [life] = await queryRows<Record<string, unknown>>(
        db,
        sql`select * from indicators where id = 980029`,
      );
      assert.equal(life!.name, 'Life expectancy');
      assert.equal(life!.value_type, 'score');
      assert.equal(life!.polarity, 'high-is-good');
      assert.equal(life!.period_type, 'calendar-year');
      assert.equal(life!.source, 'ONS Health Index for England: underlying data');
      assert.equal(life!.licence, 'Open Government Licence v3.0');
      assert.match(String(life!.definition), /not its index score/);

      const hackney = await queryRows<{ indicator_id: number; period: string; value: number }>(
        db,
        sql`select indicator_id, period, value from indicator_values
             where area_code = 'E09000012' and indicator_id in (980029, 980051) and period in ('2015', '2021')
             order by indicator_id, period`,
      );
      assert.deepEqual(hackney, [
        { indicator_id: 980029, period: '2015', value: 80.705 },
        { indicator_id: 980029, period: '2021', value: 81.475 },
        { indicator_id: 980051, period: '2015', value: 20.5 },
        { indicator_id: 980051, period: '2021', value: 14.2 },
      ]);
      const [row] = await queryRows<Record<string, unknown>>(
        db,
        sql`select * from indicator_values where area_code = 'E09000012' and indicator_id = 980029 and period = '2015'`,
      );
      assert.equal(row!.period_sort, 20150000);
      assert.equal(row!.sex, 'Persons');
      assert.equal(row!.age, 'All ages');
      assert.equal(row!.category_type, '');
      assert.equal(row!.load_id, first.loadId);
      assert.equal(row!.lower95, null);
      // healthhub's own comparison ran: no England value in the file, so nothing to compare with.
      assert.equal(row!.computed_compared_to_england, 'Not compared');

      const [counts] = await queryRows<{ areas: number; years: string }>(
        db,
        sql`select count(distinct area_code)::int as areas, string_agg(distinct period, ',') as years
              from indicator_values`,
      );
      assert.equal(counts!.areas, kind === 'postgres' ? 307 : 33);
      assert.equal(counts!.years, '2015,2016,2017,2018,2019,2020,2021');
      // Known areas keep their names; new districts are named by their code until an areas import names them.
      const areas = await queryRows<{ code: string; name: string; area_type: string }>(
        db,
        sql`select code, name, area_type from areas where code in ('E09000012', 'E06000001') order by code`,
      );
      assert.deepEqual(areas, [
        { code: 'E06000001', name: 'E06000001', area_type: 'local-authority' },
        { code: 'E09000012', name: 'Hackney', area_type: 'local-authority' },
      ]);
      const [load] = await queryRows<Record<string, unknown>>(
        db,
        sql`select * from data_loads where id = ${first.loadId}`,
      );
      assert.equal(load!.name, 'ons-health-index');
      assert.deepEqual([load!.rows_read, load!.row_count], [file.rows, file.rows]);
    });

    test('the same file again changes nothing; its rows in another order change nothing', async (c) => {
      const file = realFile(c);
      if (file === null || first === undefined) return;
      const before = await snapshot(db);
      const again = await importFile(db, file.path);
      assert.equal(again.status, 'already-loaded');
      assert.equal(again.loadId, first.loadId);
      assert.deepEqual(await snapshot(db), before);

      const { header, rows } = csvLines(readFileSync(file.path, 'utf8'));
      const reordered = await importFile(
        db,
        files.write(`${header}\n${rows.reverse().join('\n')}\n`, 'reordered'),
      );
      assert.deepEqual(
        [reordered.status, reordered.inserted, reordered.updated, reordered.unchanged],
        ['imported', 0, 0, file.rows],
      );
      const after = await snapshot(db);
      assert.equal(after.values_digest, before.values_digest);
      assert.equal(after.indicators_digest, before.indicators_digest);
      assert.equal(after.areas_digest, before.areas_digest);
    });

    test('a newer edition updates the changed values, adds new ones and keeps what they were', async (c) => {
      if (realFile(c) === null || first === undefined) return;
      const edition = [
        '"ltla21_code","year","indicator","value"',
        '"E09000012",2015,"Life expectancy",80.9',
        '"E09000012",2021,"Smoking",14.2',
        '"E09000012",2022,"Smoking",13.1',
        '"E09000012",2021,"Life expectancy",81.5',
      ].join('\n');
      const summary = await importFile(db, files.write(`${edition}\n`, 'edition'));
      assert.deepEqual([summary.inserted, summary.updated, summary.unchanged], [1, 2, 1]);
      const history = await queryRows<{ period: string; old: number; by: number }>(
        db,
        sql`select h.previous->>'period' as period, (h.previous->>'value')::float8 as old,
                   h.replaced_by_load_id as by
              from indicator_value_history h order by h.previous->>'period'`,
      );
      assert.deepEqual(history, [
        { period: '2015', old: 80.705, by: summary.loadId },
        { period: '2021', old: 81.475, by: summary.loadId },
      ]);
      const [value] = await queryRows<{ value: number; load_id: number }>(
        db,
        sql`select value, load_id from indicator_values
             where area_code = 'E09000012' and indicator_id = 980029 and period = '2015'`,
      );
      assert.deepEqual(value, { value: 80.9, load_id: summary.loadId });
    });

    test('an indicator not among the 56 gets the next id from 980101, and keeps it', async () => {
      const header = '"ltla21_code","year","indicator","value"';
      const one = await importFile(
        db,
        files.write(
          `${header}\n"E09000002",2022,"Loneliness",7.5\n"E09000003",2022,"loneliness",6.5\n`,
          'new',
        ),
      );
      assert.equal(one.inserted, 2);
      const two = await importFile(
        db,
        files.write(
          `${header}\n"E09000002",2023,"Loneliness",7.1\n"E09000002",2023,"Green space",40\n`,
          'new',
        ),
      );
      assert.equal(two.inserted, 2);
      const added = await queryRows<{ id: number; name: string; polarity: string }>(
        db,
        sql`select id, name, polarity from indicators where id > 980056 order by id`,
      );
      assert.deepEqual(added, [
        { id: 980101, name: 'Loneliness', polarity: 'no-judgement' },
        { id: 980102, name: 'Green space', polarity: 'no-judgement' },
      ]);
      const [n] = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from indicator_values where indicator_id = 980101`,
      );
      assert.equal(n!.n, 3);
    });

    test('broken files are refused whole; the report lists every bad line', async (c) => {
      const file = realFile(c);
      if (file === null) return;
      const { header, rows } = csvLines(readFileSync(file.path, 'utf8'));
      const small = `${header}\n${rows.slice(0, 200).join('\n')}\n`;
      const run =
        (text: string, skipInvalid = false) =>
        () =>
          importFile(db, files.write(text, 'broken'), { skipInvalid });

      const cut = `${header}\n${rows.slice(0, 199).join('\n')}\n${rows[199]!.slice(0, 16)}`;
      const truncated = await assertRefused(db, run(cut), 'IMPORT_TRUNCATED');
      assert.deepEqual(
        truncated.report.map((r) => r.split(',')[0]),
        ['201'],
      );
      const badHeader = await assertRefused(db, run(small.replace('"value"', '"val"')), 'IMPORT_BAD_HEADER');
      assert.match(badHeader.error.message, /missing "value"; unexpected "val"/);

      const region = rows[19]!.replace(/^"E\d\d/, '"E12');
      let bad = replaceOnce(small, rows[9]!, rows[9]!.replace(/,[^,]*$/, ',abc'));
      bad = replaceOnce(bad, rows[19]!, region);
      bad = replaceOnce(bad, rows[29]!, rows[29]!.replace(/^("[^"]*"),\d+/, '$1,15'));
      bad = `${bad}${rows[4]}\n`;
      const refused = await assertRefused(db, run(bad), 'IMPORT_INVALID_ROWS');
      assert.deepEqual(refused.report, [
        "11,value: 'abc' is not a number",
        `21,"ltla21_code: '${region.slice(1, 10)}' is not a local authority district code (E06, E07, E08 or E09)"`,
        "31,year: '15' is out of range (1990 to 2100)",
        '202,"duplicate: line 6 has the same indicator, area, time period, sex, age and category"',
      ]);
      assert.match(refused.error.message, /4 of 201 rows rejected, the first on line 11/);

      // --skip-invalid imports the valid rows of a file, but never a truncated one.
      await assertRefused(db, run(cut, true), 'IMPORT_TRUNCATED');
    });

    test('--skip-invalid imports the valid rows and reports the others', async (c) => {
      const file = realFile(c);
      if (file === null) return;
      const { header, rows } = csvLines(readFileSync(file.path, 'utf8'));
      // 2024: a year the database does not have, so that every valid row is new.
      const later = rows
        .filter((r) => /^"[^"]*",2015,/.test(r))
        .slice(0, 100)
        .map((r) => r.replace(/^("[^"]*"),\d+/, '$1,2024'));
      later[49] = later[49]!.replace(/,[^,]*$/, ',NaN');
      const reportPath = files.path('skip.report.csv');
      const summary = await importFile(
        db,
        files.write(`${header}\n${later.join('\n')}\n${later[0]}\n`, 'skip'),
        {
          skipInvalid: true,
          reportPath,
        },
      );
      assert.deepEqual(
        [summary.rowsRead, summary.inserted, summary.updated, summary.unchanged, summary.rejected],
        [101, 99, 0, 0, 2],
      );
      assert.deepEqual(readFileSync(reportPath, 'utf8').trimEnd().split('\n'), [
        'line,reason',
        "51,value: 'NaN' is not a number",
        '102,"duplicate: line 2 has the same indicator, area, time period, sex, age and category"',
      ]);
      const [n] = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from indicator_values where period = '2024'`,
      );
      assert.equal(n!.n, 99);
    });
  });
}

describe('healthhub import ons-health-index (the command)', () => {
  test('imports, prints the summary, refuses a bad file with exit 2', async (c) => {
    const path = sharedPath(c, ...REAL);
    if (path === null) return;
    const env = { HEALTHHUB_DATA_DIR: files.path('cli-db') };
    const { header, rows } = csvLines(readFileSync(path, 'utf8'));
    const good = files.write(`${header}\n${rows.slice(0, 300).join('\n')}\n`, 'cli');
    const bad = files.write(
      `${header}\n${rows.slice(0, 9).join('\n')}\n"E09000001",2015,"Smoking",x\n`,
      'cli-bad',
    );

    const refused = await runCli(['import', 'ons-health-index', bad], env);
    assert.equal(refused.code, 2, refused.stderr);
    assert.match(
      refused.stderr,
      /^healthhub: ons-health-index: cli-bad-\d+\.csv: 1 of 10 rows rejected, the first on line 11/,
    );
    const ok = await runCli(['import', 'ons-health-index', good], env);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(
      ok.stdout,
      /^ons-health-index: loaded cli-\d+\.csv \(load \d+\): 300 rows read, 300 inserted, 0 updated, 0 unchanged, 0 rejected\n$/,
    );
    const help = await runCli(['import', 'ons-health-index', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /980001-980056/);
  });
});
