import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  assertBadInput,
  assertNumbersClose,
  type CsvRecord,
  readCsv,
  runCalc,
  scratchDir,
  writeCsv,
  writeRecords,
} from '../support/calc-cli.js';
import { sharedPath } from '../support/shared-data.js';

const dir = scratchDir('calc-rate');
const INPUT = ['Area', 'Numerator', 'Denominator'];
const PAIR = ['lower95_0cl', 'upper95_0cl', 'lower99_8cl', 'upper99_8cl'];
const COLUMNS = ['--x', 'Numerator', '--n', 'Denominator'];

describe('healthhub calc rate (phe_rate)', () => {
  test('reference rows, row-wise: two CIs and each single CI, multiplier 100 and 1e5, NA rows, x > n', async (t) => {
    const base = sharedPath(t, 'validation', 'phe-indicator-methods', 'rate');
    if (!base) return;
    const reference = readCsv(join(base, 'phe_rate_reference.csv'));
    const byMultiplier = (m: string) => reference.filter((r) => r['multiplier'] === m);
    const hundred = writeRecords(join(dir, 'hundred.csv'), byMultiplier('100'), INPUT);
    const lakh = writeRecords(join(dir, 'default.csv'), byMultiplier('100000'), INPUT);
    const [pairHundred, pairDefault, single998, single95] = await Promise.all([
      runCalc(dir, [
        'rate',
        '--input',
        hundred,
        ...COLUMNS,
        '--confidence',
        '0.95,0.998',
        '--multiplier',
        '100',
      ]),
      runCalc(dir, ['rate', '--input', lakh, ...COLUMNS, '--confidence', '0.95,0.998']),
      runCalc(dir, ['rate', '--input', hundred, ...COLUMNS, '--confidence', '0.998', '--multiplier', '100']),
      runCalc(dir, ['rate', '--input', lakh, ...COLUMNS, '--confidence', '95']),
    ]);
    const check = (
      rows: CsvRecord[],
      expected: CsvRecord[],
      pairs: [string, string][],
      confidence: string,
    ) => {
      assert.equal(rows.length, expected.length);
      rows.forEach((row, k) => {
        const e = expected[k]!;
        for (const c of INPUT) assert.equal(row[c], e[c], `row ${k} ${c}`);
        assertNumbersClose(row, e, ['value', ...pairs], `row ${k}`);
        assert.equal(row['confidence'], confidence);
        assert.equal(row['statistic'], e['statistic']);
        assert.equal(row['method'], e['method'], `row ${k} method`);
      });
    };
    const same = PAIR.map((c) => [c, c] as [string, string]);
    for (const run of [pairHundred, pairDefault]) {
      assert.deepEqual(run.header, [...INPUT, 'value', ...PAIR, 'confidence', 'statistic', 'method']);
    }
    check(pairHundred.rows, byMultiplier('100'), same, '95%, 99.8%');
    check(pairDefault.rows, byMultiplier('100000'), same, '95%, 99.8%');
    check(
      single998.rows,
      byMultiplier('100'),
      [
        ['lowercl', 'lower99_8cl'],
        ['uppercl', 'upper99_8cl'],
      ],
      '99.8%',
    );
    check(
      single95.rows,
      byMultiplier('100000'),
      [
        ['lowercl', 'lower95_0cl'],
        ['uppercl', 'upper95_0cl'],
      ],
      '95%',
    );
  });

  test('grouped by Area: x and n summed per group, one row per group', async (t) => {
    const base = sharedPath(t, 'validation', 'phe-indicator-methods', 'rate');
    if (!base) return;
    const input = writeRecords(join(dir, 'all.csv'), readCsv(join(base, 'phe_rate_reference.csv')), INPUT);
    const expected = readCsv(join(base, 'phe_rate_grouped_expected.csv'));
    const [full, standard] = await Promise.all([
      runCalc(dir, ['rate', '--input', input, ...COLUMNS, '--group-by', 'Area']),
      runCalc(dir, ['rate', '--input', input, ...COLUMNS, '--group-by', 'Area', '--type', 'standard']),
    ]);
    assert.deepEqual(full.header, [
      ...INPUT,
      'value',
      'lowercl',
      'uppercl',
      'confidence',
      'statistic',
      'method',
    ]);
    assert.equal(full.rows.length, expected.length);
    for (const row of full.rows) {
      const e = expected.find((x) => x['Area'] === row['Area'])!;
      assertNumbersClose(row, e, ['Numerator', 'Denominator', 'value', 'lowercl', 'uppercl'], row['Area']!);
      for (const c of ['confidence', 'statistic', 'method'])
        assert.equal(row[c], e[c], `${row['Area']} ${c}`);
    }
    assert.deepEqual(standard.header, [...INPUT, 'value', 'lowercl', 'uppercl']);
  });

  test('bad input exits 2 with one line naming the line, and writes no output', async () => {
    const input = writeCsv(
      join(dir, 'bad.csv'),
      ['area', 'x', 'n'],
      [
        ['a', '12', '10'],
        ['b', '1', '-10'],
        ['c', '-1', '10'],
      ],
    );
    const text = writeCsv(
      join(dir, 'text.csv'),
      ['area', 'x', 'n'],
      [
        ['a', '1', '10'],
        ['b', 'many', '10'],
      ],
    );
    await Promise.all([
      assertBadInput(
        dir,
        ['rate', '--input', input],
        /line 4: numerators must be greater than or equal to zero/,
      ),
      assertBadInput(dir, ['rate', '--input', input, '--x', 'n', '--n', 'x'], /line 3: numerators must be/),
      assertBadInput(dir, ['rate', '--input', text], /line 3: column 'x': 'many' is not a number/),
      assertBadInput(
        dir,
        ['rate', '--input', text, '--x', 'n', '--n', 'pop'],
        /line 1: column 'pop' \(--n\)/,
      ),
      assertBadInput(dir, ['rate', '--input', text, '--x', 'n', '--type', 'everything'], /--type must be/),
    ]);
  });
});
