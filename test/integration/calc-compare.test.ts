import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  type CompareInput,
  type CompareOptions,
  type CompareResult,
  compare,
} from '../../packages/stats/src/compare.js';
import { type CompareTarget, compareToTarget } from '../../packages/stats/src/compare-to-target.js';
import {
  assertBadInput,
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

const dir = scratchDir('calc-compare');
const RESULT = ['significance', 'significance_code', 'method', 'confidence'];

/**
 * The Fingertips export has an `Indicator Name` with a line break inside quotes and a header of 26 fields
 * over rows of 25 (the trailing `Compared to goal` is absent). The command's CSV reader requires every row
 * to have the header's fields, so the test writes the rows out again with the missing field empty.
 */
function fingertipsExport(t: Parameters<typeof sharedPath>[0]): { file: string; rows: CsvRecord[] } | null {
  const source = sharedPath(t, 'data', 'indicators', 'fingertips_export_campylobacter_2015_countyua.csv');
  if (!source) return null;
  const rows = readCsv(source);
  const header = Object.keys(rows[0]!);
  return { file: writeRecords(join(dir, 'campylobacter.csv'), rows, header), rows };
}

const FINGERTIPS_AREA = [
  '--value',
  'Value',
  '--lowercl',
  'Lower CI 95.0 limit',
  '--uppercl',
  'Upper CI 95.0 limit',
];

describe("healthhub calc compare (Fingertips' comparators)", () => {
  test('a real Fingertips export: every "Compared to England" and "Compared to Region" value', async (t) => {
    const data = fingertipsExport(t);
    if (!data) return;
    // The region's value for each row, from the region rows (all ages only), as a column of the row.
    const regionValue = new Map<string, string>();
    for (const r of data.rows) {
      if (r['Area Type'] === 'Region' && r['Category Type'] === '') {
        regionValue.set(`${r['Area Code']}|${r['Age']}|${r['Time period']}`, r['Value']!);
      }
    }
    const withRegion = data.rows.map((r) => ({
      ...r,
      'Region value': regionValue.get(`${r['Parent Code']}|${r['Age']}|${r['Time period']}`) ?? '',
    }));
    const regionFile = writeRecords(join(dir, 'with-region.csv'), withRegion, Object.keys(withRegion[0]!));
    const [england, region] = await Promise.all([
      // England is the row with Area Code E92000001 in each age, period and deprivation category.
      runCalc(dir, [
        'compare',
        '--input',
        data.file,
        ...FINGERTIPS_AREA,
        '--benchmark-where',
        'Area Code=E92000001',
        '--group-by',
        'Age,Time period,Category Type,Category',
        '--polarity',
        'low-is-good',
      ]),
      runCalc(dir, [
        'compare',
        '--input',
        regionFile,
        ...FINGERTIPS_AREA,
        '--benchmark-value',
        'Region value',
        '--method',
        'single-ci',
        '--confidence',
        '95',
        '--polarity',
        'low-is-good',
      ]),
    ]);
    assert.deepEqual(england!.header, [...Object.keys(data.rows[0]!), ...RESULT]);
    assert.deepEqual(england!.warnings, []);
    let compared = 0;
    england!.rows.forEach((row, i) => {
      // One row per input row, input columns first, as read.
      assert.equal(row['Area Code'], data.rows[i]!['Area Code']);
      if (row['Area Type'] !== 'County & UA') return;
      assert.equal(
        row['significance'],
        row['Compared to England value or percentiles'],
        `${row['Area Code']} ${row['Age']} ${row['Time period']}`,
      );
      assert.equal(row['method'], 'Single overlapping confidence intervals');
      assert.equal(row['confidence'], '95%');
      compared++;
    });
    assert.equal(compared, 760);
    let regional = 0;
    for (const row of region!.rows) {
      if (row['Area Type'] !== 'County & UA') continue;
      assert.equal(row['significance'], row['Compared to Region value or percentiles'], row['Area Code']);
      if (row['Region value'] !== '') regional++;
    }
    assert.equal(regional, 456);
  });

  test('every method and goal gives what the library gives, row by row', async () => {
    // 30 areas in two sets; set A holds the benchmark row ENG. Values, limits and denominators vary so that
    // every outcome occurs.
    const header = [
      'set',
      'area',
      'value',
      'lowercl',
      'uppercl',
      'lower99_8cl',
      'upper99_8cl',
      'denominator',
    ];
    header.push('bench', 'bench_lo', 'bench_hi');
    const rows: string[][] = [];
    for (let i = 0; i < 30; i++) {
      const value = i === 7 ? Number.NaN : 30 + ((i * 37) % 41);
      const half = 2 + (i % 5) * 3;
      const cells = [
        i < 15 ? 'A' : 'B',
        i === 3 ? 'ENG' : `E${i}`,
        value,
        value - half,
        value + half,
        value - 1.6 * half,
        value + 1.6 * half,
        i === 11 ? 0 : 200 + i * 50,
        48 + (i % 4),
        46 + (i % 4) - (i % 3),
        50 + (i % 4) + (i % 3),
      ];
      rows.push(cells.map((c) => (typeof c === 'number' && Number.isNaN(c) ? '' : String(c))));
    }
    rows.push(['B', 'ENG', '52', '51', '53', '50', '54', '100000', '', '', '']);
    const input = writeCsv(join(dir, 'methods.csv'), header, rows);
    const records = readCsv(input);
    const area = (r: CsvRecord): CompareInput => ({
      value: num(r['value']),
      lowercl: num(r['lowercl']),
      uppercl: num(r['uppercl']),
      lower99_8cl: num(r['lower99_8cl']),
      upper99_8cl: num(r['upper99_8cl']),
      denominator: num(r['denominator']),
    });
    const core = (r: CsvRecord): CompareInput => ({
      value: num(r['value']),
      lowercl: num(r['lowercl']),
      uppercl: num(r['uppercl']),
    });
    const sameRow = (r: CsvRecord): CompareInput => ({
      value: num(r['bench']),
      lowercl: num(r['bench_lo']),
      uppercl: num(r['bench_hi']),
    });
    const england = (r: CsvRecord): CompareInput =>
      core(records.find((e) => e['set'] === r['set'] && e['area'] === 'ENG')!);
    const inSet = (r: CsvRecord): number[] =>
      records.filter((e) => e['set'] === r['set']).map((e) => num(e['value']));

    interface Variant {
      readonly args: readonly string[];
      readonly expected: (r: CsvRecord) => CompareResult;
    }
    const byCompare =
      (options: CompareOptions, bench: (r: CsvRecord) => CompareInput | null, fields = core) =>
      (r: CsvRecord) =>
        compare(fields(r), bench(r), options);
    const toGoal =
      (target: (r: CsvRecord) => CompareTarget, polarity: CompareOptions['polarity']) => (r: CsvRecord) =>
        compareToTarget(core(r), target(r), polarity);
    const benchmark = ['--benchmark-value', 'bench'];
    const where = ['--benchmark-where', 'area=ENG', '--group-by', 'set'];
    const variants: Variant[] = [
      {
        args: [...benchmark, '--polarity', 'high-is-good'],
        expected: byCompare({ method: 'single-ci', polarity: 'high-is-good' }, sameRow),
      },
      {
        args: [
          ...benchmark,
          '--method',
          'single-ci',
          '--confidence',
          '0.998',
          '--lowercl',
          'lower99_8cl',
          '--uppercl',
          'upper99_8cl',
        ],
        expected: byCompare(
          { method: 'single-ci', polarity: 'no-judgement', confidence: 0.998 },
          sameRow,
          (r) => ({
            value: num(r['value']),
            lowercl: num(r['lower99_8cl']),
            uppercl: num(r['upper99_8cl']),
          }),
        ),
      },
      {
        args: [...benchmark, '--method', 'single-ci-both-levels', '--polarity', 'low-is-good'],
        expected: byCompare({ method: 'single-ci-both-levels', polarity: 'low-is-good' }, sameRow, area),
      },
      {
        args: [
          ...benchmark,
          '--method',
          'double-ci',
          '--benchmark-lowercl',
          'bench_lo',
          '--benchmark-uppercl',
          'bench_hi',
        ],
        expected: byCompare({ method: 'double-ci', polarity: 'no-judgement' }, sameRow),
      },
      {
        args: [...where, '--method', 'double-ci', '--polarity', 'high-is-good'],
        expected: byCompare({ method: 'double-ci', polarity: 'high-is-good' }, england),
      },
      {
        args: [...where, '--method', 'spc-proportion', '--multiplier', '100', '--polarity', 'high-is-good'],
        expected: byCompare(
          { method: 'spc-proportion', polarity: 'high-is-good', multiplier: 100 },
          england,
          (r) => ({ value: num(r['value']), denominator: num(r['denominator']) }),
        ),
      },
      {
        args: [...benchmark, '--method', 'spc-dsr', '--confidence', '99.8', '--polarity', 'low-is-good'],
        expected: byCompare(
          { method: 'spc-dsr', polarity: 'low-is-good', confidence: 99.8 },
          sameRow,
          (r) => ({ value: num(r['value']), denominator: num(r['denominator']) }),
        ),
      },
      {
        args: ['--method', 'quintiles', '--group-by', 'set', '--polarity', 'high-is-good'],
        expected: (r) =>
          compare(core(r), null, { method: 'quintiles', polarity: 'high-is-good', values: inSet(r) }),
      },
      {
        args: ['--method', 'quartiles'],
        expected: (r) =>
          compare(core(r), null, {
            method: 'quartiles',
            polarity: 'no-judgement',
            values: records.map((e) => num(e['value'])),
          }),
      },
      {
        args: ['--target', '50', '--polarity', 'low-is-good'],
        expected: toGoal(() => ({ value: 50 }), 'low-is-good'),
      },
      {
        args: ['--target', '50', '--target-use-ci', 'true', '--polarity', 'high-is-good'],
        expected: toGoal(() => ({ value: 50, useConfidenceIntervals: true }), 'high-is-good'),
      },
      {
        args: ['--target-range', '40,60', '--polarity', 'high-is-good'],
        expected: toGoal(() => ({ lower: 40, upper: 60 }), 'high-is-good'),
      },
      {
        args: ['--target-percentiles', '25,75', '--group-by', 'set', '--polarity', 'low-is-good'],
        expected: toGoal(
          (r) => ({ lowerPercentile: 25, upperPercentile: 75, values: inSet(r) }),
          'low-is-good',
        ),
      },
      {
        args: ['--target-percentiles', '25,75', '--polarity', 'no-judgement'],
        expected: toGoal(
          () => ({ lowerPercentile: 25, upperPercentile: 75, values: records.map((e) => num(e['value'])) }),
          'no-judgement',
        ),
      },
    ];
    const runs = await Promise.all(
      variants.map((v) => runCalc(dir, ['compare', '--input', input, ...v.args])),
    );
    const seen = new Set<string>();
    variants.forEach((v, k) => {
      const run = runs[k]!;
      assert.deepEqual(run.header, [...header, ...RESULT], v.args.join(' '));
      assert.equal(run.rows.length, records.length);
      run.rows.forEach((row, i) => {
        const want = v.expected(records[i]!);
        const got = {
          significance: row['significance'],
          significance_code: num(row['significance_code']),
          method: row['method'],
          confidence: row['confidence'],
        };
        assert.deepEqual(got, want, `${v.args.join(' ')}: row ${i + 1}`);
        seen.add(want.significance);
      });
    });
    // The variants reach every kind of outcome.
    for (const s of [
      'Better',
      'Similar',
      'Worse',
      'Higher',
      'Lower',
      'Not compared',
      'Best',
      'Worst',
      'Middle',
    ]) {
      assert.ok(seen.has(s), s);
    }
    assert.ok([...seen].some((s) => s.endsWith('(95%)')));
    assert.ok([...seen].some((s) => s.endsWith('(99.8%)')));
  });

  test('a group without a benchmark row is Not compared, with one warning', async () => {
    const input = writeCsv(
      join(dir, 'no-benchmark.csv'),
      ['period', 'area', 'value', 'lowercl', 'uppercl'],
      [
        ['2020', 'ENG', '50', '49', '51'],
        ['2020', 'X', '60', '55', '65'],
        ['2021', 'X', '60', '55', '65'],
        ['2022', 'Y', '60', '55', '65'],
      ],
    );
    const run = await runCalc(dir, [
      'compare',
      '--input',
      input,
      '--benchmark-where',
      'area=ENG',
      '--group-by',
      'period',
    ]);
    assert.deepEqual(
      run.rows.map((r) => r['significance']),
      ['Similar', 'Higher', 'Not compared', 'Not compared'],
    );
    assert.deepEqual(run.warnings, [
      'healthhub: warning: no benchmark row (area=ENG) in 2 groups (the first: group period=2021): their rows are Not compared',
    ]);
  });

  test('bad input: exit 2, one line naming the line or the option, no output file', async () => {
    const header = ['set', 'area', 'value', 'lowercl', 'uppercl'];
    const good = [
      ['A', 'ENG', '50', '49', '51'],
      ['A', 'X', '60', '55', '65'],
      ['B', 'ENG', '52', '51', '53'],
      ['B', 'Y', '40', '35', '45'],
    ];
    const input = writeCsv(join(dir, 'good.csv'), header, good);
    const notNumber = writeCsv(
      join(dir, 'not-number.csv'),
      header,
      good.map((r, i) => (i === 2 ? ['B', 'ENG', '5O', '51', '53'] : r)),
    );
    const twice = writeCsv(join(dir, 'twice.csv'), header, [...good, ['B', 'ENG', '53', '52', '54']]);
    const where = ['--benchmark-where', 'area=ENG', '--group-by', 'set'];
    await Promise.all([
      assertBadInput(
        dir,
        ['compare', '--input', notNumber, ...where],
        /^healthhub: line 4: column 'value': '5O' is not a number$/,
      ),
      assertBadInput(
        dir,
        ['compare', '--input', twice, ...where],
        /^healthhub: line 6: a second benchmark row \(area=ENG\) in group set=B; the first is on line 4$/,
      ),
      assertBadInput(
        dir,
        ['compare', '--input', input, ...where, '--value', 'Value'],
        /^healthhub: line 1: column 'Value' \(--value\) is not in the input/,
      ),
      assertBadInput(
        dir,
        ['compare', '--input', input],
        /needs either --benchmark-value or --benchmark-where/,
      ),
      assertBadInput(
        dir,
        ['compare', '--input', input, '--benchmark-value', 'value', '--method', 'double-ci'],
        /--method double-ci with --benchmark-value needs --benchmark-lowercl/,
      ),
      assertBadInput(
        dir,
        ['compare', '--input', input, ...where, '--confidence', '0.5'],
        /^healthhub: --confidence: /,
      ),
      assertBadInput(
        dir,
        ['compare', '--input', input, ...where, '--method', 'spc'],
        /--method must be single-ci, /,
      ),
      assertBadInput(
        dir,
        ['compare', '--input', input, '--target-range', '60,40'],
        /--target-range: Lower limit cannot be greater than upper limit/,
      ),
      assertBadInput(
        dir,
        ['compare', '--input', input, '--target', '5', '--method', 'quintiles'],
        /cannot be used together/,
      ),
      assertBadInput(
        dir,
        ['compare', '--input', input, ...where, '--benchmark', 'ENG'],
        /Unknown option '--benchmark'/,
      ),
    ]);
  });

  test('--help describes the benchmark and goal options', async () => {
    const help = await runCli(['calc', 'compare', '--help']);
    assert.equal(help.code, 0);
    for (const text of [
      '--benchmark-where COL=VALUE',
      '--benchmark-value COLUMN',
      '--target-percentiles',
      'single-ci',
    ]) {
      assert.ok(help.stdout.includes(text), text);
    }
  });
});
