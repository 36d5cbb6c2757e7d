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

const dir = scratchDir('calc-proportion');
const INPUT = ['Area', 'Numerator', 'Denominator'];
const PAIR = ['lower95_0cl', 'upper95_0cl', 'lower99_8cl', 'upper99_8cl'];

describe('healthhub calc proportion (phe_proportion)', () => {
  test('reference rows, row-wise: two CIs and each single CI, multiplier 1 and 100, NA rows', async (t) => {
    const base = sharedPath(t, 'validation', 'phe-indicator-methods', 'proportion');
    if (!base) return;
    const reference = readCsv(join(base, 'phe_proportion_reference.csv'));
    const byMultiplier = (m: string) => reference.filter((r) => r['multiplier'] === m);
    const one = writeRecords(join(dir, 'one.csv'), byMultiplier('1'), INPUT);
    const hundred = writeRecords(join(dir, 'hundred.csv'), byMultiplier('100'), INPUT);
    const columns = ['--x', 'Numerator', '--n', 'Denominator'];
    const runs = await Promise.all([
      runCalc(dir, ['proportion', '--input', one, ...columns, '--confidence', '0.95,0.998']),
      runCalc(dir, [
        'proportion',
        '--input',
        hundred,
        ...columns,
        '--confidence',
        '0.95,0.998',
        '--multiplier',
        '100',
      ]),
      runCalc(dir, ['proportion', '--input', one, ...columns, '--confidence', '99.8']),
      runCalc(dir, ['proportion', '--input', hundred, ...columns, '--multiplier', '100']),
    ]);
    const [pairOne, pairHundred, single998, single95] = runs;
    for (const run of [pairOne!, pairHundred!]) {
      assert.deepEqual(run.header, [...INPUT, 'value', ...PAIR, 'confidence', 'statistic', 'method']);
      assert.deepEqual(run.warnings, []);
    }
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
        assert.equal(row['method'], e['method']);
      });
    };
    const same = PAIR.map((c) => [c, c] as [string, string]);
    check(pairOne!.rows, byMultiplier('1'), same, '95%, 99.8%');
    check(pairHundred!.rows, byMultiplier('100'), same, '95%, 99.8%');
    assert.deepEqual(single998!.header, [
      ...INPUT,
      'value',
      'lowercl',
      'uppercl',
      'confidence',
      'statistic',
      'method',
    ]);
    check(
      single998!.rows,
      byMultiplier('1'),
      [
        ['lowercl', 'lower99_8cl'],
        ['uppercl', 'upper99_8cl'],
      ],
      '99.8%',
    );
    check(
      single95!.rows,
      byMultiplier('100'),
      [
        ['lowercl', 'lower95_0cl'],
        ['uppercl', 'upper95_0cl'],
      ],
      '95%',
    );
  });

  test('grouped by Area: x and n summed per group, one row per group in dplyr order', async (t) => {
    const base = sharedPath(t, 'validation', 'phe-indicator-methods', 'proportion');
    if (!base) return;
    const input = writeRecords(
      join(dir, 'all.csv'),
      readCsv(join(base, 'phe_proportion_reference.csv')),
      INPUT,
    );
    const expected = readCsv(join(base, 'phe_proportion_grouped_expected.csv'));
    const [full, value] = await Promise.all([
      runCalc(dir, [
        'proportion',
        '--input',
        input,
        '--x',
        'Numerator',
        '--n',
        'Denominator',
        '--group-by',
        'Area',
      ]),
      runCalc(dir, [
        'proportion',
        '--input',
        input,
        '--x',
        'Numerator',
        '--n',
        'Denominator',
        '--group-by',
        'Area',
        '--type',
        'value',
      ]),
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
    assert.deepEqual(
      full.rows.map((r) => r['Area']),
      [...expected.map((e) => e['Area']!)].sort(),
    );
    for (const row of full.rows) {
      const e = expected.find((x) => x['Area'] === row['Area'])!;
      assertNumbersClose(row, e, ['Numerator', 'Denominator', 'value', 'lowercl', 'uppercl'], row['Area']!);
      for (const c of ['confidence', 'statistic', 'method']) assert.equal(row[c], e[c]);
    }
    assert.deepEqual(value.header, [...INPUT, 'value']);
    assert.deepEqual(
      value.rows.map((r) => r['value']),
      full.rows.map((r) => r['value']),
    );
  });

  test('bad input exits 2 with one line naming the line, and writes no output', async () => {
    const input = writeCsv(
      join(dir, 'bad.csv'),
      ['area', 'x', 'n'],
      [
        ['a', '1', '10'],
        ['b', '12', '10'],
        ['c', '-1', '10'],
      ],
    );
    const zero = writeCsv(
      join(dir, 'zero.csv'),
      ['area', 'x', 'n'],
      [
        ['a', '1', '10'],
        ['b', '1', '0'],
      ],
    );
    const good = writeCsv(join(dir, 'good.csv'), ['area', 'x', 'n'], [['a', '1', '10']]);
    await Promise.all([
      // R checks negative numerators on every row before x > n.
      assertBadInput(
        dir,
        ['proportion', '--input', input],
        /line 4: numerators must be greater than or equal to zero/,
      ),
      assertBadInput(dir, ['proportion', '--input', zero], /line 3: denominators must be greater than zero/),
      assertBadInput(
        dir,
        ['proportion', '--input', zero, '--n', 'x', '--x', 'n'],
        /line 2: numerators must be less than or equal to denominator/,
      ),
      assertBadInput(
        dir,
        ['proportion', '--input', good, '--x', 'cases'],
        /line 1: column 'cases' \(--x\) is not in the input/,
      ),
      assertBadInput(dir, ['proportion', '--input', good, '--frob'], /Unknown option '--frob'/),
      assertBadInput(
        dir,
        ['proportion', '--input', good, '--confidence', '0.5'],
        /--confidence: confidence level/,
      ),
      assertBadInput(
        dir,
        ['proportion', '--input', good, '--confidence', '0.9,0.95'],
        /two confidence levels/,
      ),
    ]);
  });
});
