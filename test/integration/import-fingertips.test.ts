import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, type TestContext, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/db.js';
import { queryRows } from '../../src/db/query-rows.js';
import { fingertipsImporter } from '../../src/imports/fingertips/fingertips-importer.js';
import { ImportError, type ImportErrorCode } from '../../src/imports/import-error.js';
import type { ImportSummary } from '../../src/imports/import-summary.js';
import { runImport } from '../../src/imports/run-import.js';
import { indicators } from '../../src/indicators/indicators-table.js';
import { runCli } from '../support/run-cli.js';
import { sharedPath } from '../support/shared-data.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/test-database.js';

const REAL = ['data', 'indicators', 'fingertips_export_campylobacter_2015_countyua.csv'] as const;

const scratch = mkdtempSync(join(tmpdir(), 'healthhub-import-fingertips-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

let files = 0;
/** Writes a variant of a file into the scratch directory and returns its path. */
function variant(text: string, name = 'variant'): string {
  const path = join(scratch, `${name}-${++files}.csv`);
  writeFileSync(path, text);
  return path;
}

/** Replaces a string that must occur exactly once. */
function replaceOnce(text: string, from: string, to: string): string {
  assert.equal(text.split(from).length, 2, `'${from}' should occur once`);
  return text.replace(from, to);
}

/** Everything an import can change, to show that a refused file changed nothing. */
async function snapshot(db: Db) {
  const [row] = await queryRows<Record<string, number | string>>(
    db,
    sql`select (select count(*)::int from areas) as areas,
               (select count(*)::int from indicators) as indicators,
               (select count(*)::int from indicator_values) as "values",
               (select count(*)::int from indicator_value_history) as history,
               (select count(*)::int from data_loads) as loads,
               (select md5(coalesce(string_agg(v::text, '|' order by v.id), '')) from indicator_values v) as digest`,
  );
  return row!;
}

function importFile(db: Db, file: string, options: { skipInvalid?: boolean; reportPath?: string } = {}) {
  return runImport(db, fingertipsImporter, { file, ...options });
}

/** Asserts a refusal with the code, and returns the report's lines (line,reason) without its header. */
async function assertRefused(
  db: Db,
  file: string,
  code: ImportErrorCode,
  options: { skipInvalid?: boolean } = {},
): Promise<{ error: ImportError; report: string[] }> {
  const before = await snapshot(db);
  let caught: unknown;
  try {
    await importFile(db, file, options);
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof ImportError, `expected ImportError ${code}, got ${String(caught)}`);
  assert.equal(caught.code, code, caught.message);
  assert.equal(caught.statusCode, 400);
  assert.deepEqual(await snapshot(db), before, 'the database is as it was');
  const report = caught.reportPath ? readFileSync(caught.reportPath, 'utf8').trimEnd().split('\n') : [];
  if (report.length > 0) assert.equal(report[0], 'line,reason');
  return { error: caught, report: report.slice(1) };
}

for (const kind of databaseKinds()) {
  describe(`import fingertips on ${kind}`, () => {
    let t: TestDatabase;
    let db: Db;
    let text = '';
    let first: ImportSummary | undefined;
    before(async () => {
      t = await createTestDatabase(kind);
      db = t.database.db;
    });
    after(() => t.cleanup());

    /** The real file's text, or null (skipped) when ../shared is absent. */
    function real(c: TestContext): string | null {
      const path = sharedPath(c, ...REAL);
      if (path === null) return null;
      text ||= readFileSync(path, 'utf8');
      return path;
    }

    test('imports every row, with its quirks, and records the load', async (c) => {
      const path = real(c);
      if (path === null) return;
      first = await importFile(db, path, { reportPath: join(scratch, 'real.report.csv') });
      assert.deepEqual(
        { ...first, loadId: 0 },
        {
          importer: 'fingertips',
          source: 'fingertips_export_campylobacter_2015_countyua.csv',
          status: 'imported',
          loadId: 0,
          rowsRead: 852,
          inserted: 852,
          updated: 0,
          unchanged: 0,
          rejected: 0,
        },
      );
      assert.equal(existsSync(join(scratch, 'real.report.csv')), false, 'no report without problems');
      const [england] = await queryRows<{ value: number; lower95: number; count: number; computed: string }>(
        db,
        sql`select value, lower95, "count", computed_compared_to_england as computed from indicator_values
             where area_code = 'E92000001' and period = '2015' and age = 'All ages' and category = ''`,
      );
      assert.equal(england!.value, 94.7261896202678);
      assert.equal(england!.lower95, 93.9129396546008);
      assert.equal(england!.count, 51897);
      assert.equal(england!.computed, 'Not compared');
      const [city] = await queryRows<{ value: number | null; value_note: string }>(
        db,
        sql`select value, value_note from indicator_values
             where area_code = 'E09000001' and period = '2015' and age = 'All ages'`,
      );
      assert.deepEqual(city, { value: null, value_note: 'Value for Hackney and City of London combined' });
      const [indicator] = await db.select().from(indicators);
      assert.equal(indicator!.id, 93356);
      assert.equal(indicator!.name, 'Campylobacter incidence rate/100,000', 'the line break is trimmed');
      assert.equal(indicator!.valueType, 'score');
      assert.equal(indicator!.polarity, 'no-judgement');
      const types = await queryRows<{ area_type: string; n: number }>(
        db,
        sql`select area_type, count(*)::int as n from areas group by area_type order by area_type`,
      );
      assert.deepEqual(types, [
        { area_type: 'country', n: 1 },
        { area_type: 'county-ua', n: 152 },
        { area_type: 'region', n: 9 },
      ]);
      const [load] = await queryRows<Record<string, unknown>>(db, sql`select * from data_loads`);
      assert.equal(load!.kind, 'import');
      assert.equal(load!.name, 'fingertips');
      assert.equal(load!.source, 'fingertips_export_campylobacter_2015_countyua.csv');
      assert.match(String(load!.sha256), /^[0-9a-f]{64}$/);
      assert.deepEqual(
        [load!.rows_read, load!.row_count, load!.rows_updated, load!.rows_unchanged, load!.rows_rejected],
        [852, 852, 0, 0, 0],
      );
    });

    test("computed comparisons agree with Fingertips' own (polarity unknown: Higher / Lower)", async (c) => {
      if (real(c) === null) return;
      // Campylobacter: low is good, so Fingertips' Better is healthhub's Lower while the polarity is unknown.
      const asFingertips: Record<string, string> = {
        Lower: 'Better',
        Higher: 'Worse',
        Similar: 'Similar',
        'Not compared': 'Not compared',
      };
      const england = await queryRows<{ computed: string; source: string }>(
        db,
        sql`select computed_compared_to_england as computed, source_compared_to_england as source
              from indicator_values`,
      );
      assert.equal(england.length, 852);
      for (const r of england) assert.equal(asFingertips[r.computed], r.source);
      const london = await queryRows<{ area: string; computed: string; source: string }>(
        db,
        sql`select v.area_code as area, computed_compared_to_london as computed,
                   source_compared_to_region as source
              from indicator_values v where v.area_code like 'E09%'`,
      );
      assert.equal(london.length, 165);
      for (const r of london) assert.equal(asFingertips[r.computed], r.source, r.area);
    });

    test('the same file again changes nothing', async (c) => {
      const path = real(c);
      if (path === null) return;
      const before = await snapshot(db);
      const again = await importFile(db, path);
      assert.equal(again.status, 'already-loaded');
      assert.equal(again.loadId, first!.loadId);
      assert.deepEqual(await snapshot(db), before);
    });

    test('a newer edition updates the changed values and keeps what they were', async (c) => {
      if (real(c) === null) return;
      let edition = replaceOnce(text, ',59.4018770993163,', ',60.5,');
      edition = replaceOnce(edition, ',51.2499690732945,', ',52.25,');
      edition = replaceOnce(edition, ',94.7261896202678,', ',94.8,');
      const summary = await importFile(db, variant(edition, 'edition-2'));
      assert.equal(summary.status, 'imported');
      assert.notEqual(summary.loadId, first!.loadId);
      assert.deepEqual(
        [summary.rowsRead, summary.inserted, summary.updated, summary.unchanged, summary.rejected],
        [852, 0, 3, 849, 0],
      );
      const history = await queryRows<{
        area: string;
        period: string;
        old: number;
        load: number;
        by: number;
      }>(
        db,
        sql`select h.previous->>'area_code' as area, h.previous->>'period' as period,
                   (h.previous->>'value')::float8 as old, (h.previous->>'load_id')::int as load,
                   h.replaced_by_load_id as by
              from indicator_value_history h order by h.id`,
      );
      assert.deepEqual(
        history.sort((a, b) => a.area.localeCompare(b.area) || a.period.localeCompare(b.period)),
        [
          {
            area: 'E09000012',
            period: '2015',
            old: 59.4018770993163,
            load: first!.loadId,
            by: summary.loadId,
          },
          {
            area: 'E09000012',
            period: '2016',
            old: 51.2499690732945,
            load: first!.loadId,
            by: summary.loadId,
          },
          {
            area: 'E92000001',
            period: '2015',
            old: 94.7261896202678,
            load: first!.loadId,
            by: summary.loadId,
          },
        ],
      );
      const [hackney] = await queryRows<{ value: number; load_id: number }>(
        db,
        sql`select value, load_id from indicator_values
             where area_code = 'E09000012' and period = '2015' and age = 'All ages'`,
      );
      assert.deepEqual(hackney, { value: 60.5, load_id: summary.loadId });
    });

    test('broken files are refused whole; the report lists every bad line', async (c) => {
      if (real(c) === null) return;
      const lines = text.split('\r\n');
      // Records are separated by \r\n; each holds a \n in its indicator name, so record k starts on line 2k.
      const lastLine = text.split('\n').length - 1;

      const truncated = await assertRefused(db, variant(text.slice(0, -120)), 'IMPORT_TRUNCATED');
      assert.match(truncated.error.message, /truncated/);
      assert.deepEqual(
        truncated.report.map((r) => r.split(',')[0]),
        [String(lastLine - 1)],
      );

      const cutInQuote = text.slice(0, text.lastIndexOf('"Campylobacter') + 8);
      const quote = await assertRefused(db, variant(cutInQuote), 'IMPORT_TRUNCATED');
      assert.match(quote.error.message, /ends inside a quoted field/);

      const header = await assertRefused(
        db,
        variant(replaceOnce(text, ',Value,', ',Valeu,')),
        'IMPORT_BAD_HEADER',
      );
      assert.match(header.error.message, /missing "Value"; unexpected "Valeu"/);
      assert.deepEqual(
        header.report.map((r) => r.split(',')[0]),
        ['1'],
      );

      const badNumbers = replaceOnce(
        replaceOnce(text, ',59.4018770993163,', ',abc,'),
        ',94.7261896202678,',
        ',1e,',
      );
      const bad = await assertRefused(db, variant(badNumbers), 'IMPORT_INVALID_ROWS');
      assert.deepEqual(bad.report, ["2,Value: '1e' is not a number", "270,Value: 'abc' is not a number"]);
      assert.match(
        bad.error.message,
        /2 of 852 rows rejected, the first on line 2: Value: '1e' is not a number/,
      );
      assert.match(bad.error.message, /nothing was imported/);

      const duplicate = `${text}${lines[1]}\r\n`;
      const dup = await assertRefused(db, variant(duplicate), 'IMPORT_INVALID_ROWS');
      assert.deepEqual(dup.report, [
        '1706,"duplicate: line 2 has the same indicator, area, time period, sex, age and category"',
      ]);

      // --skip-invalid does not import a truncated file or one with a wrong header.
      await assertRefused(db, variant(text.slice(0, -120)), 'IMPORT_TRUNCATED', { skipInvalid: true });
    });

    test('--skip-invalid imports the valid rows and reports the others', async (c) => {
      if (real(c) === null) return;
      // Another indicator id, so that every valid row is new.
      let other = text.replaceAll('93356,"Campylobacter', '93999,"Campylobacter');
      other = replaceOnce(other, ',59.4018770993163,', ',abc,');
      other = `${other}${other.split('\r\n')[1]}\r\n`;
      const reportPath = join(scratch, 'skip.report.csv');
      const summary = await importFile(db, variant(other), { skipInvalid: true, reportPath });
      assert.deepEqual(
        [summary.rowsRead, summary.inserted, summary.updated, summary.unchanged, summary.rejected],
        [853, 851, 0, 0, 2],
      );
      assert.equal(summary.reportPath, reportPath);
      assert.deepEqual(readFileSync(reportPath, 'utf8').trimEnd().split('\n'), [
        'line,reason',
        "270,Value: 'abc' is not a number",
        '1706,"duplicate: line 2 has the same indicator, area, time period, sex, age and category"',
      ]);
      const [n] = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from indicator_values where indicator_id = 93999`,
      );
      assert.equal(n!.n, 851);
    });

    const header =
      'Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Count,Denominator,Value note,Recent Trend,Compared to England value or percentiles,Compared to Region value or percentiles,Time period Sortable,New data,Compared to goal';
    /** One row of a synthetic file: area, period, value, 95% limits, count, denominator. */
    const row = (id: number, area: string, type: string, year: number, v: number, l: number, u: number) =>
      `${id},Synthetic,,,${area},${area},${type},Persons,All ages,,,${year},${v},${l},${u},,,${Math.round(v * 10)},1000000,,,Better,Better,${year}0000,`;

    test("England, London and a borough: compare and recentTrend by the indicator's polarity", async () => {
      // 990001 is defined beforehand (low is good, a crude rate); 990002 is not (no judgement, 'score').
      await db
        .insert(indicators)
        .values({ id: 990001, name: 'Defined', valueType: 'crude-rate', polarity: 'low-is-good' });
      const rows: string[] = [];
      for (const id of [990001, 990002]) {
        for (let year = 2011; year <= 2015; year++) {
          rows.push(row(id, 'E92000001', 'England', year, 50, 49.5, 50.5));
          rows.push(row(id, 'E12000007', 'Region', year, 60, 58, 62));
          // Barking and Dagenham rises steadily, well above England, and takes in London's value.
          const v = 55 + (year - 2011) * 3;
          rows.push(row(id, 'E09000002', 'County & UA', year, v, v - 1, v + 1));
        }
      }
      const summary = await importFile(db, variant(`${header}\r\n${rows.join('\r\n')}\r\n`, 'synthetic'));
      assert.equal(summary.inserted, 30);
      const values = await queryRows<{
        id: number;
        area: string;
        year: string;
        e: string;
        l: string;
        trend: string;
      }>(
        db,
        sql`select indicator_id as id, area_code as area, period as year, computed_compared_to_england as e,
                   computed_compared_to_london as l, computed_trend as trend
              from indicator_values where period in ('2014', '2015') order by indicator_id, area_code, period`,
      );
      const at = (id: number, area: string, year: string) =>
        values.find((v) => v.id === id && v.area === area && v.year === year)!;
      // The borough (2015: 67 [66, 68]) excludes England's 50 and London's 60.
      assert.deepEqual(at(990001, 'E09000002', '2015'), {
        id: 990001,
        area: 'E09000002',
        year: '2015',
        e: 'Worse',
        l: 'Worse',
        trend: 'Increasing and getting worse',
      });
      assert.deepEqual(at(990002, 'E09000002', '2015'), {
        id: 990002,
        area: 'E09000002',
        year: '2015',
        e: 'Higher',
        l: 'Higher',
        trend: 'Cannot be calculated',
      });
      // 2014: 64 [63, 65], four points only: no trend yet.
      assert.equal(at(990001, 'E09000002', '2014').trend, 'Cannot be calculated');
      // London (58-62) against England (50): Worse; London against itself and England against itself: not compared.
      assert.deepEqual(
        [at(990001, 'E12000007', '2015').e, at(990001, 'E12000007', '2015').l],
        ['Worse', 'Not compared'],
      );
      assert.deepEqual(
        [at(990001, 'E92000001', '2015').e, at(990001, 'E92000001', '2015').l],
        ['Not compared', 'Better'],
      );
      // A flat series: no significant change.
      assert.equal(at(990001, 'E92000001', '2015').trend, 'No significant change');
      // The input's own comparisons are kept, not trusted.
      const [source] = await queryRows<{ s: string }>(
        db,
        sql`select source_compared_to_england as s from indicator_values where indicator_id = 990001 and area_code = 'E09000002' and period = '2015'`,
      );
      assert.equal(source!.s, 'Better');
    });
  });
}

for (const kind of databaseKinds()) {
  test(`on ${kind}, a file read on this thread or on a worker (rows encoded there for COPY on PostgreSQL) gives the same values`, async (c) => {
    const path = sharedPath(c, ...REAL);
    if (path === null) return;
    // A bad row and a duplicate too, imported with --skip-invalid: rejections cross the threads as well.
    const text = readFileSync(path, 'utf8');
    const bad = replaceOnce(text, ',59.4018770993163,', ',abc,');
    const last = bad.slice(bad.lastIndexOf('93356,"Campylobacter'));
    const file = variant(bad + last, 'threads');
    const values = async (readOnThread: boolean) => {
      const t = await createTestDatabase(kind);
      try {
        const summary = await runImport(t.database.db, fingertipsImporter, {
          file,
          readOnThread,
          skipInvalid: true,
          reportPath: join(scratch, `threads-${readOnThread}.report.csv`),
        });
        const rows = await queryRows(
          t.database.db,
          sql`select indicator_id, area_code, period, period_sort, sex, age, category_type, category, value,
                     lower95, upper95, lower998, upper998, "count", denominator, value_note, source_trend,
                     source_compared_to_england, source_compared_to_region, computed_compared_to_england,
                     computed_compared_to_london, computed_trend
                from indicator_values
               order by indicator_id, area_code, period, sex, age, category_type, category`,
        );
        const report = readFileSync(join(scratch, `threads-${readOnThread}.report.csv`), 'utf8');
        return { summary: { ...summary, loadId: 0, reportPath: '' }, rows, report };
      } finally {
        await t.cleanup();
      }
    };
    const worker = await values(true);
    assert.equal(worker.summary.inserted, 851);
    assert.equal(worker.summary.rejected, 2);
    assert.deepEqual(await values(false), worker);
  });
}

describe('healthhub import fingertips (the command)', () => {
  test('imports, prints the summary, refuses a bad file with exit 2 and a report beside it', async (c) => {
    const path = sharedPath(c, ...REAL);
    if (path === null) return;
    const env = { HEALTHHUB_DATA_DIR: join(scratch, 'cli-db') };
    const text = readFileSync(path, 'utf8');
    const bad = variant(replaceOnce(text, ',59.4018770993163,', ',abc,'), 'cli-bad');
    const refused = await runCli(['import', 'fingertips', bad], env);
    assert.equal(refused.code, 2, refused.stderr);
    const lines = refused.stderr.trim().split('\n');
    assert.equal(lines.length, 1, refused.stderr);
    assert.match(
      lines[0]!,
      /^healthhub: fingertips: cli-bad-\d+\.csv: 1 of 852 rows rejected, the first on line 270/,
    );
    const report = bad.replace(/\.csv$/, '.report.csv');
    assert.match(lines[0]!, new RegExp(`report: ${report.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    assert.equal(readFileSync(report, 'utf8'), "line,reason\n270,Value: 'abc' is not a number\n");
    assert.equal(refused.stdout, '');

    const ok = await runCli(['import', 'fingertips', path], env);
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(ok.stderr, '', 'no progress bar when stderr is not a terminal');
    assert.match(
      ok.stdout,
      /^fingertips: loaded fingertips_export_campylobacter_2015_countyua\.csv \(load \d+\): 852 rows read, 852 inserted, 0 updated, 0 unchanged, 0 rejected\n$/,
    );

    const usage = await runCli(['import', 'fingertips'], env);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /^healthhub: import fingertips: FILE\.csv is required/);
    const help = await runCli(['import', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^ {2}fingertips {2}/m);
  });
});
