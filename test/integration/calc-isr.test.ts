import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  assertBadInput,
  assertNumbersClose,
  type CalcResult,
  type CsvRecord,
  readCsv,
  runCalc,
  scratchDir,
  writeCsv,
  writeRecords,
} from '../support/calc-cli.js';
import { sharedPath } from '../support/shared-data.js';

const dir = scratchDir('calc-isr');
const PAIR = ['lower95_0cl', 'upper95_0cl', 'lower99_8cl', 'upper99_8cl'];
const SINGLE: [string, string][] = [
  ['lowercl', 'lower95_0cl'],
  ['uppercl', 'upper95_0cl'],
];
const META = ['confidence', 'statistic', 'method'];

/** isr_expected.csv rows a..b (1-based, inclusive). */
function rowsOf(expected: CsvRecord[], a: number, b: number): CsvRecord[] {
  return expected.slice(a - 1, b);
}

function check(
  run: CalcResult,
  expected: CsvRecord[],
  ratio: boolean,
  limits: (string | [string, string])[],
  label: string,
): void {
  const head = ['area', 'observed', 'expected', ...(ratio ? [] : ['ref_rate']), 'value'];
  const limitNames = limits.map((c) => (typeof c === 'string' ? c : c[0]));
  assert.deepEqual(run.header, [...head, ...limitNames, ...META], label);
  assert.equal(run.rows.length, expected.length, label);
  run.rows.forEach((row, k) => {
    const e = expected[k]!;
    assert.equal(row['area'], e['area'], `${label} row ${k}`);
    assertNumbersClose(row, e, [...head.slice(1), ...limits], `${label} ${row['area']}`);
    assert.equal(row['statistic'], e['statistic'], label);
    assert.equal(row['method'], e['method'], label);
    assert.equal(row['confidence'], limits.length === 4 ? '95%, 99.8%' : '95%', label);
  });
}

describe('healthhub calc isratio and israte (calculate_ISRatio, calculate_ISRate)', () => {
  test('isr_expected rows 1-16: reference columns, --ref-file (also with NA), observed totals, zero pop', async (t) => {
    const base = sharedPath(t, 'validation', 'phe-indicator-methods', 'isr');
    if (!base) return;
    const input = join(base, 'isr_input_multiarea.csv');
    const ref = join(base, 'isr_reference_population.csv');
    const zeroPop = join(base, 'isr_input_zero_pop.csv');
    const expected = readCsv(join(base, 'isr_expected.csv'));
    // The reference vectors with NA in band 3 (refcount 0 there): NA counts as 0, so nothing changes.
    const refRecords = readCsv(ref);
    refRecords[2] = { ...refRecords[2]!, refcount: '' };
    const refNa = writeRecords(join(dir, 'ref-na.csv'), refRecords, ['Age Band', 'refcount', 'refpop']);
    // The observed-totals variant: the data has no count column.
    const noCount = writeRecords(join(dir, 'no-count.csv'), readCsv(input), ['area', 'ageband', 'pop']);
    const totals = join(base, 'isr_observed_totals.csv');

    const fields = [
      '--x',
      'count',
      '--n',
      'pop',
      '--x-ref',
      'refcount',
      '--n-ref',
      'refpop',
      '--group-by',
      'area',
    ];
    const vector = (file: string) => [
      '--n',
      'pop',
      '--ref-file',
      file,
      '--x-ref',
      'refcount',
      '--n-ref',
      'refpop',
    ];
    const pair = ['--confidence', '0.95,0.998'];
    const [
      rate1e5,
      rateRefFile,
      rateRefNa,
      rate1000,
      ratio1,
      ratio100,
      ratioRefNa,
      rateTotals,
      ratioTotals,
      rateZero,
      ratioZero,
    ] = await Promise.all([
      runCalc(dir, ['israte', '--input', input, ...fields, ...pair]),
      runCalc(dir, [
        'israte',
        '--input',
        input,
        '--x',
        'count',
        ...vector(ref),
        '--group-by',
        'area',
        ...pair,
      ]),
      runCalc(dir, [
        'israte',
        '--input',
        input,
        '--x',
        'count',
        ...vector(refNa),
        '--group-by',
        'area',
        ...pair,
      ]),
      runCalc(dir, ['israte', '--input', input, ...fields, ...pair, '--multiplier', '1000']),
      runCalc(dir, ['isratio', '--input', input, ...fields, ...pair]),
      runCalc(dir, ['isratio', '--input', input, ...fields, ...pair, '--refvalue', '100']),
      runCalc(dir, [
        'isratio',
        '--input',
        input,
        '--x',
        'count',
        ...vector(refNa),
        '--group-by',
        'area',
        ...pair,
      ]),
      runCalc(dir, [
        'israte',
        '--input',
        noCount,
        '--x',
        'total_count',
        '--observed-totals',
        totals,
        ...vector(ref),
        '--group-by',
        'area',
        ...pair,
      ]),
      runCalc(dir, [
        'isratio',
        '--input',
        noCount,
        '--x',
        'total_count',
        '--observed-totals',
        totals,
        ...vector(ref),
        '--group-by',
        'area',
        ...pair,
      ]),
      runCalc(dir, ['israte', '--input', zeroPop, '--x', 'count', ...vector(ref), '--group-by', 'area']),
      runCalc(dir, [
        'isratio',
        '--input',
        zeroPop,
        '--x',
        'count',
        ...vector(ref),
        '--group-by',
        'area',
        '--refvalue',
        '100',
      ]),
    ]);
    check(rate1e5, rowsOf(expected, 1, 3), false, PAIR, 'ISRate 1e5');
    check(rateRefFile, rowsOf(expected, 1, 3), false, PAIR, 'ISRate --ref-file');
    check(rateRefNa, rowsOf(expected, 1, 3), false, PAIR, 'ISRate x_ref NA');
    check(rate1000, rowsOf(expected, 4, 6), false, PAIR, 'ISRate 1000');
    check(ratio1, rowsOf(expected, 7, 9), true, PAIR, 'ISRatio 1');
    check(ratio100, rowsOf(expected, 10, 12), true, PAIR, 'ISRatio 100');
    check(ratioRefNa, rowsOf(expected, 7, 9), true, PAIR, 'ISRatio x_ref NA');
    check(rateTotals, rowsOf(expected, 1, 3), false, PAIR, 'ISRate observed totals');
    check(ratioTotals, rowsOf(expected, 7, 9), true, PAIR, 'ISRatio observed totals');
    check(rateZero, rowsOf(expected, 13, 14), false, SINGLE, 'ISRate zero pop');
    check(ratioZero, rowsOf(expected, 15, 16), true, SINGLE, 'ISRatio zero pop');
  });

  test('a group missing from --observed-totals gets a missing observed count, as R`s left join', async () => {
    const input = writeCsv(
      join(dir, 'two.csv'),
      ['area', 'pop', 'x_ref', 'n_ref'],
      [
        ['A', '100', '5', '1000'],
        ['A', '200', '10', '1000'],
        ['B', '100', '5', '1000'],
        ['B', '200', '10', '1000'],
      ],
    );
    const totals = writeCsv(join(dir, 'totals.csv'), ['area', 'obs'], [['B', '12']]);
    const run = await runCalc(dir, [
      'isratio',
      '--input',
      input,
      '--n',
      'pop',
      '--x',
      'obs',
      '--observed-totals',
      totals,
      '--group-by',
      'area',
      '--type',
      'standard',
    ]);
    assert.deepEqual(run.header, ['area', 'observed', 'expected', 'value', 'lowercl', 'uppercl']);
    assert.deepEqual(run.rows[0], {
      area: 'A',
      observed: '',
      expected: '2.5',
      value: '',
      lowercl: '',
      uppercl: '',
    });
    assert.equal(run.rows[1]!['observed'], '12');
    assert.equal(run.rows[1]!['value'], '4.8');
  });

  test('bad input exits 2 with one line naming the line, and writes no output', async () => {
    const header = ['area', 'x', 'n', 'x_ref', 'n_ref'];
    const good = [
      ['A', '1', '100', '5', '1000'],
      ['A', '2', '200', '10', '1000'],
      ['B', '3', '100', '5', '1000'],
      ['B', '4', '200', '10', '1000'],
    ];
    const file = (name: string, rows: string[][]) => writeCsv(join(dir, name), header, rows);
    const uneven = file('uneven.csv', good.slice(0, 3));
    const negative = file('negative.csv', [...good.slice(0, 3), ['B', '4', '-200', '10', '1000']]);
    const negativeX = file('negative-x.csv', [...good.slice(0, 3), ['B', '-4', '-200', '10', '1000']]);
    const ok = file('ok.csv', good);
    const ref3 = writeCsv(
      join(dir, 'ref3.csv'),
      ['x_ref', 'n_ref'],
      [
        ['1', '10'],
        ['1', '10'],
        ['1', '10'],
      ],
    );
    const badTotals = writeCsv(
      join(dir, 'bad-totals.csv'),
      ['area', 'x'],
      [
        ['A', '3'],
        ['B', '-7'],
      ],
    );
    const byArea = ['--group-by', 'area'];
    await Promise.all([
      assertBadInput(
        dir,
        ['israte', '--input', uneven, ...byArea],
        /line 4: data must contain the same number of rows for each group/,
      ),
      assertBadInput(
        dir,
        ['israte', '--input', negative, ...byArea],
        /line 5: denominators must all be greater than or equal to zero/,
      ),
      // R checks the numerators before the denominators.
      assertBadInput(
        dir,
        ['isratio', '--input', negativeX, ...byArea],
        /line 5: numerators must all be greater than or equal to zero/,
      ),
      assertBadInput(
        dir,
        ['isratio', '--input', ok, ...byArea, '--ref-file', ref3],
        /x_ref length must equal number of rows in each group/,
      ),
      assertBadInput(
        dir,
        ['isratio', '--input', ok, ...byArea, '--ref-file', ref3, '--x-ref', 'refcount'],
        /--ref-file .*ref3\.csv: line 1: column 'refcount' \(--x-ref\)/,
      ),
      assertBadInput(
        dir,
        ['isratio', '--input', ok, ...byArea, '--n-ref', 'refpop'],
        /line 1: column 'refpop' \(--n-ref\)/,
      ),
      assertBadInput(
        dir,
        ['israte', '--input', ok, ...byArea, '--observed-totals', badTotals],
        /--observed-totals .*: line 3: numerators must all be/,
      ),
      assertBadInput(
        dir,
        ['isratio', '--input', ok, ...byArea, '--refvalue', 'ten'],
        /--refvalue must be a number/,
      ),
      assertBadInput(
        dir,
        ['isratio', '--input', ok, ...byArea, '--multiplier', '10'],
        /--multiplier does not apply/,
      ),
    ]);
  });
});
