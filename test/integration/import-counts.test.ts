import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, type TestContext, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/db.js';
import { queryRows } from '../../src/db/query-rows.js';
import { createCountsImporter } from '../../src/imports/counts/counts-importer.js';
import type { ImportSummary } from '../../src/imports/import-summary.js';
import { runImport } from '../../src/imports/run-import.js';
import { csvLines, replaceOnce, scratchFiles } from '../support/import-assertions.js';
import { assertImportRefused, longTableSnapshot } from '../support/long-table-assertions.js';
import { runCli } from '../support/run-cli.js';
import { sharedPath } from '../support/shared-data.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/test-database.js';

const REAL = ['data', 'mortality', 'ons_deaths_2014_la_ageband_sex.csv'] as const;
const DEATHS = { measure: 'deaths-all-causes', year: 2014 } as const;
const files = scratchFiles('import-counts');
after(() => files.remove());

const counts = (s: ImportSummary) => [s.rowsRead, s.inserted, s.updated, s.unchanged, s.rejected];
let reports = 0;

function importFile(
  db: Db,
  file: string,
  options: { measure?: string; year?: number; skipInvalid?: boolean } = {},
) {
  const { skipInvalid, ...given } = options;
  return runImport(db, createCountsImporter(given), {
    file,
    skipInvalid: skipInvalid === true,
    // Never beside the input: ../shared is not ours to write in.
    reportPath: files.path(`report-${++reports}.csv`),
  });
}

/** The real file's header and its lines `from` to `to` of each range (1-based, inclusive), CRLF as it has them. */
function lines(text: string, ...ranges: (readonly [number, number])[]): string {
  const all = text.split('\r\n');
  return `${[all[0], ...ranges.flatMap(([from, to]) => all.slice(from - 1, to))].join('\r\n')}\r\n`;
}

for (const kind of databaseKinds()) {
  describe(`import counts on ${kind}`, () => {
    let t: TestDatabase;
    let db: Db;
    let text = '';
    let first: ImportSummary | undefined;
    before(async () => {
      t = await createTestDatabase(kind);
      db = t.database.db;
    });
    after(() => t.cleanup());

    function real(c: TestContext): string | null {
      const path = sharedPath(c, ...REAL);
      if (path === null) return null;
      text ||= readFileSync(path, 'utf8');
      return path;
    }

    test('the real ONS 2014 deaths file is refused as it stands: 126 of its rows cannot be stored', async (c) => {
      const path = real(c);
      if (path === null) return;
      const { error, report } = await assertImportRefused(
        db,
        () => importFile(db, path, DEATHS),
        'IMPORT_INVALID_ROWS',
      );
      assert.match(
        error.message,
        /126 of 16632 rows rejected, the first on line 14072: area_code: 'E06000052\+E06000053' is not an ONS area code/,
      );
      const byReason = new Map<string, number[]>();
      for (const line of report) {
        const [n, ...reason] = line.split(',');
        const key = reason.join(',').replace(/line \d+/, 'line N');
        byReason.set(key, [...(byReason.get(key) ?? []), Number(n)]);
      }
      const range = (from: number) => Array.from({ length: 42 }, (_, i) => from + i);
      assert.deepEqual(
        [...byReason.entries()],
        [
          // Cornwall and the Isles of Scilly, published combined.
          ["area_code: 'E06000052+E06000053' is not an ONS area code (such as E09000001)", range(14072)],
          // "Usual residence outside England and Wales".
          ['area_code: is empty', range(16592)],
          // Wales is in the file twice.
          ['"duplicate: line N has the same measure, area, year, sex and age"', range(15626)],
        ],
      );
      assert.match(report.find((r) => r.startsWith('15626,'))!, /line 86 has/);
    });

    test('--skip-invalid imports the other 16,506 rows: 15,720 age bands, and the 786 totals checked against them', async (c) => {
      const path = real(c);
      if (path === null) return;
      const started = performance.now();
      first = await importFile(db, path, { ...DEATHS, skipInvalid: true });
      console.log(
        `# ${kind}: 16,632 rows of deaths imported in ${Math.round(performance.now() - started)} ms`,
      );
      assert.equal(first.importer, 'counts --measure deaths-all-causes --year 2014');
      assert.deepEqual(counts(first), [16632, 15720, 0, 786, 126]);
      assert.equal(readFileSync(first.reportPath!, 'utf8').trimEnd().split('\n').length, 127);

      const types = await queryRows<{ area_type: string; n: number }>(
        db,
        sql`select area_type, count(*)::int as n from areas group by area_type order by area_type`,
      );
      assert.deepEqual(types, [
        { area_type: 'country', n: 2 },
        { area_type: 'county', n: 27 },
        { area_type: 'england-and-wales', n: 1 },
        { area_type: 'inner-outer-london', n: 2 },
        { area_type: 'local-authority', n: 346 },
        { area_type: 'metropolitan-county', n: 6 },
        { area_type: 'region', n: 9 },
      ]);
      const city = await queryRows<{ age_from: number; age_to: number | null; count: number }>(
        db,
        sql`select age_from, age_to, "count" from event_counts
             where measure = 'deaths-all-causes' and area_code = 'E09000001' and year = 2014 and sex = 'males'
             order by age_from`,
      );
      assert.equal(city.length, 20);
      assert.deepEqual(city.slice(0, 2), [
        { age_from: 0, age_to: 0, count: 0 },
        { age_from: 1, age_to: 4, count: 0 },
      ]);
      assert.deepEqual(city.at(-1), { age_from: 90, age_to: null, count: 1 });
      assert.equal(
        city.reduce((a, r) => a + r.count, 0),
        17,
        'the bands sum to the "All ages" row',
      );
      const [persons] = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from event_counts where sex = 'persons'`,
      );
      assert.equal(persons!.n, 0, 'the file has males and females only');
      const [load] = await queryRows<Record<string, unknown>>(db, sql`select * from data_loads`);
      assert.deepEqual(
        [load!.name, load!.rows_read, load!.row_count, load!.rows_unchanged, load!.rows_rejected],
        ['counts --measure deaths-all-causes --year 2014', 16632, 15720, 786, 126],
      );
    });

    test('the same file again changes nothing; the same rows in another file are all unchanged', async (c) => {
      const path = real(c);
      if (path === null) return;
      const before = await longTableSnapshot(db);
      const again = await importFile(db, path, { ...DEATHS, skipInvalid: true });
      assert.equal(again.status, 'already-loaded');
      assert.equal(again.loadId, first!.loadId);
      assert.deepEqual(await longTableSnapshot(db), before);

      // The file without its 126 bad rows: new bytes, the same counts.
      const { header, rows } = csvLines(text);
      const clean = [
        header,
        ...rows.filter((r, i) => !/^(,|E06000052\+)/.test(r) && !(i + 2 >= 15626 && i + 2 <= 15667)),
      ];
      assert.equal(clean.length, 16507);
      const copy = await importFile(db, files.write(`${clean.join('\r\n')}\r\n`, 'clean'), DEATHS);
      assert.deepEqual(counts(copy), [16506, 0, 0, 16506, 0]);
      const after = await longTableSnapshot(db);
      assert.equal(after.event_counts_digest, before.event_counts_digest, 'no count changed, nor its load');
      assert.equal(after.areas_digest, before.areas_digest);
    });

    test('a newer edition updates the counts it changes and adds the new ones', async (c) => {
      if (real(c) === null) return;
      const edition = [
        'measure,year,area_code,area_name,sex,age_band,deaths',
        'deaths-all-causes,2014,E09000001,City of London,Males,90+,2',
        'deaths-all-causes,2014,E09000001,City of London,Males,85-89,3',
        'deaths-cancer,2014,E09000001,City of London,Persons,All ages,9',
      ].join('\n');
      const summary = await importFile(db, files.write(edition, 'edition'));
      assert.equal(summary.importer, 'counts', 'the file gives the measure and year');
      // 90+ changed, 85-89 as it was, a new measure (the total alone: stored as ages 0 and over).
      assert.deepEqual(counts(summary), [3, 1, 1, 1, 0]);
      const rows = await queryRows<{
        measure: string;
        age_from: number;
        age_to: number | null;
        count: number;
        load: number;
      }>(
        db,
        sql`select measure, age_from, age_to, "count", load_id as load from event_counts
             where area_code = 'E09000001' and (age_from >= 85 or measure = 'deaths-cancer') and sex in ('males', 'persons')
             order by measure, age_from`,
      );
      assert.deepEqual(rows, [
        { measure: 'deaths-all-causes', age_from: 85, age_to: 89, count: 3, load: first!.loadId },
        { measure: 'deaths-all-causes', age_from: 90, age_to: null, count: 2, load: summary.loadId },
        { measure: 'deaths-cancer', age_from: 0, age_to: null, count: 9, load: summary.loadId },
      ]);
    });

    test('broken files are refused whole, the database unchanged, the report listing every bad line', async (c) => {
      if (real(c) === null) return;
      // City of London and Barking and Dagenham (lines 9368-9409 and 9956-9997).
      const london = lines(text, [9368, 9409], [9956, 9997]);
      const run =
        (content: string, options: { measure?: string; year?: number } = DEATHS) =>
        () =>
          importFile(db, files.write(content), options);

      const header = await assertImportRefused(
        db,
        run(replaceOnce(london, 'age_band,deaths', 'age_band,death')),
        'IMPORT_BAD_HEADER',
      );
      assert.match(header.error.message, /missing "count"; unexpected "death"/);

      const truncated = await assertImportRefused(db, run(london.slice(0, -6)), 'IMPORT_TRUNCATED');
      assert.match(truncated.error.message, /last record \(line 85\)/);

      let bad = replaceOnce(
        london,
        'E09000001,City of London,Males,90+,1',
        'E09000001,City of London,Males,90+,1O',
      );
      bad = replaceOnce(bad, 'E09000001,City of London,Females,0,0', 'E09000001,City of London,Females,0,');
      bad = replaceOnce(
        bad,
        'E09000002,Barking and Dagenham,Males,0,10',
        'E09000002,Barking and Dagenham,Males,0,11',
      );
      bad += 'E09000002,Barking and Dagenham,Females,90+,84\r\n';
      const rows = await assertImportRefused(db, run(bad), 'IMPORT_INVALID_ROWS');
      assert.deepEqual(rows.report, [
        "22,deaths: '1O' is not a number",
        '24,deaths: is empty',
        '86,"duplicate: line 85 has the same measure, area, year, sex and age"',
        // Without its rejected 90+ (1 death) the City's males no longer add up to their total: refused too.
        '2,All ages: 17 is not the sum of the 19 age bands beside it (16)',
        // A band changed, its total not.
        '44,All ages: 605 is not the sum of the 20 age bands beside it (606)',
      ]);
      assert.match(rows.error.message, /5 of 85 rows rejected, the first on line 22/);

      const measure = await assertImportRefused(
        db,
        run(
          'measure,area_code,area_name,sex,age_band,count\nbirths,E09000001,City of London,Persons,All ages,70\n',
          { measure: 'deaths-all-causes', year: 2014 },
        ),
        'IMPORT_INVALID_ROWS',
      );
      assert.deepEqual(measure.report, [
        "2,measure: 'births' is not the --measure given (deaths-all-causes)",
      ]);
      const noMeasure = await assertImportRefused(db, run(london, { year: 2014 }), 'IMPORT_BAD_HEADER');
      assert.match(noMeasure.error.message, /missing "measure"/);
    });
  });
}

describe('healthhub import counts (the command)', () => {
  test('needs --measure and --year for a file without those columns; imports with --skip-invalid', async () => {
    const env = { HEALTHHUB_DATA_DIR: files.path('cli-db') };
    const file = files.write(
      'area_code,area_name,sex,age_band,deaths\nE09000001,City of London,Males,0-74,5\nE09000001,City of London,Males,75+,x\n',
      'cli',
    );
    const noMeasure = await runCli(['import', 'counts', file, '--year', '2014'], env);
    assert.equal(noMeasure.code, 2, noMeasure.stderr);
    assert.match(noMeasure.stderr, /has no measure column: give --measure NAME\n$/);
    const badMeasure = await runCli(
      ['import', 'counts', file, '--measure', 'All Deaths', '--year', '2014'],
      env,
    );
    assert.equal(badMeasure.code, 2);
    assert.match(badMeasure.stderr, /--measure must be a name of lower-case letters, digits and hyphens/);

    const ok = await runCli(
      ['import', 'counts', file, '--measure', 'deaths-all-causes', '--year', '2014', '--skip-invalid'],
      env,
    );
    assert.equal(ok.code, 0, ok.stderr);
    const report = file.replace(/\.csv$/, '.report.csv');
    assert.equal(
      ok.stdout,
      `counts --measure deaths-all-causes --year 2014: loaded ${file.split('/').at(-1)} (load 1): 2 rows read, 1 inserted, 0 updated, 0 unchanged, 1 rejected\nrejected rows and reasons: ${report}\n`,
    );
    assert.equal(readFileSync(report, 'utf8'), "line,reason\n3,deaths: 'x' is not a number\n");
  });
});
