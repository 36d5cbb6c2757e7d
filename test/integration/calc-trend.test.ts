import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { recentTrend } from '../../packages/stats/src/recent-trend.js';
import {
  assertBadInput,
  assertNumbersClose,
  type CsvRecord,
  num,
  readCsv,
  runCalc,
  scratchDir,
  writeCsv,
  writeRecords,
} from '../support/calc-cli.js';
import { runCli } from '../support/run-cli.js';
import { sharedPath } from '../support/shared-data.js';

const dir = scratchDir('calc-trend');
const SERIES = ['IndicatorId', 'AreaCode', 'SexID', 'AgeID', 'CategoryTypeId', 'CategoryId'];
const COLUMNS = [
  '--period',
  'Year',
  '--value',
  'Value',
  '--lowercl',
  'LowerCI',
  '--uppercl',
  'UpperCI',
  '--count',
  'Count',
  '--denominator',
  'Denominator',
];
const RESULT = [
  'trend',
  'recent_trend',
  'trend_code',
  'chi_squared',
  'slope',
  'points_used',
  'reason_code',
  'reason',
];

/**
 * Indicators of the FingertipsNext extract by polarity and value type (indicators.csv), one command run each.
 * Series where the extract and the published trend disagree, found by the library's own test (revised or
 * missing data in the extract): 30302|E08000006|4|31.
 */
const SUBSETS = [
  { indicators: ['93763', '22401'], polarity: 'low-is-good', valueType: 'dsr' },
  { indicators: ['91040', '93015', '93088', '93701'], polarity: 'low-is-good', valueType: 'proportion' },
  { indicators: ['92033', '30302'], polarity: 'high-is-good', valueType: 'proportion' },
  { indicators: ['92904', '93124'], polarity: 'low-is-good', valueType: 'crude-rate' },
] as const;
const KNOWN_DIFFERENCES = new Set(['30302|E08000006|4|31||']);

describe("healthhub calc trend (Fingertips' recent trend)", () => {
  test('the trends Fingertips published (FingertipsNext extract), for a subset of indicators', async (t) => {
    const folder = sharedPath(t, 'data', 'indicators', 'fingertipsnext_sample');
    if (!folder) return;
    const all = readCsv(join(folder, 'healthdata.csv'));
    const header = Object.keys(all[0]!);
    // The extract repeats some rows (series and year): keep the first, as the library's test does. Write the
    // rows newest first, so that the command's sort by --period is exercised.
    const seen = new Set<string>();
    const files = SUBSETS.map((subset, k) => {
      const rows = all.filter((r) => {
        if (!(subset.indicators as readonly string[]).includes(r['IndicatorId']!)) return false;
        const id = [...SERIES.map((c) => r[c]), r['Year']].join('|');
        if (seen.has(id)) return false;
        seen.add(id);
        return true;
      });
      rows.sort((a, b) => num(b['Year']) - num(a['Year']));
      return { rows, file: writeRecords(join(dir, `subset${k}.csv`), rows, header) };
    });
    const runs = await Promise.all(
      SUBSETS.map((subset, k) =>
        runCalc(dir, [
          'trend',
          '--input',
          files[k]!.file,
          '--group-by',
          SERIES.join(','),
          ...COLUMNS,
          '--polarity',
          subset.polarity,
          '--value-type',
          subset.valueType,
        ]),
      ),
    );
    let checked = 0;
    let trended = 0;
    const differences: string[] = [];
    SUBSETS.forEach((_, k) => {
      const run = runs[k]!;
      assert.deepEqual(run.header, [...SERIES, ...RESULT]);
      const bySeries = new Map<string, CsvRecord[]>();
      for (const r of files[k]!.rows) {
        const id = SERIES.map((c) => r[c]).join('|');
        bySeries.set(id, [...(bySeries.get(id) ?? []), r]);
      }
      assert.equal(run.rows.length, bySeries.size);
      for (const out of run.rows) {
        const id = SERIES.map((c) => out[c]).join('|');
        const series = bySeries.get(id)!.toSorted((a, b) => num(a['Year']) - num(b['Year']));
        const latest = series[series.length - 1]!;
        if (latest['Trend'] === '') continue;
        // As the library's test: only series whose five latest periods are consecutive years with value,
        // count and denominator (the extract holds 2018 onwards and drops some periods).
        const last5 = series.slice(-5);
        if (last5.length < 5 || num(last5[4]!['Year']) - num(last5[0]!['Year']) !== 4) continue;
        if (last5.some((r) => r['Value'] === '' || r['Count'] === '' || !(num(r['Denominator']) > 0)))
          continue;
        checked++;
        if (out['trend'] === 'Increasing' || out['trend'] === 'Decreasing') trended++;
        if (out['recent_trend'] !== latest['Trend']) differences.push(id);
      }
    });
    assert.deepEqual(
      differences.filter((d) => !KNOWN_DIFFERENCES.has(d)),
      [],
    );
    assert.ok(checked > 300, `${checked} series compared`);
    assert.ok(trended > 50, `${trended} significant`);
    t.diagnostic(`${checked} series compared, ${trended} with a significant trend`);
  });

  test('the logit method, text periods sorted as text, and the library row by row', async () => {
    // Two series: rising counts (periods 2015/16 ...), and one too short to trend.
    const header = ['series', 'period', 'value', 'count', 'denominator'];
    const rows: string[][] = [];
    const counts = [240, 262, 281, 297, 318, 333];
    for (let k = counts.length - 1; k >= 0; k--) {
      const count = counts[k]!;
      rows.push(['rising', `${2015 + k}/${16 + k}`, String((count / 1000) * 100), String(count), '1000']);
    }
    rows.push(['short', '2019/20', '10', '10', '100'], ['short', '2020/21', '12', '12', '100']);
    const input = writeCsv(join(dir, 'logit.csv'), header, rows);
    const run = await runCalc(dir, [
      'trend',
      '--input',
      input,
      '--group-by',
      'series',
      '--method',
      'logit',
      '--polarity',
      'high-is-good',
    ]);
    assert.deepEqual(run.header, ['series', ...RESULT]);
    assert.deepEqual(
      run.rows.map((r) => r['series']),
      ['rising', 'short'],
    );
    const points = counts.map((c) => ({ value: c / 10, count: c, denominator: 1000 }));
    const want = recentTrend(points, { method: 'logit', polarity: 'high-is-good' });
    const rising = run.rows[0]!;
    assert.equal(rising['trend'], want.trend);
    assert.equal(rising['recent_trend'], 'Increasing and getting better');
    assertNumbersClose(
      rising,
      { chi_squared: String(want.chi_squared), slope: String(want.slope) },
      ['chi_squared', 'slope'],
      'rising',
      1e-12,
    );
    assert.equal(run.rows[1]!['reason_code'], 'FEWER_THAN_5_POINTS');
    assert.equal(run.rows[1]!['chi_squared'], '');
  });

  test('bad input: exit 2, one line naming the line, no output file', async () => {
    const header = ['area', 'period', 'value', 'lowercl', 'uppercl', 'count', 'denominator'];
    const good = [2016, 2017, 2018, 2019, 2020].map((p, k) => [
      'X',
      String(p),
      `${10 + k}`,
      '9',
      `${11 + k}`,
      '10',
      '100',
    ]);
    const input = writeCsv(join(dir, 'good.csv'), header, good);
    const duplicate = writeCsv(join(dir, 'duplicate.csv'), header, [
      ...good,
      ['X', '2018', '1', '0', '2', '1', '10'],
    ]);
    const empty = writeCsv(
      join(dir, 'empty.csv'),
      header,
      good.map((r, i) => (i === 3 ? ['X', '', ...r.slice(2)] : r)),
    );
    const word = writeCsv(
      join(dir, 'word.csv'),
      header,
      good.map((r, i) => (i === 1 ? ['X', '2017', 'ten', ...r.slice(3)] : r)),
    );
    await Promise.all([
      assertBadInput(
        dir,
        ['trend', '--input', duplicate, '--group-by', 'area'],
        /^healthhub: line 7: period '2018' appears twice in group area=X \(also on line 4\): give one row per period$/,
      ),
      assertBadInput(
        dir,
        ['trend', '--input', empty],
        /^healthhub: line 5: column 'period' \(--period\) is empty$/,
      ),
      assertBadInput(
        dir,
        ['trend', '--input', word],
        /^healthhub: line 3: column 'value': 'ten' is not a number$/,
      ),
      assertBadInput(
        dir,
        ['trend', '--input', input, '--period', 'Year'],
        /^healthhub: line 1: column 'Year' \(--period\) is not in the input/,
      ),
      assertBadInput(
        dir,
        ['trend', '--input', input, '--method', 'ols'],
        /--method must be weighted-regression or logit/,
      ),
      assertBadInput(dir, ['trend', '--input', input, '--confidence', '0.95'], /--confidence does not apply/),
    ]);
  });

  test('--help describes the period sort and the output', async () => {
    const help = await runCli(['calc', 'trend', '--help']);
    assert.equal(help.code, 0);
    for (const text of ['--period COLUMN', 'sorted by --period', 'recent_trend', 'weighted-regression']) {
      assert.ok(help.stdout.includes(text), text);
    }
  });
});
