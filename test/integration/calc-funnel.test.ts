import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  assertBadInput,
  assertNumbersClose,
  type CalcResult,
  type CsvRecord,
  num,
  readCsv,
  runCalc,
  scratchDir,
  writeRecords,
} from '../support/calc-cli.js';
import { runCli } from '../support/run-cli.js';
import { sharedPath } from '../support/shared-data.js';

const dir = scratchDir('calc-funnel');
type Ctx = Parameters<typeof sharedPath>[0];

function reference(t: Ctx, folder: string, name: string): string | null {
  return sharedPath(t, 'validation', 'phe-indicator-methods', folder, name);
}

/** Every column of R's table, row by row: numbers to `rel`, text exactly. */
function assertTable(run: CalcResult, expected: CsvRecord[], label: string, rel = 1e-9): void {
  const columns = Object.keys(expected[0]!);
  assert.deepEqual(run.header, columns, `${label}: columns`);
  assert.equal(run.rows.length, expected.length, `${label}: rows`);
  const numeric = columns.filter((c) => expected.every((r) => r[c] === '' || Number.isFinite(Number(r[c]))));
  run.rows.forEach((row, i) => {
    assertNumbersClose(row, expected[i]!, numeric, `${label} row ${i + 1}`, rel);
    for (const c of columns.filter((x) => !numeric.includes(x))) assert.equal(row[c], expected[i]![c]);
  });
}

/** The rows with the largest `ev` given a new event count (the R tests' setups). */
function withMaxEvents(rows: CsvRecord[], ev: string): CsvRecord[] {
  const max = Math.max(...rows.map((r) => num(r['ev'])));
  return rows.map((r) => (num(r['ev']) === max ? { ...r, ev } : r));
}

describe('healthhub calc funnel (calculate_funnel_limits, assign_funnel_significance, calculate_funnel_points)', () => {
  test('limits: proportion, ratio (count, isr), rate (dsr, crude < 10, crude with 0 events) as R computes them', async (t) => {
    const proportion = reference(t, 'funnel', 'funnel_proportion_input_and_significance.csv');
    const ratio = reference(t, 'funnel', 'funnel_ratio_input_and_significance.csv');
    const rate = reference(t, 'funnel', 'funnel_rate_input_and_points_expected.csv');
    const zeroInput = reference(t, 'r_computed', 'funnel_rate_crude_zero_with_denominator_INPUT.csv');
    const r = (name: string) => readCsv(reference(t, 'r_computed', name)!);
    if (!proportion || !ratio || !rate || !zeroInput) return;
    const small = writeRecords(
      join(dir, 'proportion-small.csv'),
      readCsv(proportion).filter((row) => num(row['denominator']) < 31000),
      ['Area', 'numerator', 'denominator'],
    );
    const lt10 = writeRecords(join(dir, 'rate-lt10.csv'), withMaxEvents(readCsv(rate), '5'), [
      'ev',
      'rate',
      'pop',
    ]);
    const rates = [
      '--statistic',
      'rate',
      '--numerator',
      'ev',
      '--multiplier',
      '100000',
      '--years-of-data',
      '3',
    ];
    const ratios = [
      '--statistic',
      'ratio',
      '--numerator',
      'obs',
      '--denominator',
      'expected',
      '--multiplier',
      '100',
    ];
    const [prop, axis, count, isr, dsr, crude, zero] = await Promise.all([
      runCalc(dir, [
        'funnel',
        '--input',
        proportion,
        '--statistic',
        'proportion',
        '--multiplier',
        '100',
        '--type',
        'standard',
      ]),
      runCalc(dir, [
        'funnel',
        '--compute',
        'limits',
        '--input',
        small,
        '--statistic',
        'proportion',
        '--multiplier',
        '100',
      ]),
      runCalc(dir, ['funnel', '--input', ratio, ...ratios, '--ratio-type', 'count']),
      runCalc(dir, ['funnel', '--input', ratio, ...ratios, '--ratio-type', 'isr', '--type', 'standard']),
      runCalc(dir, ['funnel', '--input', rate, ...rates, '--rate-type', 'dsr']),
      runCalc(dir, ['funnel', '--input', lt10, ...rates, '--rate-type', 'crude']),
      runCalc(dir, [
        'funnel',
        '--input',
        zeroInput,
        ...rates,
        '--rate-type',
        'crude',
        '--denominator',
        'pop',
      ]),
    ]);
    assertTable(prop!, r('funnel_proportion_limits.csv'), 'proportion');
    // The repository's own expected file, rounded to 6 dp.
    const rounded = readCsv(reference(t, 'funnel', 'funnel_proportion_limits_expected.csv')!);
    prop!.rows.forEach((row, i) => {
      for (const c of Object.keys(rounded[0]!)) {
        assert.ok(Math.abs(num(row[c]) - num(rounded[i]![c])) <= 5.0001e-7, `proportion ${c} row ${i + 1}`);
      }
    });
    assertTable(axis!, r('funnel_proportion_limits_axis_variation.csv'), 'proportion, axis variation');
    assertTable(count!, r('funnel_ratio_limits_count.csv'), 'ratio count');
    assertTable(isr!, r('funnel_ratio_limits_isr.csv'), 'ratio isr');
    assertTable(dsr!, r('funnel_rate_limits_dsr.csv'), 'rate dsr');
    assertTable(crude!, r('funnel_rate_limits_crude_lt10.csv'), 'rate crude < 10');
    assertTable(zero!, r('funnel_rate_limits_crude_zero_with_denominator.csv'), 'rate crude with 0 events');
    assert.equal(dsr!.rows[0]!['statistic'], 'rate (dsr per 100,000)');
  });

  test('significance: every row of the proportion and ratio files and the 8 rate columns', async (t) => {
    const proportion = reference(t, 'funnel', 'funnel_proportion_input_and_significance.csv');
    const ratio = reference(t, 'funnel', 'funnel_ratio_input_and_significance.csv');
    const rate = reference(t, 'funnel', 'funnel_rate_significance_reference.csv');
    if (!proportion || !ratio || !rate) return;
    const rateRows = readCsv(rate);
    const rateInput = ['count', 'rate_dsr', 'pop', 'rate_crude_per_100000', 'rate_crude_per_100'];
    const withZero = writeRecords(join(dir, 'rate-with-0.csv'), rateRows, rateInput);
    const withoutRows = rateRows.filter((r) => num(r['count']) !== 0);
    const withoutZero = writeRecords(join(dir, 'rate-without-0.csv'), withoutRows, rateInput);
    const variants = [
      ['dsr_per_100000', 'rate_dsr', 'dsr', '100000'],
      ['dsr_per_100', 'rate_dsr', 'dsr', '100'],
      ['crude_per_100000', 'rate_crude_per_100000', 'crude', '100000'],
      ['crude_per_100', 'rate_crude_per_100', 'crude', '100'],
    ] as const;
    const rateRuns = variants.flatMap(([, column, type, multiplier]) =>
      [withZero, withoutZero].map((input) =>
        runCalc(dir, [
          'funnel',
          '--compute',
          'significance',
          '--input',
          input,
          '--statistic',
          'rate',
          '--numerator',
          'count',
          '--denominator',
          'pop',
          '--rate',
          column,
          '--rate-type',
          type,
          '--multiplier',
          multiplier,
        ]),
      ),
    );
    const [prop, rat, ...rates] = await Promise.all([
      runCalc(dir, [
        'funnel',
        '--compute',
        'significance',
        '--input',
        proportion,
        '--statistic',
        'proportion',
      ]),
      runCalc(dir, [
        'funnel',
        '--compute',
        'significance',
        '--input',
        ratio,
        '--statistic',
        'ratio',
        '--numerator',
        'obs',
        '--denominator',
        'expected',
      ]),
      ...rateRuns,
    ]);
    // The input columns (the file's own significance among them, replaced by ours), then significance.
    assert.deepEqual(prop!.header, ['Area', 'numerator', 'denominator', 'significance']);
    const expected = readCsv(proportion);
    assert.equal(prop!.rows.length, 303);
    prop!.rows.forEach((row, i) => {
      assert.equal(row['Area'], expected[i]!['Area']);
      assert.equal(row['significance'], expected[i]!['significance'], `proportion row ${i + 1}`);
    });
    assert.deepEqual(
      rat!.rows.map((r) => r['significance']),
      readCsv(ratio).map((r) => r['significance']),
    );
    variants.forEach(([name], k) => {
      for (const [j, which, rows] of [
        [0, 'with_0', rateRows],
        [1, 'without_0', withoutRows],
      ] as const) {
        assert.deepEqual(
          rates[2 * k + j]!.rows.map((r) => r['significance']),
          rows.map((r) => r[`${name}_${which}`]),
          `${name}_${which}`,
        );
      }
    });
  });

  test('significance --group-by: each group against its own average, as R run on each group separately', async (t) => {
    const proportion = reference(t, 'funnel', 'funnel_proportion_input_and_significance.csv');
    if (!proportion) return;
    const rows = readCsv(proportion);
    // Group "a" is the reference file; group "b" is its rows with numerators halved, interleaved with "a".
    const doubled = rows.flatMap((r) => [
      { ...r, set: 'a' },
      { ...r, set: 'b', numerator: String(num(r['numerator']) / 2) },
    ]);
    const input = writeRecords(join(dir, 'grouped.csv'), doubled, [
      'set',
      'Area',
      'numerator',
      'denominator',
    ]);
    const halved = writeRecords(
      join(dir, 'halved.csv'),
      doubled.filter((r) => r.set === 'b'),
      ['set', 'Area', 'numerator', 'denominator'],
    );
    const args = ['funnel', '--compute', 'significance', '--statistic', 'proportion'];
    const [grouped, alone] = await Promise.all([
      runCalc(dir, [...args, '--input', input, '--group-by', 'set']),
      runCalc(dir, [...args, '--input', halved]),
    ]);
    // One row per input row, in input order.
    assert.equal(grouped!.rows.length, 2 * rows.length);
    grouped!.rows.forEach((row, i) => {
      assert.equal(row['set'], i % 2 === 0 ? 'a' : 'b');
      const k = Math.floor(i / 2);
      const want = i % 2 === 0 ? rows[k]!['significance'] : alone!.rows[k]!['significance'];
      assert.equal(row['significance'], want, `row ${i + 1}`);
    });
  });

  test('points: <rate column>_chart and denominator_derived (dsr, crude, crude with 0 events)', async (t) => {
    const rate = reference(t, 'funnel', 'funnel_rate_input_and_points_expected.csv');
    if (!rate) return;
    const rows = readCsv(rate);
    const dsrInput = writeRecords(join(dir, 'points-dsr.csv'), withMaxEvents(rows, '5'), [
      'ev',
      'rate',
      'pop',
    ]);
    const renamed = writeRecords(
      join(dir, 'points-renamed.csv'),
      rows.map((r) => ({ ...r, crude_rate: r['rate']! })),
      ['ev', 'crude_rate'],
    );
    const zero = writeRecords(join(dir, 'points-zero.csv'), withMaxEvents(rows, '0'), ['ev', 'rate', 'pop']);
    const args = ['funnel', '--compute', 'points', '--numerator', 'ev', '--multiplier', '1e5'];
    const [dsr, crude, withDenominator] = await Promise.all([
      runCalc(dir, [...args, '--input', dsrInput, '--rate-type', 'dsr', '--years-of-data', '3']),
      runCalc(dir, [
        ...args,
        '--input',
        renamed,
        '--rate',
        'crude_rate',
        '--rate-type',
        'crude',
        '--years-of-data',
        '3',
      ]),
      runCalc(dir, [
        ...args,
        '--input',
        zero,
        '--statistic',
        'rate',
        '--rate-type',
        'crude',
        '--years-of-data',
        '5',
        '--denominator',
        'pop',
      ]),
    ]);
    assert.deepEqual(dsr!.header, ['ev', 'rate', 'pop', 'rate_chart', 'denominator_derived']);
    assert.deepEqual(crude!.header, ['ev', 'crude_rate', 'crude_rate_chart', 'denominator_derived']);
    rows.forEach((e, i) => {
      // The expected file carries about 10 significant digits.
      assertNumbersClose(dsr!.rows[i]!, e, ['rate_chart', 'denominator_derived'], `dsr row ${i + 1}`, 1e-9);
      assertNumbersClose(
        crude!.rows[i]!,
        e,
        [
          ['crude_rate_chart', 'rate_chart_crude'],
          ['denominator_derived', 'denominator_derived_crude'],
        ],
        `crude row ${i + 1}`,
      );
      assertNumbersClose(
        withDenominator!.rows[i]!,
        e,
        [
          ['rate_chart', 'rate_chart_crude_with_denom'],
          ['denominator_derived', 'denominator_derived_crude_with_denom'],
        ],
        `crude with denominators row ${i + 1}`,
      );
    });
  });

  test('bad input: exit 2, one line naming the line or the option, no output file', async (t) => {
    const proportion = reference(t, 'funnel', 'funnel_proportion_input_and_significance.csv');
    const ratio = reference(t, 'funnel', 'funnel_ratio_input_and_significance.csv');
    if (!proportion || !ratio) return;
    const rows = readCsv(proportion).slice(0, 20);
    const columns = ['Area', 'numerator', 'denominator'];
    const negative = writeRecords(
      join(dir, 'negative.csv'),
      rows.map((r, i) => (i === 6 ? { ...r, numerator: '-3' } : r)),
      columns,
    );
    const over = writeRecords(
      join(dir, 'over.csv'),
      rows.map((r, i) => (i === 9 ? { ...r, numerator: '50000', denominator: '40000' } : r)),
      columns,
    );
    const missing = writeRecords(
      join(dir, 'missing.csv'),
      rows.map((r, i) => (i === 2 ? { ...r, denominator: '' } : r)),
      columns,
    );
    const significance = ['funnel', '--compute', 'significance', '--statistic', 'proportion'];
    await Promise.all([
      assertBadInput(
        dir,
        [...significance, '--input', negative],
        /^healthhub: line 8: numerators must be greater than or equal to zero$/,
      ),
      assertBadInput(
        dir,
        [...significance, '--input', over],
        /^healthhub: line 11: numerators must be less than or equal to denominator for a proportion statistic$/,
      ),
      assertBadInput(
        dir,
        ['funnel', '--input', missing, '--statistic', 'proportion', '--multiplier', '100'],
        /^healthhub: line 4: for proportions, numerators and denominators must be provided for all records/,
      ),
      assertBadInput(
        dir,
        [...significance, '--input', proportion, '--numerator', 'num'],
        /^healthhub: line 1: column 'num' \(--numerator\) is not in the input/,
      ),
      assertBadInput(
        dir,
        [
          'funnel',
          '--input',
          proportion,
          '--statistic',
          'proportion',
          '--multiplier',
          '100',
          '--group-by',
          'Area',
        ],
        /--group-by does not apply to --compute limits/,
      ),
      assertBadInput(
        dir,
        [
          'funnel',
          '--input',
          ratio,
          '--statistic',
          'ratio',
          '--numerator',
          'obs',
          '--denominator',
          'expected',
        ],
        /--compute limits with --statistic ratio needs --multiplier and --ratio-type$/,
      ),
      assertBadInput(
        dir,
        ['funnel', '--input', proportion, '--multiplier', '100'],
        /--statistic is required/,
      ),
      assertBadInput(
        dir,
        ['funnel', '--input', proportion, '--statistic', 'percentage', '--multiplier', '100'],
        /--statistic must be proportion, ratio or rate \(got 'percentage'\)/,
      ),
      assertBadInput(
        dir,
        [...significance, '--input', proportion, '--years-of-data', '3'],
        /--years-of-data does not apply to --compute significance/,
      ),
    ]);
  });

  test('--help lists the three computations and their options', async () => {
    const help = await runCli(['calc', 'funnel', '--help']);
    assert.equal(help.code, 0);
    for (const text of [
      'calculate_funnel_limits',
      'assign_funnel_significance',
      'calculate_funnel_points',
      '--compute',
    ]) {
      assert.ok(help.stdout.includes(text), text);
    }
  });
});
