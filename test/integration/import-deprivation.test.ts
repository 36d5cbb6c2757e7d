import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, type TestContext, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { deprivationDecileAggregates } from '../../src/areas/deprivation-decile-aggregates.js';
import { loadBuiltInGeography } from '../../src/areas/load-built-in-geography.js';
import type { Db } from '../../src/db/db.js';
import { queryRows } from '../../src/db/query-rows.js';
import { areasImporterFor } from '../../src/imports/areas/areas-importer.js';
import {
  deprivationFormats,
  editionFromFileName,
} from '../../src/imports/deprivation/deprivation-formats.js';
import {
  type DeprivationImportOptions,
  deprivationEdition,
  deprivationImporterFor,
} from '../../src/imports/deprivation/deprivation-importer.js';
import { createPopulationImporter } from '../../src/imports/population/population-importer.js';
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
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/test-database.js';

const FILES = {
  lsoa: 'imd2019_england_lsoa11.csv',
  ltla19: 'imd2019_england_ltla19_summary.csv',
  ltla24: 'imd2025_england_ltla24_summary.csv',
  icb24: 'imd2025_england_icb24_summary.csv',
} as const;
type File = keyof typeof FILES;

const files = scratchFiles('import-deprivation');
after(() => files.remove());

function importFile(
  db: Db,
  file: string,
  options: DeprivationImportOptions & { skipInvalid?: boolean } = {},
) {
  const { skipInvalid, ...importerOptions } = options;
  return deprivationImporterFor(file, importerOptions).then((importer) =>
    runImport(db, importer, { file, skipInvalid, reportPath: files.path('report.csv') }),
  );
}

/**
 * Imports each LSOA's mid-2020 population (persons, all ages) with `import population --year 2020`: the
 * benchmark file is wide (total then 91 single years), so its first three columns are written long first.
 */
async function importLsoaPopulations(db: Db, path: string): Promise<number> {
  const long = ['area_code,area_name,sex,age,population'];
  for (const line of csvLines(readFileSync(path, 'utf8')).rows) {
    const m = /^"([^"]*)","([^"]*)",(\d+),/.exec(line);
    assert.ok(m, line);
    long.push(`${m[2]},${m[1]},Persons,All ages,${m[3]}`);
  }
  const file = files.write(`${long.join('\n')}\n`, 'lsoa-populations');
  const summary = await runImport(db, createPopulationImporter({ year: 2020 }), { file });
  assert.equal(summary.rejected, 0);
  return summary.inserted;
}

for (const kind of databaseKinds()) {
  describe(`import deprivation on ${kind}`, () => {
    let t: TestDatabase;
    let db: Db;
    before(async () => {
      t = await createTestDatabase(kind);
      db = t.database.db;
      await loadBuiltInGeography(db);
    });
    after(() => t.cleanup());

    const real = (c: TestContext, file: File) => sharedPath(c, 'data', 'deprivation', FILES[file]);

    test('each format is told from its header, the edition from the name', async (c) => {
      const ids: Record<File, string> = {
        lsoa: 'imd2019-lsoa11',
        ltla19: 'imd2019-ltla19',
        ltla24: 'imd2025-ltla24',
        icb24: 'imd2025-icb24',
      };
      for (const file of Object.keys(FILES) as File[]) {
        const path = real(c, file);
        if (path === null) return;
        const importer = await deprivationImporterFor(path);
        assert.equal(deprivationFormats.find((f) => f.columns === importer.columns)?.id, ids[file]);
      }
      assert.equal(editionFromFileName('/data/imd2019_england_lsoa11.csv'), 'IMD2019');
      assert.equal(editionFromFileName('IMD-2025 summary.csv'), 'IMD2025');
      assert.equal(editionFromFileName('deprivation.csv'), undefined);
      assert.equal(editionFromFileName('primd20190.csv'), undefined);
      const lsoa = deprivationFormats[0]!;
      assert.equal(deprivationEdition('deprivation.csv', lsoa), 'IMD2019');
      assert.equal(deprivationEdition('imd2015_lsoa.csv', lsoa), 'IMD2015');
      assert.equal(deprivationEdition('imd2015_lsoa.csv', lsoa, 'imd2019'), 'IMD2019');
    });

    test('IMD 2019 for every LSOA 2011: decile and rank, no score', async (c) => {
      const path = real(c, 'lsoa');
      if (path === null) return;
      const started = Date.now();
      const summary = await importFile(db, path);
      c.diagnostic(`32,844 LSOAs in ${Date.now() - started} ms`);
      assert.deepEqual(
        [
          summary.status,
          summary.rowsRead,
          summary.inserted,
          summary.updated,
          summary.unchanged,
          summary.rejected,
        ],
        ['imported', 32844, 32844, 0, 0, 0],
      );
      const rows = await queryRows<Record<string, unknown>>(
        db,
        sql`select area_code, edition, score, rank, decile, load_id from deprivation
             where area_code in ('E01000001', 'E01000005') order by area_code`,
      );
      assert.deepEqual(rows, [
        {
          area_code: 'E01000001',
          edition: 'IMD2019',
          score: null,
          rank: 29199,
          decile: 9,
          load_id: summary.loadId,
        },
        {
          area_code: 'E01000005',
          edition: 'IMD2019',
          score: null,
          rank: 8678,
          decile: 3,
          load_id: summary.loadId,
        },
      ]);
      const deciles = await queryRows<{ decile: number; n: number }>(
        db,
        sql`select decile, count(*)::int as n from deprivation group by decile order by decile`,
      );
      assert.deepEqual(
        deciles.map((d) => d.n),
        [3284, 3284, 3285, 3284, 3285, 3284, 3284, 3285, 3284, 3285],
      );
      const [area] = await queryRows<Record<string, unknown>>(
        db,
        sql`select name, area_type from areas where code = 'E01000001'`,
      );
      assert.deepEqual(
        area,
        { name: 'E01000001', area_type: 'lsoa11' },
        'named by its code until a lookup names it',
      );
    });

    test('district and ICB summaries: IMD2019 scores, IMD2025 scores and ranks; names fill placeholders', async (c) => {
      const ltla19 = real(c, 'ltla19');
      const ltla24 = real(c, 'ltla24');
      const icb24 = real(c, 'icb24');
      if (ltla19 === null || ltla24 === null || icb24 === null) return;
      const counts = [];
      for (const path of [ltla19, ltla24, icb24]) {
        const s = await importFile(db, path);
        counts.push([s.rowsRead, s.inserted, s.rejected]);
      }
      assert.deepEqual(counts, [
        [317, 317, 0],
        [296, 296, 0],
        [42, 42, 0],
      ]);
      const rows = await queryRows<Record<string, unknown>>(
        db,
        sql`select area_code, edition, score, rank, decile from deprivation
             where area_code in ('E09000002', 'E06000001', 'E54000029') order by area_code, edition`,
      );
      assert.deepEqual(rows, [
        { area_code: 'E06000001', edition: 'IMD2019', score: 35.037, rank: null, decile: null },
        { area_code: 'E06000001', edition: 'IMD2025', score: 37.58, rank: 6, decile: null },
        { area_code: 'E09000002', edition: 'IMD2019', score: 32.768, rank: null, decile: null },
        { area_code: 'E09000002', edition: 'IMD2025', score: 30.266, rank: 38, decile: null },
        { area_code: 'E54000029', edition: 'IMD2025', score: 26.334, rank: 7, decile: null },
      ]);
      // Hartlepool was new in the 2019 summary (no names: its code) and is named by the 2025 one; the
      // built-in boroughs and ICBs keep their names.
      const names = await queryRows<{ code: string; name: string; area_type: string }>(
        db,
        sql`select code, name, area_type from areas where code in ('E06000001', 'E09000002', 'E54000029', 'E07000026')
             order by code`,
      );
      assert.deepEqual(names, [
        { code: 'E06000001', name: 'Hartlepool', area_type: 'local-authority' },
        // Allerdale, abolished in 2023: only in the 2019 summary, so still named by its code.
        { code: 'E07000026', name: 'E07000026', area_type: 'local-authority' },
        { code: 'E09000002', name: 'Barking and Dagenham', area_type: 'local-authority' },
        { code: 'E54000029', name: 'NHS North East London Integrated Care Board', area_type: 'icb' },
      ]);
    });

    test('the same file again changes nothing; a corrected file updates what changed', async (c) => {
      const path = real(c, 'ltla24');
      if (path === null) return;
      const before = await snapshot(db);
      assert.equal((await importFile(db, path)).status, 'already-loaded');
      assert.deepEqual(await snapshot(db), before);
      const text = readFileSync(path, 'utf8');
      const corrected = replaceOnce(
        text,
        '"Hartlepool",23075.98,30,37.58,6,',
        '"Hartlepool",23075.98,30,37.6,5,',
      );
      const summary = await importFile(db, files.write(corrected, 'imd2025_corrected'));
      assert.deepEqual([summary.inserted, summary.updated, summary.unchanged], [0, 1, 295]);
      const [row] = await queryRows<{ score: number; rank: number; load_id: number }>(
        db,
        sql`select score, rank, load_id from deprivation where area_code = 'E06000001' and edition = 'IMD2025'`,
      );
      assert.deepEqual(row, { score: 37.6, rank: 5, load_id: summary.loadId });
      // --edition files the same rows under another edition: the same file with it is a new load.
      const other = await importFile(db, path, { edition: 'imd2024' });
      assert.deepEqual(
        [other.importer, other.inserted, other.updated],
        ['deprivation --edition IMD2024', 296, 0],
      );
    });

    test('broken files are refused whole; the report lists every bad line', async (c) => {
      const path = real(c, 'lsoa');
      if (path === null) return;
      const { header, rows } = csvLines(readFileSync(path, 'utf8'));
      const small = rows.slice(0, 100);
      const text = (lines: string[]) => `${header}\n${lines.join('\n')}\n`;
      const run =
        (content: string, skipInvalid = false) =>
        () =>
          importFile(db, files.write(content, 'imd2019_broken'), { skipInvalid });
      const wrong = await assertRefused(
        db,
        run(text(small).replace('"IMD_decile"', '"IMD_dec"')),
        'IMPORT_BAD_HEADER',
      );
      assert.match(wrong.error.message, /missing "IMD_decile"; unexpected "IMD_dec"/);
      await assertRefused(db, run(text(small).slice(0, -30)), 'IMPORT_TRUNCATED');

      const bad = [...small];
      bad[3] = bad[3]!.replace(/^("E\d+"),\d+,/, '$1,11,');
      bad[5] = bad[5]!.replace(/^"E01/, '"E02');
      bad[7] = bad[7]!.replace(/,\d+(,(\d+,){6}\d+)$/, ',0$1');
      bad.push(small[1]!);
      const refused = await assertRefused(db, run(text(bad)), 'IMPORT_INVALID_ROWS');
      assert.deepEqual(refused.report, [
        "5,IMD_decile: '11' is out of range (1 to 10)",
        `7,lsoa11_code: '${bad[5]!.slice(1, 10)}' is not an LSOA code in England (E01)`,
        "9,IMD_rank: '0' is out of range (1 to 2147483647)",
        '102,duplicate: line 3 has the same lsoa11_code',
      ]);

      const summaryText = readFileSync(real(c, 'icb24')!, 'utf8');
      const badScore = replaceOnce(summaryText, ',25.531,', ',x,');
      const score = await assertRefused(db, run(badScore), 'IMPORT_INVALID_ROWS');
      assert.deepEqual(score.report, ["2,imd_average_score: 'x' is not a number"]);

      // --skip-invalid: the other rows, under an edition of their own.
      const reportPath = files.path('skip.report.csv');
      const skipFile = files.write(text(bad), 'imd2018_skip');
      const summary = await runImport(db, await deprivationImporterFor(skipFile), {
        file: skipFile,
        skipInvalid: true,
        reportPath,
      });
      assert.deepEqual([summary.rowsRead, summary.inserted, summary.rejected], [101, 97, 4]);
      assert.deepEqual(readFileSync(reportPath, 'utf8').trimEnd().split('\n').slice(1), refused.report);
      const [n] = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from deprivation where edition = 'IMD2018'`,
      );
      assert.equal(n!.n, 97);
    });

    test('deprivation-decile aggregates: 34,753 LSOA populations by IMD 2019 decile, England and London', async (c) => {
      const populations = sharedPath(c, 'data', 'lsoa_benchmark', 'ons_mye2020_lsoa11_sya_persons.csv');
      const lookup = sharedPath(c, 'data', 'lookups', 'lsoa11_subicb22_icb22_ltla22_england.csv');
      if (populations === null || lookup === null || real(c, 'lsoa') === null) return;
      let started = Date.now();
      assert.equal(await importLsoaPopulations(db, populations), 34753);
      c.diagnostic(`34,753 LSOA populations imported in ${Date.now() - started} ms`);

      started = Date.now();
      const england = await deprivationDecileAggregates(db, { edition: 'IMD2019', year: 2020 });
      c.diagnostic(`England's decile aggregates in ${Date.now() - started} ms`);
      // Computed independently from the two files: every English LSOA 2011 has an IMD decile and a population.
      const expected = [
        [3284, 5603911],
        [3284, 5697232],
        [3285, 5832954],
        [3284, 5796889],
        [3285, 5720152],
        [3284, 5764872],
        [3284, 5591424],
        [3285, 5586550],
        [3284, 5512645],
        [3285, 5443509],
      ];
      assert.deepEqual(
        england.deciles.map((d) => [d.lsoas, d.population]),
        expected,
      );
      assert.deepEqual(
        [england.lsoas, england.lsoasWithPopulation, england.population],
        [32844, 32844, 56550138],
      );
      assert.ok(Math.abs(england.deciles.reduce((s, d) => s + d.share, 0) - 1) < 1e-12);
      assert.equal(england.deciles[0]!.share, 5603911 / 56550138);

      // London: LSOA 2011 -> borough (the 2022 lookup's London lines) -> London (built in).
      const { header, rows } = csvLines(readFileSync(lookup, 'utf8'));
      const london = files.write(
        `${header}\n${rows.filter((r) => /,"E09\d{6}"$/.test(r)).join('\n')}\n`,
        'london',
      );
      await runImport(db, await areasImporterFor(london), { file: london });
      const [named] = await queryRows<{ name: string }>(
        db,
        sql`select name from areas where code = 'E01000001'`,
      );
      assert.equal(named!.name, 'City of London 001A', 'the lookup names the LSOA the IMD file added');
      started = Date.now();
      const inLondon = await deprivationDecileAggregates(db, {
        edition: 'IMD2019',
        year: 2020,
        within: { code: 'E12000007', on: '2023-01-01' },
      });
      c.diagnostic(`London's decile aggregates in ${Date.now() - started} ms`);
      assert.deepEqual(
        inLondon.deciles.map((d) => [d.decile, d.lsoas, d.population]),
        [
          [1, 107, 182902],
          [2, 688, 1277754],
          [3, 811, 1625555],
          [4, 661, 1297739],
          [5, 559, 1069035],
          [6, 532, 990874],
          [7, 438, 790800],
          [8, 413, 725732],
          [9, 407, 685405],
          [10, 219, 356692],
        ],
      );
      const before2022 = await deprivationDecileAggregates(db, {
        edition: 'IMD2019',
        year: 2020,
        within: { code: 'E12000007', on: '2022-06-30' },
      });
      assert.equal(before2022.lsoas, 0, 'the 2022 lookup says nothing of earlier dates');
      const none = await deprivationDecileAggregates(db, { edition: 'IMD2019', year: 2019 });
      assert.deepEqual([none.lsoas, none.lsoasWithPopulation, none.population], [32844, 0, 0]);
    });
  });
}

describe('healthhub import deprivation (the command)', () => {
  test('imports with --edition, refuses a bad edition and a bad file with exit 2', async (c) => {
    const path = sharedPath(c, 'data', 'deprivation', FILES.icb24);
    if (path === null) return;
    const env = { HEALTHHUB_DATA_DIR: files.path('cli-db') };
    const badEdition = await runCli(['import', 'deprivation', '--edition', '2025', path], env);
    assert.equal(badEdition.code, 2);
    assert.match(badEdition.stderr, /^healthhub: import deprivation: --edition '2025' is not an IMD edition/);
    const bad = files.write(replaceOnce(readFileSync(path, 'utf8'), '"E54000008"', '"E38000008"'), 'cli-bad');
    const refused = await runCli(['import', 'deprivation', bad], env);
    assert.equal(refused.code, 2, refused.stderr);
    assert.match(
      refused.stderr,
      /1 of 42 rows rejected, the first on line 2: icb24_code: 'E38000008' is not an ICB code/,
    );
    const ok = await runCli(['import', 'deprivation', '--edition', 'imd2025', path], env);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(
      ok.stdout,
      /^deprivation --edition IMD2025: loaded imd2025_england_icb24_summary\.csv \(load \d+\): 42 rows read, 42 inserted/,
    );
  });
});
