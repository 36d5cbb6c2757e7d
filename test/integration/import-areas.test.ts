import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, type TestContext, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { childAreas } from '../../src/areas/area-repository.js';
import { loadBuiltInGeography } from '../../src/areas/load-built-in-geography.js';
import { londonAreas } from '../../src/areas/london-areas.js';
import type { Db } from '../../src/db/db.js';
import { queryRows } from '../../src/db/query-rows.js';
import { areaLookupFormats } from '../../src/imports/areas/area-lookup-formats.js';
import {
  type AreasImportOptions,
  areasImporter,
  areasImporterFor,
} from '../../src/imports/areas/areas-importer.js';
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

const LOOKUPS = {
  icb24: 'lsoa21_subicb24_icb24_england.csv',
  icb22: 'lsoa11_subicb22_icb22_ltla22_england.csv',
  ward24: 'lsoa21_ward24_ltla24_ew.csv',
  borough24: 'london_borough_to_icb24.csv',
} as const;
type Lookup = keyof typeof LOOKUPS;

const files = scratchFiles('import-areas');
after(() => files.remove());

const LONDON_ICBS = ['E54000027', 'E54000028', 'E54000029', 'E54000030', 'E54000031'];

/**
 * The text a kind imports of a lookup: the whole real file on PostgreSQL; on PGlite its London lines only
 * (real lines, in the file's order: some 5,000 of 33,000 to 36,000), which keeps the file's PGlite time to
 * seconds (the whole files take 6 to 10 s each there).
 */
function lookupText(kind: DatabaseKind, lookup: Lookup, text: string): string {
  if (kind === 'postgres' || lookup === 'borough24') return text;
  const { header, rows } = csvLines(text);
  const london = (r: string) =>
    lookup === 'icb24' ? LONDON_ICBS.some((code) => r.includes(`"${code}"`)) : /,"E09\d{6}"$/.test(r);
  return `${header}\n${rows.filter(london).join('\n')}\n`;
}

/** A lookup's records as objects by column name, for the expected counts. */
const records = (text: string) => parse(text, { columns: true }) as Record<string, string>[];
const distinct = (rows: Record<string, string>[], column: string) => new Set(rows.map((r) => r[column]!));
const union = (...sets: Set<string>[]) => new Set(sets.flatMap((s) => [...s]));

function importFile(db: Db, file: string, options: AreasImportOptions & { skipInvalid?: boolean } = {}) {
  const { skipInvalid, ...importerOptions } = options;
  return areasImporterFor(file, importerOptions).then((importer) =>
    runImport(db, importer, { file, skipInvalid, reportPath: files.path('report.csv') }),
  );
}

type Membership = { parent: string; from: string; to: string | null };
async function memberships(db: Db, child: string): Promise<Membership[]> {
  return queryRows<Membership>(
    db,
    sql`select parent_code as parent, valid_from::text as from, valid_to::text as to from area_parents
         where child_code = ${child} order by parent_code, valid_from`,
  );
}

for (const kind of databaseKinds()) {
  describe(`import areas on ${kind}`, () => {
    let t: TestDatabase;
    let db: Db;
    const texts: Partial<Record<Lookup, { path: string; text: string }>> = {};
    before(async () => {
      t = await createTestDatabase(kind);
      db = t.database.db;
      await loadBuiltInGeography(db);
    });
    after(() => t.cleanup());

    /** The file this kind imports of a lookup (written to the scratch directory), or null when skipped. */
    function lookup(c: TestContext, name: Lookup): { path: string; text: string } | null {
      const path = sharedPath(c, 'data', 'lookups', LOOKUPS[name]);
      if (path === null) return null;
      if (!texts[name]) {
        const text = lookupText(kind, name, readFileSync(path, 'utf8'));
        texts[name] = { path: files.write(text, name), text };
      }
      return texts[name];
    }

    test('each lookup format is told from its header', async (c) => {
      for (const name of Object.keys(LOOKUPS) as Lookup[]) {
        const file = lookup(c, name);
        if (file === null) return;
        const importer = await areasImporterFor(file.path);
        const format = areaLookupFormats.find((f) => f.columns === importer.columns);
        assert.equal(
          format?.id,
          {
            icb24: 'lsoa21-subicb24-icb24',
            icb22: 'lsoa11-subicb22-icb22-ltla22',
            ward24: 'lsoa21-ward24-ltla24',
            borough24: 'ltla24-icb24',
          }[name],
        );
      }
    });

    test('LSOA 2021 -> sub-ICB -> ICB (April 2024): areas and memberships from 2024-04-01', async (c) => {
      const file = lookup(c, 'icb24');
      if (file === null) return;
      const rows = records(file.text);
      const lsoas = distinct(rows, 'lsoa21_code');
      const subIcbs = distinct(rows, 'sicbl24_code');
      const icbs = distinct(rows, 'icb24_code');
      const builtIn = new Set(londonAreas.map((a) => a.code));
      const newIcbs = [...icbs].filter((code) => !builtIn.has(code)).length;
      const started = Date.now();
      const summary = await importFile(db, file.path);
      c.diagnostic(`${rows.length} lines in ${Date.now() - started} ms`);
      assert.deepEqual(
        [
          summary.status,
          summary.rowsRead,
          summary.inserted,
          summary.updated,
          summary.unchanged,
          summary.rejected,
        ],
        [
          'imported',
          rows.length,
          lsoas.size + subIcbs.size + newIcbs + lsoas.size + subIcbs.size,
          0,
          icbs.size - newIcbs,
          0,
        ],
      );
      assert.equal(lsoas.size, kind === 'postgres' ? 33755 : 4994);
      const [subIcb] = await queryRows<Record<string, unknown>>(
        db,
        sql`select code, name, area_type, nhs_code from areas where code = 'E38000255'`,
      );
      assert.deepEqual(subIcb, {
        code: 'E38000255',
        name: 'NHS North East London ICB - A3A8R',
        area_type: 'sub-icb',
        nhs_code: 'A3A8R',
      });
      assert.deepEqual(await memberships(db, 'E01000001'), [
        { parent: 'E38000255', from: '2024-04-01', to: null },
      ]);
      assert.deepEqual(await memberships(db, 'E38000255'), [
        { parent: 'E54000029', from: '2024-04-01', to: null },
      ]);
      const nel = await childAreas(db, 'E54000029', 'sub-icb', '2024-06-01');
      assert.deepEqual(nel, [{ code: 'E38000255', name: 'NHS North East London ICB - A3A8R' }]);
      assert.equal((await childAreas(db, 'E54000029', 'sub-icb', '2024-03-31')).length, 0);
      const [inNel] = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from area_parents where parent_code = 'E38000255'`,
      );
      assert.equal(inNel!.n, rows.filter((r) => r.sicbl24_code === 'E38000255').length);
    });

    test('the same file again changes nothing; its lines in another order change nothing', async (c) => {
      const file = lookup(c, 'icb24');
      if (file === null) return;
      const before = await snapshot(db);
      const again = await importFile(db, file.path);
      assert.equal(again.status, 'already-loaded');
      assert.deepEqual(await snapshot(db), before);
      const { header, rows } = csvLines(file.text);
      const reordered = await importFile(
        db,
        files.write(`${header}\n${rows.reverse().join('\n')}\n`, 'reordered'),
      );
      assert.deepEqual([reordered.inserted, reordered.updated], [0, 0]);
      const after = await snapshot(db);
      assert.equal(after.areas_digest, before.areas_digest);
      assert.equal(after.parents_digest, before.parents_digest);
    });

    test('LSOA 2011 (July 2022) and wards (2024) after it: dated memberships, moves closed', async (c) => {
      const icb22 = lookup(c, 'icb22');
      const ward24 = lookup(c, 'ward24');
      const icb24 = lookup(c, 'icb24');
      const borough24 = lookup(c, 'borough24');
      if (icb22 === null || ward24 === null || icb24 === null || borough24 === null) return;
      for (const file of [icb22, ward24, borough24]) {
        const started = Date.now();
        const summary = await importFile(db, file.path);
        c.diagnostic(`${summary.source}: ${summary.rowsRead} lines in ${Date.now() - started} ms`);
        assert.equal(summary.rejected, 0);
        assert.equal(summary.rowsRead, records(file.text).length);
      }
      const a = records(icb24.text);
      const b = records(icb22.text);
      const w = records(ward24.text);
      const lsoa21 = union(distinct(a, 'lsoa21_code'), distinct(w, 'lsoa21_code'));
      const builtIn = (type: string) =>
        new Set(londonAreas.filter((x) => x.areaType === type).map((x) => x.code));
      const expected: Record<string, number> = {
        country: 1,
        region: 1,
        icb: union(distinct(a, 'icb24_code'), distinct(b, 'icb22_code'), builtIn('icb')).size,
        'local-authority': union(
          distinct(b, 'ltla22_code'),
          distinct(w, 'ltla24_code'),
          builtIn('local-authority'),
        ).size,
        // LSOAs whose 2011 code is also a 2021 code keep the type of the lookup loaded first.
        lsoa11: [...distinct(b, 'lsoa11_code')].filter((code) => !lsoa21.has(code)).length,
        lsoa21: lsoa21.size,
        'sub-icb': union(distinct(a, 'sicbl24_code'), distinct(b, 'sicbl22_code')).size,
        ward: distinct(w, 'ward24_code').size,
      };
      const types = await queryRows<{ area_type: string; n: number }>(
        db,
        sql`select area_type, count(*)::int as n from areas group by area_type order by area_type`,
      );
      assert.deepEqual(Object.fromEntries(types.map((r) => [r.area_type, r.n])), expected);

      // City of London 001A: in A3A8R since 2022 (the 2022 lookup extended the 2024 membership back), in
      // the City since 2022, in Aldersgate ward since the 2024 wards.
      assert.deepEqual(await memberships(db, 'E01000001'), [
        { parent: 'E05009288', from: '2024-05-01', to: null },
        { parent: 'E09000001', from: '2022-07-01', to: null },
        { parent: 'E38000255', from: '2022-07-01', to: null },
      ]);
      assert.deepEqual(await memberships(db, 'E05009288'), [
        { parent: 'E09000001', from: '2024-05-01', to: null },
      ]);
      const [ward] = await queryRows<{ name: string; area_type: string }>(
        db,
        sql`select name, area_type from areas where code = 'E05009288'`,
      );
      assert.deepEqual(ward, { name: 'Aldersgate', area_type: 'ward' });
      // The built-in boroughs keep their memberships; the 2024 borough lookup says the same.
      assert.deepEqual(await memberships(db, 'E09000001'), [
        { parent: 'E12000007', from: '1965-04-01', to: null },
        { parent: 'E54000029', from: '2022-07-01', to: null },
      ]);
      // The wards that best fit the City's LSOAs (5 of its 25).
      const cityWards = distinct(
        w.filter((r) => r.ltla24_code === 'E09000001'),
        'ward24_code',
      );
      assert.equal((await childAreas(db, 'E09000001', 'ward', '2024-06-01')).length, cityWards.size);

      if (kind === 'postgres') {
        // Outside London: an LSOA whose sub-ICB changed between the 2022 and 2024 lookups.
        const byCode = new Map(a.map((r) => [r.lsoa21_code!, r]));
        const moved = b.find(
          (r) => byCode.has(r.lsoa11_code!) && byCode.get(r.lsoa11_code!)!.sicbl24_code !== r.sicbl22_code,
        )!;
        const now = byCode.get(moved.lsoa11_code!)!;
        const subIcbs = (await memberships(db, moved.lsoa11_code!)).filter((m) => m.parent.startsWith('E38'));
        assert.deepEqual(
          subIcbs.sort((x, y) => x.from.localeCompare(y.from)),
          [
            { parent: moved.sicbl22_code, from: '2022-07-01', to: '2024-04-01' },
            { parent: now.sicbl24_code, from: '2024-04-01', to: null },
          ],
        );
        // Districts abolished in 2023 (Cumbria, North Yorkshire, Somerset): their LSOAs moved in 2024.
        const [closed] = await queryRows<{ n: number }>(
          db,
          sql`select count(*)::int as n from area_parents p join areas a on a.code = p.parent_code
               where a.area_type = 'local-authority' and p.valid_to = '2024-05-01'`,
        );
        assert.ok(closed!.n > 900, `${closed!.n} LSOAs moved district`);
        const [hartlepool] = await queryRows<{ name: string }>(
          db,
          sql`select name from areas where code = 'E06000001'`,
        );
        assert.equal(hartlepool!.name, 'Hartlepool');
      }
    });

    test('areas move: a later vintage closes the old membership, an earlier one fills in before', async (c) => {
      const file = lookup(c, 'icb24');
      if (file === null) return;
      const { header, rows } = csvLines(file.text);
      const line = rows.find((r) => r.includes('"E01000001"'))!;
      const movedTo = line.replace(
        '"NHS North East London ICB - A3A8R","E38000255","A3A8R"',
        '"Elsewhere","E38999999","X"',
      );
      const before = await memberships(db, 'E01000001');

      const later = await importFile(db, files.write(`${header}\n${movedTo}\n`, 'later'), {
        validFrom: '2025-04-01',
      });
      // The new sub-ICB, and the LSOA's new membership (moved); the ICB and the sub-ICB's membership of it.
      assert.deepEqual([later.inserted, later.updated, later.unchanged], [3, 0, 2]);
      const sub = (ms: Membership[]) => ms.filter((m) => m.parent.startsWith('E38'));
      const current = before.find((m) => m.parent === 'E38000255' && m.to === null)!;
      assert.deepEqual(sub(await memberships(db, 'E01000001')), [
        { ...current, to: '2025-04-01' },
        { parent: 'E38999999', from: '2025-04-01', to: null },
      ]);
      assert.deepEqual(
        (await childAreas(db, 'E38999999', 'lsoa21', '2025-05-01')).map((a) => a.code),
        ['E01000001'],
      );
      assert.ok(
        !(await childAreas(db, 'E38000255', 'lsoa21', '2025-05-01')).some((a) => a.code === 'E01000001'),
        'no longer in A3A8R after the move',
      );
      assert.ok(
        (await childAreas(db, 'E38000255', 'lsoa21', '2024-06-01')).some((a) => a.code === 'E01000001'),
        'still in A3A8R before the move',
      );

      // The same vintage again, saying another parent: the newer file corrects it.
      const corrected = await importFile(
        db,
        files.write(
          `${header}\n${line
            .replace('"E38000255","A3A8R"', '"E38000244","72Q"')
            .replace('NHS North East London ICB - A3A8R', 'NHS North Central London ICB - 72Q')
            .replace(
              /"NHS North East London Integrated Care Board","E54000029","QMF"/,
              '"NHS North Central London Integrated Care Board","E54000028","QMJ"',
            )}\n`,
          'corrected',
        ),
        { validFrom: '2025-04-01' },
      );
      assert.equal(corrected.updated, 1);
      assert.deepEqual(sub(await memberships(db, 'E01000001')), [
        { parent: 'E38000244', from: '2025-04-01', to: null },
        { ...current, to: '2025-04-01' },
      ]);

      // An older vintage with another parent: a membership that ends where the known ones begin.
      const older = await importFile(db, files.write(`${header}\n${movedTo}\n`, 'older'), {
        validFrom: '2019-04-01',
      });
      assert.equal(older.status, 'imported', 'the same bytes with another --valid-from are loaded again');
      assert.equal(older.rejected, 0);
      assert.deepEqual(sub(await memberships(db, 'E01000001')), [
        { parent: 'E38000244', from: '2025-04-01', to: null },
        { ...current, to: '2025-04-01' },
        { parent: 'E38999999', from: '2019-04-01', to: current.from },
      ]);
      // An older vintage still: a membership until the next known one begins.
      const earlier = await importFile(db, files.write(`${header}\n${line}\n`, 'earlier'), {
        validFrom: '2018-04-01',
      });
      assert.equal(earlier.rejected, 0);
      assert.deepEqual(
        sub(await memberships(db, 'E01000001')).find((m) => m.from === '2018-04-01'),
        { parent: 'E38000255', from: '2018-04-01', to: '2019-04-01' },
      );
      assert.throws(() => areasImporter(areaLookupFormats[0]!, { validFrom: '2025-02-30' }), /not a date/);
    });

    test('broken files are refused whole; the report lists every bad line', async (c) => {
      const path = sharedPath(c, 'data', 'lookups', LOOKUPS.ward24);
      if (path === null) return;
      const { header, rows } = csvLines(lookupText('pglite', 'ward24', readFileSync(path, 'utf8')));
      const small = rows.slice(0, 60);
      const text = (lines: string[]) => `${header}\n${lines.join('\n')}\n`;
      const run =
        (lines: string[] | string, skipInvalid = false) =>
        () =>
          importFile(db, files.write(typeof lines === 'string' ? lines : text(lines), 'broken'), {
            skipInvalid,
          });

      const wrong = await assertRefused(
        db,
        run(text(small).replace('"ward24_code"', '"ward_code"')),
        'IMPORT_BAD_HEADER',
      );
      assert.match(wrong.error.message, /missing "ward24_code"; unexpected "ward_code"/);
      assert.deepEqual(
        wrong.report.map((r) => r.split(',')[0]),
        ['1'],
      );
      const cut = text(small).slice(0, -40);
      assert.equal((await assertRefused(db, run(cut), 'IMPORT_TRUNCATED')).report[0]?.split(',')[0], '61');

      // Line 4: an LSOA code in the ward column; line 6: a ward without a name; line 10: Abbey ward (first on
      // line 8) in another district; line 12: Alibon ward (first on line 11) named otherwise; line 62: line 2
      // again.
      const bad = [...small];
      bad[2] = replaceOnce(bad[2]!, '"E05009302"', '"E01000002"');
      bad[4] = replaceOnce(bad[4]!, '"Portsoken"', '""');
      bad[8] = replaceOnce(bad[8]!, '"Barking and Dagenham","E09000002"', '"Elsewhere","E09000099"');
      bad[10] = replaceOnce(bad[10]!, '"Alibon"', '"Alibon North"');
      bad.push(small[0]!);
      const refused = await assertRefused(db, run(bad), 'IMPORT_INVALID_ROWS');
      assert.deepEqual(refused.report, [
        "4,ward24_code: 'E01000002' is not an electoral ward code (E05 or W05)",
        '6,ward24_name: is empty',
        '10,ward24_code E05014053 is in ltla24_code E09000099 here but in E09000002 on line 8',
        "12,ward24_code E05014054 is named 'Alibon North' here but 'Alibon' on line 11",
        '62,duplicate: line 2 has the same lsoa21_code',
      ]);
      assert.match(refused.error.message, /5 of 61 rows rejected, the first on line 4/);
      await assertRefused(db, run(cut, true), 'IMPORT_TRUNCATED');

      // --skip-invalid: the same lines import but for the bad ones.
      const reportPath = files.path('skip.report.csv');
      const skipFile = files.write(text(bad), 'skip');
      const summary = await runImport(db, await areasImporterFor(skipFile), {
        file: skipFile,
        skipInvalid: true,
        reportPath,
      });
      assert.deepEqual([summary.rowsRead, summary.rejected], [61, 5]);
      assert.deepEqual(readFileSync(reportPath, 'utf8').trimEnd().split('\n').slice(1), refused.report);
      const [elsewhere] = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from areas where code = 'E09000099'`,
      );
      assert.equal(elsewhere!.n, 0, 'a rejected line adds nothing');
    });
  });
}

describe('healthhub import areas (the command)', () => {
  test('imports with --valid-from, refuses a bad date and a bad file with exit 2', async (c) => {
    const path = sharedPath(c, 'data', 'lookups', LOOKUPS.borough24);
    if (path === null) return;
    const env = { HEALTHHUB_DATA_DIR: files.path('cli-db') };
    const baddate = await runCli(['import', 'areas', '--valid-from', '2024-13-01', path], env);
    assert.equal(baddate.code, 2);
    assert.match(baddate.stderr, /^healthhub: import areas: --valid-from '2024-13-01' is not a date/);
    const text = readFileSync(path, 'utf8');
    const bad = files.write(replaceOnce(text, 'E09000002,Barking', 'E12000002,Barking'), 'cli-bad');
    const refused = await runCli(['import', 'areas', bad], env);
    assert.equal(refused.code, 2, refused.stderr);
    assert.match(
      refused.stderr,
      /1 of 33 rows rejected, the first on line 3: ltla24_code: 'E12000002' is not a local authority/,
    );
    const ok = await runCli(['import', 'areas', '--valid-from', '2024-04-01', path], env);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(
      ok.stdout,
      /^areas --valid-from 2024-04-01: loaded london_borough_to_icb24\.csv \(load \d+\): 33 rows read, 81 inserted, 0 updated, 0 unchanged, 0 rejected\n$/,
    );
  });
});
