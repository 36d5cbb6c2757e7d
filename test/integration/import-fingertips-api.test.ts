import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, type TestContext, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { freePort } from '../../scripts/postgres-cluster.mjs';
import type { Db } from '../../src/db/db.js';
import { queryRows } from '../../src/db/query-rows.js';
import { UsageError } from '../../src/errors/usage-error.js';
import {
  type FingertipsApiImportOptions,
  type FingertipsApiQuery,
  fingertipsApiQuery,
  importFingertipsApi,
} from '../../src/imports/fingertips/fingertips-api.js';
import { fingertipsImporter } from '../../src/imports/fingertips/fingertips-importer.js';
import { ImportError } from '../../src/imports/import-error.js';
import type { ImportProgress } from '../../src/imports/import-progress.js';
import { runImport } from '../../src/imports/run-import.js';
import { replaceOnce, scratchFiles, snapshot } from '../support/import-assertions.js';
import { runCli } from '../support/run-cli.js';
import { sharedPath } from '../support/shared-data.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/test-database.js';

const REAL = ['data', 'indicators', 'fingertips_export_campylobacter_2015_countyua.csv'] as const;
const SOURCE = 'fingertips-api-indicator-93356-area-type-402-parent-15.csv';

const scratch = scratchFiles('import-fingertips-api');
after(() => scratch.remove());

/** The requests the recorded API received, and how it answers the next ones. */
const requests: { url: string; headers: IncomingHttpHeaders }[] = [];
let answer: (res: ServerResponse) => void = (res) => res.writeHead(503).end();
const held = new Set<ServerResponse>();
const api = createServer((req, res) => {
  requests.push({ url: req.url ?? '', headers: req.headers });
  held.add(res);
  res.on('close', () => held.delete(res));
  answer(res);
});
let baseUrl = '';
before(async () => {
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
});
after(() => {
  for (const res of held) res.destroy();
  api.close();
});

const csv = (bytes: Buffer) => (res: ServerResponse) =>
  res.writeHead(200, { 'content-type': 'text/csv', 'content-length': bytes.length }).end(bytes);
const status = (code: number) => (res: ServerResponse) =>
  res.writeHead(code, { 'content-type': 'text/plain' }).end('no such extract');

let realBytes: Buffer | undefined;
/** The recorded response, the real Fingertips file; null (skipped) when ../shared is absent. */
function recorded(c: TestContext): { path: string; bytes: Buffer } | null {
  const path = sharedPath(c, ...REAL);
  if (path === null) return null;
  realBytes ??= readFileSync(path);
  return { path, bytes: realBytes };
}

/** The temporary directories of API imports now present, to show that none is left behind. */
const temporaryDirs = () =>
  readdirSync(tmpdir()).filter((name) => name.startsWith('healthhub-fingertips-api-'));

const campylobacter = fingertipsApiQuery({ indicator: '93356', areaType: '402' });

function importApi(
  db: Db,
  query: FingertipsApiQuery = campylobacter,
  options: Partial<FingertipsApiImportOptions> = {},
) {
  return importFingertipsApi(db, query, { baseUrl, reportPath: scratch.path('api.report.csv'), ...options });
}

/** Runs an API import that must fail with IMPORT_SOURCE_UNAVAILABLE and leave the database as it was. */
async function assertUnavailable(db: Db, run: () => Promise<unknown>, message: RegExp): Promise<ImportError> {
  const before = await snapshot(db);
  const dirs = temporaryDirs();
  const error = await run().then(
    () => assert.fail('expected IMPORT_SOURCE_UNAVAILABLE'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof ImportError, `expected ImportError, got ${String(error)}`);
  assert.equal(error.code, 'IMPORT_SOURCE_UNAVAILABLE', error.message);
  assert.equal(error.statusCode, 503, 'a failure to run (exit 1), not bad input');
  assert.match(error.message, message);
  assert.match(error.message, /; nothing was imported$/);
  assert.deepEqual(await snapshot(db), before, 'the database is as it was');
  assert.deepEqual(temporaryDirs(), dirs, 'the temporary file is removed');
  return error;
}

/** What an import leaves in the database, without ids, loads and timestamps. */
async function content(db: Db) {
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    sql`select
          (select jsonb_agg(to_jsonb(v) - 'id' - 'load_id' - 'updated_at'
                            order by v.indicator_id, v.area_code, v.period, v.sex, v.age, v.category_type, v.category)
             from indicator_values v) as values,
          (select jsonb_agg(to_jsonb(a) - 'created_at' order by a.code) from areas a) as areas,
          (select jsonb_agg(to_jsonb(i) - 'updated_at' order by i.id) from indicators i) as indicators`,
  );
  return row!;
}

describe('Fingertips API options', () => {
  test('IDs are positive whole numbers; a bad one is a UsageError naming its option', () => {
    assert.deepEqual(fingertipsApiQuery({ indicator: '93356', areaType: '402' }), {
      indicatorId: 93356,
      areaTypeId: 402,
      parentAreaTypeId: 15,
    });
    assert.equal(
      fingertipsApiQuery({ indicator: 93356, areaType: 402, parentAreaType: '6' }).parentAreaTypeId,
      6,
    );
    const refused = (values: Parameters<typeof fingertipsApiQuery>[0], pattern: RegExp) =>
      assert.throws(
        () => fingertipsApiQuery(values),
        (e: unknown) => e instanceof UsageError && e.statusCode === 400 && pattern.test(e.message),
      );
    refused({ indicator: 'abc', areaType: '402' }, /^import fingertips: --indicator must be .* not 'abc'$/);
    refused({ indicator: '0', areaType: '402' }, /--indicator must be/);
    refused({ indicator: '-5', areaType: '402' }, /--indicator must be/);
    refused({ indicator: '93356.0', areaType: '402' }, /--indicator must be/);
    refused({ indicator: '99999999999', areaType: '402' }, /--indicator must be/);
    refused({ indicator: '93356', areaType: '4O2' }, /--area-type must be .* not '4O2'/);
    refused({ indicator: '93356', areaType: '402', parentAreaType: '' }, /--parent-area-type must be/);
    refused({ areaType: '402' }, /--indicator ID is required/);
    refused({ indicator: '93356' }, /--area-type ID is required/);
  });
});

for (const kind of databaseKinds()) {
  describe(`import fingertips from the API on ${kind}`, () => {
    let t: TestDatabase;
    let db: Db;
    let loadId = 0;
    before(async () => {
      t = await createTestDatabase(kind);
      db = t.database.db;
    });
    after(() => t.cleanup());

    test('downloads the extract and imports it exactly as the file', async (c) => {
      const real = recorded(c);
      if (real === null) return;
      answer = csv(real.bytes);
      requests.length = 0;
      const progress: ImportProgress[] = [];
      const dirs = temporaryDirs();
      const summary = await importApi(db, campylobacter, { onProgress: (p) => progress.push(p) });

      assert.equal(requests.length, 1);
      const url = new URL(requests[0]!.url, baseUrl);
      assert.equal(url.pathname, '/api/all_data/csv/by_indicator_id');
      assert.deepEqual(Object.fromEntries(url.searchParams), {
        indicator_ids: '93356',
        child_area_type_id: '402',
        parent_area_type_id: '15',
        include_sortable_time_periods: 'yes',
      });
      assert.equal(requests[0]!.headers['user-agent'], 'healthhub');
      assert.equal(requests[0]!.headers.accept, 'text/csv');

      loadId = summary.loadId;
      assert.deepEqual(
        { ...summary, loadId: 0 },
        {
          importer: 'fingertips',
          source: SOURCE,
          status: 'imported',
          loadId: 0,
          rowsRead: 852,
          inserted: 852,
          updated: 0,
          unchanged: 0,
          rejected: 0,
        },
      );
      const downloading = progress.filter((p) => p.phase === 'downloading');
      assert.ok(downloading.length > 0, 'a downloading phase');
      assert.deepEqual(downloading.at(-1), {
        phase: 'downloading',
        done: real.bytes.length,
        total: real.bytes.length,
      });
      assert.equal(progress[0]!.phase, 'downloading', 'before the import proper');
      assert.deepEqual(temporaryDirs(), dirs, 'the temporary file is removed');
      assert.equal(existsSync(scratch.path('api.report.csv')), false, 'no report without problems');

      // The same bytes imported as a file, into a database of their own, give the same rows and hash.
      const direct = await createTestDatabase(kind);
      try {
        await runImport(direct.database.db, fingertipsImporter, { file: real.path });
        assert.deepEqual(await content(db), await content(direct.database.db));
        const [fromApi] = await queryRows<{ source: string; sha256: string; rows_read: number }>(
          db,
          sql`select source, sha256, rows_read from data_loads where id = ${loadId}`,
        );
        const [fromFile] = await queryRows<{ sha256: string }>(
          direct.database.db,
          sql`select sha256 from data_loads`,
        );
        assert.deepEqual(fromApi, { source: SOURCE, sha256: fromFile!.sha256, rows_read: 852 });
      } finally {
        await direct.cleanup();
      }
    });

    test('the same response again is already loaded and changes nothing', async (c) => {
      const real = recorded(c);
      if (real === null) return;
      answer = csv(real.bytes);
      const before = await snapshot(db);
      const again = await importApi(db);
      assert.equal(again.status, 'already-loaded');
      assert.equal(again.loadId, loadId);
      assert.equal(again.source, SOURCE);
      assert.deepEqual(await snapshot(db), before);
    });

    test('a refused response leaves its report in the current directory, named after the source', async (c) => {
      const real = recorded(c);
      if (real === null) return;
      const bad = replaceOnce(real.bytes.toString('utf8'), ',59.4018770993163,', ',abc,');
      answer = csv(Buffer.from(bad));
      const cwd = process.cwd();
      process.chdir(scratch.dir);
      try {
        const expected = join(process.cwd(), SOURCE.replace(/\.csv$/, '.report.csv'));
        const before = await snapshot(db);
        const error = await importFingertipsApi(db, campylobacter, { baseUrl }).then(
          () => assert.fail('expected IMPORT_INVALID_ROWS'),
          (e: unknown) => e,
        );
        assert.ok(error instanceof ImportError);
        assert.equal(error.code, 'IMPORT_INVALID_ROWS');
        assert.match(
          error.message,
          new RegExp(`^fingertips: ${SOURCE.replaceAll('.', '\\.')}: 1 of 852 rows`),
        );
        assert.equal(error.reportPath, expected);
        assert.equal(readFileSync(expected, 'utf8'), "line,reason\n270,Value: 'abc' is not a number\n");
        assert.deepEqual(await snapshot(db), before);
      } finally {
        process.chdir(cwd);
      }
    });

    test('HTTP errors name the status and the URL; nothing is written', async () => {
      answer = status(404);
      const parent = fingertipsApiQuery({ indicator: '93356', areaType: '402', parentAreaType: '6' });
      const notFound = await assertUnavailable(
        db,
        () => importApi(db, parent),
        /answered HTTP 404 Not Found/,
      );
      assert.match(
        notFound.message,
        /^fingertips: fingertips-api-indicator-93356-area-type-402-parent-6\.csv: http:\/\/127\.0\.0\.1:\d+\/api\/all_data\/csv\/by_indicator_id\?indicator_ids=93356&child_area_type_id=402&parent_area_type_id=6&include_sortable_time_periods=yes answered/,
      );
      answer = status(500);
      await assertUnavailable(db, () => importApi(db), /answered HTTP 500 Internal Server Error/);
    });

    test('an empty body, an HTML page, a body cut short: coded errors', async (c) => {
      answer = (res) => res.writeHead(200, { 'content-type': 'text/csv' }).end();
      await assertUnavailable(db, () => importApi(db), /sent an empty response/);
      answer = (res) =>
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end('<h1>Down for maintenance</h1>');
      await assertUnavailable(db, () => importApi(db), /answered with an HTML page/);
      const real = recorded(c);
      if (real === null) return;
      answer = (res) => {
        res.writeHead(200, { 'content-type': 'text/csv', 'content-length': real.bytes.length });
        res.write(real.bytes.subarray(0, 4096), () => res.socket?.destroy());
      };
      await assertUnavailable(db, () => importApi(db), /the download of .* broke off after \d+ bytes/);
    });

    test('no answer, or too slow an answer: timeouts', async () => {
      answer = () => {};
      await assertUnavailable(
        db,
        () => importApi(db, campylobacter, { idleTimeoutMs: 300 }),
        /nothing received for 0\.3 s/,
      );
      answer = (res) => {
        res.writeHead(200, { 'content-type': 'text/csv' });
        const drip = setInterval(() => (res.writable ? res.write('Indicator ID,') : clearInterval(drip)), 50);
        res.on('close', () => clearInterval(drip));
      };
      await assertUnavailable(
        db,
        () => importApi(db, campylobacter, { idleTimeoutMs: 1000, timeoutMs: 400 }),
        /not finished within 0\.4 s/,
      );
    });

    test('nothing listening, or a name that does not resolve: coded errors', async () => {
      const closed = `http://127.0.0.1:${await freePort()}`;
      await assertUnavailable(db, () => importApi(db, campylobacter, { baseUrl: closed }), /ECONNREFUSED/);
      await assertUnavailable(
        db,
        () => importApi(db, campylobacter, { baseUrl: 'http://fingertips.invalid', idleTimeoutMs: 10_000 }),
        /cannot download http:\/\/fingertips\.invalid\/api\//,
      );
    });
  });
}

describe('healthhub import fingertips --indicator (the command)', () => {
  test('downloads and imports; again: already loaded; a failing API exits 1; bad usage exits 2', async (c) => {
    const real = recorded(c);
    if (real === null) return;
    const env = { HEALTHHUB_DATA_DIR: scratch.path('cli-db'), FINGERTIPS_API_URL: baseUrl };
    const args = ['import', 'fingertips', '--indicator', '93356', '--area-type', '402'];
    answer = csv(real.bytes);
    requests.length = 0;

    const ok = await runCli(args, env);
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(ok.stderr, '', 'no progress bar when stderr is not a terminal');
    assert.match(
      ok.stdout,
      /^fingertips: loaded fingertips-api-indicator-93356-area-type-402-parent-15\.csv \(load \d+\): 852 rows read, 852 inserted, 0 updated, 0 unchanged, 0 rejected\n$/,
    );
    assert.equal(requests.length, 1);
    assert.match(requests[0]!.url, /^\/api\/all_data\/csv\/by_indicator_id\?indicator_ids=93356&/);

    const again = await runCli(args, env);
    assert.equal(again.code, 0, again.stderr);
    assert.match(
      again.stdout,
      new RegExp(`^fingertips: ${SOURCE.replaceAll('.', '\\.')} was already loaded`),
    );

    answer = status(500);
    const failed = await runCli([...args, '--parent-area-type', '6'], env);
    assert.equal(failed.code, 1, failed.stderr);
    assert.match(
      failed.stderr,
      /^healthhub: fingertips: fingertips-api-indicator-93356-area-type-402-parent-6\.csv: http:\/\/127\.0\.0\.1:\d+\/api\/\S+ answered HTTP 500 Internal Server Error; nothing was imported\n$/,
    );
    assert.equal(failed.stdout, '');

    const closed = await runCli(args, { ...env, FINGERTIPS_API_URL: `http://127.0.0.1:${await freePort()}` });
    assert.equal(closed.code, 1);
    assert.match(closed.stderr, /^healthhub: fingertips: .*ECONNREFUSED.*; nothing was imported\n$/);

    const badUrl = await runCli(args, { ...env, FINGERTIPS_API_URL: 'fingertips.phe.org.uk' });
    assert.equal(badUrl.code, 1);
    assert.match(badUrl.stderr, /^healthhub: FINGERTIPS_API_URL: /);

    for (const [usage, pattern] of [
      [['--indicator', 'campylobacter', '--area-type', '402'], /--indicator must be .* not 'campylobacter'/],
      [['--indicator', '93356'], /--area-type ID is required/],
      [
        ['--indicator', '93356', '--area-type', '402', real.path],
        /give FILE\.csv or --indicator .*, not both/,
      ],
      [[], /FILE\.csv is required, or --indicator ID and --area-type ID/],
    ] as const) {
      const result = await runCli(['import', 'fingertips', ...usage], env);
      assert.equal(result.code, 2, `${usage.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, /^healthhub: import fingertips: /);
      assert.match(result.stderr, pattern);
      assert.equal(result.stderr.trim().split('\n').length, 1);
    }

    const help = await runCli(['import', 'fingertips', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--indicator ID/);
    assert.match(help.stdout, /FINGERTIPS_API_URL/);
  });
});
