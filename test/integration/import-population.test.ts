import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, type TestContext, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/db.js';
import { queryRows } from '../../src/db/query-rows.js';
import type { ImportSummary } from '../../src/imports/import-summary.js';
import { createPopulationImporter } from '../../src/imports/population/population-importer.js';
import { runImport } from '../../src/imports/run-import.js';
import { csvLines, replaceOnce, scratchFiles } from '../support/import-assertions.js';
import { assertImportRefused, longTableSnapshot } from '../support/long-table-assertions.js';
import { runCli } from '../support/run-cli.js';
import { sharedPath } from '../support/shared-data.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/test-database.js';

const REAL = ['data', 'population', 'ons_mye2014_la_sya_sex.csv'] as const;
const files = scratchFiles('import-population');
after(() => files.remove());

const counts = (s: ImportSummary) => [s.rowsRead, s.inserted, s.updated, s.unchanged, s.rejected];

function importFile(db: Db, file: string, options: { year?: number; skipInvalid?: boolean } = {}) {
  return runImport(db, createPopulationImporter(options.year === undefined ? {} : { year: options.year }), {
    file,
    skipInvalid: options.skipInvalid === true,
    reportPath: files.path(`report-${Math.random().toString(36).slice(2)}.csv`),
  });
}

for (const kind of databaseKinds()) {
  describe(`import population on ${kind}`, () => {
    let t: TestDatabase;
    let db: Db;
    let text = '';
    let first: ImportSummary | undefined;
    before(async () => {
      t = await createTestDatabase(kind);
      db = t.database.db;
    });
    after(() => t.cleanup());

    /** The real file's path, or null (skipped) when ../shared is absent. */
    function real(c: TestContext): string | null {
      const path = sharedPath(c, ...REAL);
      if (path === null) return null;
      text ||= readFileSync(path, 'utf8');
      return path;
    }

    /** The header and the first `n` rows of the real file (CRLF, as the file has them). */
    const prefix = (n: number) =>
      `${text
        .split('\r\n')
        .slice(0, n + 1)
        .join('\r\n')}\r\n`;

    test('imports the 120,120 rows of the ONS mid-2014 estimates with --year 2014, adding the 440 areas', async (c) => {
      const path = real(c);
      if (path === null) return;
      const started = performance.now();
      first = await importFile(db, path, { year: 2014 });
      console.log(
        `# ${kind}: 120,120 population rows imported in ${Math.round(performance.now() - started)} ms`,
      );
      assert.equal(first.importer, 'population --year 2014');
      assert.equal(first.status, 'imported');
      assert.deepEqual(counts(first), [120120, 120120, 0, 0, 0]);
      assert.equal(first.reportPath, undefined);

      const types = await queryRows<{ area_type: string; n: number }>(
        db,
        sql`select area_type, count(*)::int as n from areas group by area_type order by area_type`,
      );
      assert.deepEqual(types, [
        { area_type: 'country', n: 4 },
        { area_type: 'county', n: 27 },
        { area_type: 'england-and-wales', n: 1 },
        { area_type: 'great-britain', n: 1 },
        { area_type: 'local-authority', n: 391 },
        { area_type: 'metropolitan-county', n: 6 },
        { area_type: 'region', n: 9 },
        { area_type: 'uk', n: 1 },
      ]);
      const [city] = await queryRows<{ name: string }>(
        db,
        sql`select name from areas where code = 'E09000001'`,
      );
      assert.equal(city!.name, 'City of London');

      const england = await queryRows<{ sex: string; n: number; total: number; open: number }>(
        db,
        sql`select sex, count(*)::int as n, sum(population)::float8 as total,
                   count(*) filter (where age_to is null)::int as open
              from populations where area_code = 'E92000001' and year = 2014 group by sex order by sex`,
      );
      assert.deepEqual(england, [
        { sex: 'females', n: 91, total: 27543422, open: 1 },
        { sex: 'males', n: 91, total: 26773196, open: 1 },
        { sex: 'persons', n: 91, total: 54316618, open: 1 },
      ]);
      const [oldest] = await queryRows<{ age_from: number; age_to: number | null; population: number }>(
        db,
        sql`select age_from, age_to, population from populations
             where area_code = 'E09000001' and sex = 'persons' and age_from = 90`,
      );
      assert.deepEqual(oldest, { age_from: 90, age_to: null, population: 53 });

      const [load] = await queryRows<Record<string, unknown>>(db, sql`select * from data_loads`);
      assert.deepEqual(
        [load!.kind, load!.name, load!.source, load!.is_demo],
        ['import', 'population --year 2014', 'ons_mye2014_la_sya_sex.csv', false],
      );
      assert.deepEqual(
        [load!.rows_read, load!.row_count, load!.rows_updated, load!.rows_unchanged, load!.rows_rejected],
        [120120, 120120, 0, 0, 0],
      );
    });

    test('the same file again changes nothing', async (c) => {
      const path = real(c);
      if (path === null) return;
      const before = await longTableSnapshot(db);
      const again = await importFile(db, path, { year: 2014 });
      assert.equal(again.status, 'already-loaded');
      assert.equal(again.loadId, first!.loadId);
      assert.deepEqual(await longTableSnapshot(db), before);
    });

    test('a newer edition replaces what it gives (five-year bands replace single years); no history', async (c) => {
      if (real(c) === null) return;
      const { rows } = csvLines(text);
      const hartlepoolFemales = rows.filter((r) => r.startsWith('E06000001,Hartlepool,Females,'));
      assert.equal(hartlepoolFemales.length, 91);
      const single = hartlepoolFemales.map((r) => Number(r.split(',')[4]));
      const bands: string[] = [];
      for (let from = 0; from < 90; from += 5) {
        const sum = single.slice(from, from + 5).reduce((a, b) => a + b, 0) + (from === 0 ? 1 : 0);
        bands.push(`E06000001,Hartlepool,Females,${from}-${from + 4},${sum},2014`);
      }
      bands.push(`E06000001,Hartlepool,Females,90+,${single[90]},2014`);
      const edition = [
        'area_code,area_name,sex,age,population,year',
        ...bands,
        'E06000001,Hartlepool,Males,0,500,2014', // was 458
        `${rows.find((r) => r.startsWith('E06000001,Hartlepool,Males,1,'))},2014`, // as it was
        'E09000001,City of London,Persons,All ages,7800,2015', // a year not yet known: the total alone
      ].join('\n');
      const before = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from populations`);
      const summary = await importFile(db, files.write(edition, 'edition'));
      assert.equal(summary.importer, 'population', 'the file gives the year: no --year in the name');
      // 18 bands and Males 0 changed; 90+ (the same band and number) and Males 1 unchanged.
      assert.deepEqual(counts(summary), [22, 1, 19, 2, 0]);

      const after = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from populations`);
      assert.equal(after[0]!.n, before[0]!.n - 91 + 19 + 1, 'the 91 single years became 19 bands');
      const females = await queryRows<{ age_from: number; age_to: number | null; population: number }>(
        db,
        sql`select age_from, age_to, population from populations
             where area_code = 'E06000001' and year = 2014 and sex = 'females' order by age_from`,
      );
      assert.equal(females.length, 19);
      assert.deepEqual(females[0], { age_from: 0, age_to: 4, population: 514 + 509 + 560 + 579 + 591 + 1 });
      assert.deepEqual(females.at(-1), { age_from: 90, age_to: null, population: single[90] });
      const males = await queryRows<{ age_from: number; population: number; load_id: number }>(
        db,
        sql`select age_from, population, load_id from populations
             where area_code = 'E06000001' and year = 2014 and sex = 'males' and age_from < 2 order by age_from`,
      );
      assert.deepEqual(males, [
        { age_from: 0, population: 500, load_id: summary.loadId },
        {
          age_from: 1,
          population: Number(rows.find((r) => r.includes(',Males,1,'))!.split(',')[4]),
          load_id: first!.loadId,
        },
      ]);
      const [total] = await queryRows<{ age_from: number; age_to: number | null; population: number }>(
        db,
        sql`select age_from, age_to, population from populations where area_code = 'E09000001' and year = 2015`,
      );
      assert.deepEqual(total, { age_from: 0, age_to: null, population: 7800 });
      const [history] = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from indicator_value_history`,
      );
      assert.equal(history!.n, 0, 'populations keep no history');
    });

    test('broken files are refused whole, the database unchanged, the report listing every bad line', async (c) => {
      if (real(c) === null) return;
      // The first 5,000 rows (Hartlepool to Herefordshire): a refusal reads the whole file, so keep it short.
      const head = prefix(5000);
      const run =
        (content: string, options: { skipInvalid?: boolean } = {}) =>
        () =>
          importFile(db, files.write(content), { year: 2014, ...options });

      const header = await assertImportRefused(
        db,
        run(replaceOnce(head, 'sex,age,population', 'sex,age,populaton')),
        'IMPORT_BAD_HEADER',
      );
      assert.match(header.error.message, /missing "population"; unexpected "populaton"/);
      assert.deepEqual(header.report, [
        '1,"the header does not match the format: missing ""population""; unexpected ""populaton"""',
      ]);

      const truncated = await assertImportRefused(db, run(head.slice(0, -10)), 'IMPORT_TRUNCATED');
      assert.match(
        truncated.error.message,
        /last record \(line 5001\) has 3 of the header's 5 fields: the file looks truncated/,
      );
      assert.deepEqual(
        truncated.report.map((r) => r.split(',')[0]),
        ['5001'],
      );

      let bad = replaceOnce(head, 'E06000001,Hartlepool,Females,2,560', 'E06000001,Hartlepool,Females,2,5x0');
      bad = replaceOnce(bad, 'E06000001,Hartlepool,Females,3,579', 'E06000001,Hartlepool,Females,3,-579');
      bad = replaceOnce(bad, 'E06000001,Hartlepool,Females,4,591', 'E06000001,Hartlepool,Female?,4,591');
      bad = replaceOnce(
        bad,
        'E06000001,Hartlepool,Females,5,566',
        'E06000001,Hartlepool,Females,5 years,566',
      );
      bad = replaceOnce(bad, 'E06000001,Hartlepool,Females,6,', 'E0600001,Hartlepool,Females,6,');
      bad += 'E06000001,Hartlepool,Females,0,514\r\n'; // line 5002: the same as line 2
      bad += 'E06000001,Hartlepool,Females,90-94,5\r\n'; // line 5003: inside 90+
      bad += 'E06000001,Hartlepool,Males,All ages,1\r\n'; // line 5004: not the sum of the single years
      const rows = await assertImportRefused(db, run(bad), 'IMPORT_INVALID_ROWS');
      assert.deepEqual(rows.report, [
        "4,population: '5x0' is not a number",
        '5,population: -579 is negative',
        `6,"sex: 'Female?' is not Males, Females or Persons"`,
        `7,"age: '5 years' is not an age or age band (such as 0, 0-4, 90+ or All ages)"`,
        "8,area_code: 'E0600001' is not an ONS area code (such as E09000001)",
        '5002,"duplicate: line 2 has the same area, year, sex and age"',
        '5003,age 90-94 overlaps 90+ on line 92 (the same people counted twice)',
        '5004,All ages: 1 is not the sum of the 91 age bands beside it (45207)',
      ]);
      assert.match(rows.error.message, /8 of 5003 rows rejected, the first on line 4/);

      // --skip-invalid still refuses a truncated file or a wrong header.
      await assertImportRefused(db, run(head.slice(0, -10), { skipInvalid: true }), 'IMPORT_TRUNCATED');
      // No year column and no --year: the header is refused.
      const noYear = await assertImportRefused(
        db,
        () => importFile(db, files.write(head)),
        'IMPORT_BAD_HEADER',
      );
      assert.match(noYear.error.message, /missing "year"/);
    });

    test('--skip-invalid imports the valid rows and reports the others', async (c) => {
      if (real(c) === null) return;
      let bad = replaceOnce(
        prefix(200),
        'E06000001,Hartlepool,Females,2,560',
        'E06000001,Hartlepool,Females,2,abc',
      );
      bad += 'E06000001,Hartlepool,Females,0,514\r\n';
      const summary = await importFile(db, files.write(bad), { year: 2013, skipInvalid: true });
      assert.deepEqual(counts(summary), [201, 199, 0, 0, 2]);
      assert.deepEqual(readFileSync(summary.reportPath!, 'utf8').trimEnd().split('\n'), [
        'line,reason',
        "4,population: 'abc' is not a number",
        '202,"duplicate: line 2 has the same area, year, sex and age"',
      ]);
      const [n] = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from populations where year = 2013`,
      );
      assert.equal(n!.n, 199);
    });

    test('the same file under another --year is another load, not one already loaded', async () => {
      const file = files.write(
        'area_code,area_name,sex,age,population\nE09000033,Westminster,Persons,All ages,230000\n',
      );
      const y2010 = await importFile(db, file, { year: 2010 });
      assert.deepEqual(
        [y2010.importer, y2010.status, y2010.inserted],
        ['population --year 2010', 'imported', 1],
      );
      assert.equal((await importFile(db, file, { year: 2010 })).status, 'already-loaded');
      const y2011 = await importFile(db, file, { year: 2011 });
      assert.deepEqual(
        [y2011.importer, y2011.status, y2011.inserted],
        ['population --year 2011', 'imported', 1],
      );
      const years = await queryRows<{ year: number }>(
        db,
        sql`select year from populations where area_code = 'E09000033' and year < 2012 order by year`,
      );
      assert.deepEqual(years, [{ year: 2010 }, { year: 2011 }]);
    });

    test('a year column and --year must agree', async () => {
      const file = files.write(
        'Area Code,Area Name,Sex,Age Band,Population,Year\nE09000002,Barking and Dagenham,M,0-4,100,2013\n',
      );
      const refused = await assertImportRefused(
        db,
        () => importFile(db, file, { year: 2012 }),
        'IMPORT_INVALID_ROWS',
      );
      assert.deepEqual(refused.report, ["2,Year: '2013' is not the --year given (2012)"]);
    });
  });
}

describe('healthhub import population (the command)', () => {
  test('needs --year for a file without a year column; imports and prints the summary', async () => {
    const env = { HEALTHHUB_DATA_DIR: files.path('cli-db') };
    const file = files.write(
      'area_code,area_name,sex,age,population\nE09000001,City of London,Persons,0-4,300\nE09000001,City of London,Persons,5+,7000\n',
      'cli',
    );
    const noYear = await runCli(['import', 'population', file], env);
    assert.equal(noYear.code, 2, noYear.stderr);
    assert.match(
      noYear.stderr,
      /^healthhub: import population: .*cli-\d+\.csv has no year column: give --year YYYY\n$/,
    );
    const badYear = await runCli(['import', 'population', file, '--year', '14'], env);
    assert.equal(badYear.code, 2);
    assert.match(badYear.stderr, /--year must be a year such as 2014, not '14'/);

    const ok = await runCli(['import', 'population', '--year', '2014', file], env);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(
      ok.stdout,
      /^population --year 2014: loaded cli-\d+\.csv \(load \d+\): 2 rows read, 2 inserted, 0 updated, 0 unchanged, 0 rejected\n$/,
    );
    const help = await runCli(['import', 'population', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: healthhub import population FILE\.csv \[--year YYYY\]/);
    const kinds = await runCli(['import', '--help']);
    assert.match(kinds.stdout, /^ {2}population {2}/m);
    assert.match(kinds.stdout, /^ {2}counts {6}/m);
  });
});
