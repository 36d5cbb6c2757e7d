import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  assertBadInput,
  assertNumbersClose,
  readCsv,
  runCalc,
  scratchDir,
  writeCsv,
} from '../support/calc-cli.js';
import { sharedPath } from '../support/shared-data.js';

const dir = scratchDir('calc-mean');
const RESULT = ['value_sum', 'value_count', 'stdev', 'value'];
const PAIR = ['lower95_0cl', 'upper95_0cl', 'lower99_8cl', 'upper99_8cl'];
const META = ['confidence', 'statistic', 'method'];

describe('healthhub calc mean (phe_mean)', () => {
  test('grouped by area and ungrouped, two CIs and one', async (t) => {
    const base = sharedPath(t, 'validation', 'phe-indicator-methods', 'mean');
    if (!base) return;
    const input = join(base, 'phe_mean_input.csv');
    const expected = readCsv(join(base, 'phe_mean_expected.csv'));
    const [grouped, whole, single] = await Promise.all([
      runCalc(dir, [
        'mean',
        '--input',
        input,
        '--x',
        'values',
        '--group-by',
        'area',
        '--confidence',
        '0.95,0.998',
      ]),
      runCalc(dir, ['mean', '--input', input, '--x', 'values', '--confidence', '0.95,0.998']),
      runCalc(dir, ['mean', '--input', input, '--x', 'values', '--confidence', '99.8', '--type', 'standard']),
    ]);
    assert.deepEqual(grouped.header, ['area', ...RESULT, ...PAIR, ...META]);
    assert.deepEqual(
      grouped.rows.map((r) => r['area']),
      ['Area1', 'Area2'],
    );
    grouped.rows.forEach((row, k) => {
      assertNumbersClose(row, expected[k]!, [...RESULT, ...PAIR], row['area']!);
      assert.equal(row['confidence'], '95%, 99.8%');
      assert.equal(row['statistic'], 'mean');
      assert.equal(row['method'], "Student's t-distribution");
    });
    assert.deepEqual(whole.header, [...RESULT, ...PAIR, ...META]);
    assert.equal(whole.rows.length, 1);
    assertNumbersClose(whole.rows[0]!, expected[2]!, [...RESULT, ...PAIR], 'No grouping');
    assert.deepEqual(single.header, [...RESULT, 'lowercl', 'uppercl']);
    assertNumbersClose(
      single.rows[0]!,
      expected[2]!,
      [
        ['lowercl', 'lower99_8cl'],
        ['uppercl', 'upper99_8cl'],
      ],
      'No grouping 99.8%',
    );
  });

  test('bad input exits 2 with one line naming the line, and writes no output', async () => {
    const input = writeCsv(
      join(dir, 'bad.csv'),
      ['area', 'x'],
      [
        ['a', '1'],
        ['a', '2'],
        ['b', 'two'],
      ],
    );
    const good = writeCsv(join(dir, 'good.csv'), ['area', 'x'], [['a', '1']]);
    await Promise.all([
      assertBadInput(
        dir,
        ['mean', '--input', input, '--group-by', 'area'],
        /line 4: column 'x': 'two' is not a number/,
      ),
      assertBadInput(dir, ['mean', '--input', good, '--x', 'values'], /line 1: column 'values' \(--x\)/),
      assertBadInput(
        dir,
        ['mean', '--input', good, '--group-by', 'region'],
        /line 1: column 'region' \(--group-by\)/,
      ),
      assertBadInput(dir, ['mean', '--input', good, '--multiplier', '100'], /--multiplier does not apply/),
      assertBadInput(
        dir,
        ['mean', '--input', good, '--confidence', '0.95,0.99'],
        /--confidence: two confidence levels/,
      ),
    ]);
  });
});
