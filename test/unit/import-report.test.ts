import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { defaultReportPath, ImportReport } from '../../src/imports/import-report.js';
import { formatImportSummary } from '../../src/imports/import-summary.js';

const dir = mkdtempSync(join(tmpdir(), 'healthhub-report-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('the default report sits beside the input', () => {
  assert.equal(defaultReportPath('/data/fingertips.csv'), '/data/fingertips.report.csv');
  assert.equal(defaultReportPath('/data/export.CSV'), '/data/export.report.csv');
  assert.equal(defaultReportPath('/data/export.txt'), '/data/export.txt.report.csv');
});

test('a report is written only when there is a problem, quoted as CSV; an old one is removed', async () => {
  const path = join(dir, 'a.report.csv');
  writeFileSync(path, 'from an earlier run');
  const clean = new ImportReport(path);
  await clean.start();
  assert.equal(await clean.close(), undefined);
  assert.equal(existsSync(path), false);

  const report = new ImportReport(path);
  await report.start();
  await report.add(5, "Value: 'abc' is not a number");
  await report.add(7, 'duplicate: line 2 has the same "key", twice');
  await report.add(undefined, 'the file changed');
  for (let i = 0; i < 3000; i++) await report.add(100 + i, 'x'.repeat(40));
  assert.equal(report.count, 3003);
  assert.deepEqual(report.first, { line: 5, reason: "Value: 'abc' is not a number" });
  assert.equal(await report.close(), path);
  const lines = readFileSync(path, 'utf8').split('\n');
  assert.deepEqual(lines.slice(0, 4), [
    'line,reason',
    "5,Value: 'abc' is not a number",
    '7,"duplicate: line 2 has the same ""key"", twice"',
    ',the file changed',
  ]);
  assert.equal(lines.length, 3003 + 2);
});

test('the summary line, and the report named when rows were rejected', () => {
  const base = { importer: 'fingertips', source: 'f.csv', loadId: 4, rowsRead: 10, inserted: 6 };
  const counts = { updated: 2, unchanged: 1, rejected: 1 };
  assert.equal(
    formatImportSummary({ ...base, ...counts, status: 'imported', reportPath: '/tmp/f.report.csv' }),
    'fingertips: loaded f.csv (load 4): 10 rows read, 6 inserted, 2 updated, 1 unchanged, 1 rejected\n' +
      'rejected rows and reasons: /tmp/f.report.csv',
  );
  assert.equal(
    formatImportSummary({ ...base, ...counts, status: 'already-loaded' }),
    'fingertips: f.csv was already loaded (load 4): nothing changed',
  );
});
