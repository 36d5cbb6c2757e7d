import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  assertBadInput,
  assertClose,
  type CsvRecord,
  num,
  readCsv,
  runCalc,
  scratchDir,
  writeRecords,
} from '../support/calc-cli.js';
import { runCli } from '../support/run-cli.js';
import { sharedPath } from '../support/shared-data.js';

const dir = scratchDir('calc-sii');
const GROUPS = ['Area', 'Grouping1', 'Grouping2'];
const INPUT = [...GROUPS, 'Quantile', 'Population', 'Count', 'Value', 'LowerCL', 'UpperCL', 'StandardError'];
const COLUMNS = ['--quantile', 'Quantile', '--population', 'Population'];
const SE = ['--value', 'Value', '--se', 'StandardError'];
const CL = ['--value', 'Value', '--lower-cl', 'LowerCL', '--upper-cl', 'UpperCL'];
const CI1 = ['sii', 'rii', 'sii_lowercl_1', 'sii_uppercl_1', 'rii_lowercl_1', 'rii_uppercl_1'];
const CI2 = ['sii_lowercl_2', 'sii_uppercl_2', 'rii_lowercl_2', 'rii_uppercl_2'];

/** Blocks of sii/phe_sii_reference.csv and testSII.R's arguments for them (README's table). */
interface Case {
  readonly name: string;
  readonly rows: [number, number];
  readonly args: readonly string[];
  /** The levels' column tags, e.g. ['95_0', '99_0']. */
  readonly tags: readonly string[];
  readonly transform?: boolean;
  readonly grouped?: boolean;
  /** The expected columns (the reference file's names). */
  readonly columns: readonly string[];
}

const CASES: readonly Case[] = [
  { name: 'default, se', rows: [1, 20], args: [...SE, '--rii', 'true'], tags: ['95_0'], columns: CI1 },
  {
    name: 'ungrouped, confidence limits',
    rows: [1, 10],
    args: [...CL, '--rii', 'TRUE'],
    tags: ['95_0'],
    grouped: false,
    columns: CI1,
  },
  {
    name: 'two confidence levels c(95, 99)',
    rows: [226, 245],
    args: [...SE, '--rii', 'true', '--confidence', '95,99'],
    tags: ['95_0', '99_0'],
    columns: [...CI1, ...CI2],
  },
  {
    name: 'proportion from counts x and limits',
    rows: [91, 110],
    args: [
      '--x',
      'Count',
      '--lower-cl',
      'LowerCL',
      '--upper-cl',
      'UpperCL',
      '--value-type',
      '2',
      '--rii',
      'true',
    ],
    tags: ['95_0'],
    columns: CI1,
  },
  {
    name: 'rate, log transform, intercept',
    rows: [306, 325],
    args: [...CL, '--value-type', '1', '--transform', 'true', '--rii', 'true', '--intercept', 'true'],
    tags: ['95_0'],
    transform: true,
    columns: [...CI1, 'Intercept'],
  },
  {
    name: 'proportion, logit transform, intercept, c(95, 98)',
    rows: [486, 505],
    args: [
      ...CL,
      '--value-type',
      '2',
      '--transform',
      'true',
      '--rii',
      'true',
      '--intercept',
      'true',
      '--confidence',
      '95,98',
    ],
    tags: ['95_0', '98_0'],
    transform: true,
    columns: [...CI1, ...CI2, 'Intercept'],
  },
  { name: 'quintiles (SII only)', rows: [61, 70], args: SE, tags: ['95_0'], columns: ['sii'] },
];

/** Our column for a reference column: sii_lowercl_2 is sii_lower<tag 2>cl (sii_lower<tag 2> with transform). */
function ourColumn(c: Case, column: string): string {
  if (column === 'Intercept') return 'intercept';
  const m = /^(sii|rii)_(lower|upper)cl_(\d)$/.exec(column);
  if (!m) return column;
  return `${m[1]}_${m[2]}${c.tags[Number(m[3]) - 1]}${c.transform ? '' : 'cl'}`;
}

/** waldo's mean relative difference over the elements that differ (testthat's tolerance is on this). */
function meanRelativeDifference(actual: number[], expected: number[]): number {
  let diff = 0;
  let scale = 0;
  actual.forEach((a, i) => {
    const e = expected[i]!;
    if (a === e) return;
    diff += Math.abs(a - e);
    scale += Math.abs(e);
  });
  return scale === 0 ? diff : diff / scale;
}

const POINT = new Set(['sii', 'rii', 'Intercept']);
const key = (r: CsvRecord) => GROUPS.map((g) => r[g]).join('|');

describe('healthhub calc sii (phe_sii)', () => {
  test('reference blocks of testSII.R through the command: SII, RII, intercept to 1e-10, simulated limits to 0.05', async (t) => {
    const file = sharedPath(t, 'validation', 'phe-indicator-methods', 'sii', 'phe_sii_reference.csv');
    if (!file) return;
    const reference = readCsv(file);
    const runs = await Promise.all(
      CASES.map((c, k) => {
        const input = writeRecords(
          join(dir, `case${k}.csv`),
          reference.slice(c.rows[0] - 1, c.rows[1]),
          INPUT,
        );
        const grouping = c.grouped === false ? [] : ['--group-by', GROUPS.join(',')];
        return runCalc(dir, [
          'sii',
          '--input',
          input,
          ...grouping,
          ...COLUMNS,
          ...c.args,
          '--repetitions',
          '10000',
          '--seed',
          String(100 + k),
        ]);
      }),
    );
    CASES.forEach((c, k) => {
      const run = runs[k]!;
      assert.deepEqual(run.warnings, [], c.name);
      // The expected values sit on the first row of each group in the block.
      const block = reference.slice(c.rows[0] - 1, c.rows[1]);
      const expected = block.filter((r) => r['sii'] !== '');
      assert.equal(run.rows.length, expected.length, c.name);
      const actual = expected.map((e) => {
        const row = c.grouped === false ? run.rows[0] : run.rows.find((r) => key(r) === key(e));
        assert.ok(row, `${c.name}: no output row for ${key(e)}`);
        return row;
      });
      for (const column of c.columns) {
        const ours = ourColumn(c, column);
        assert.ok(run.header.includes(ours), `${c.name}: no column ${ours} in ${run.header.join(',')}`);
        const a = actual.map((r) => num(r[ours]));
        const e = expected.map((r) => num(r[column]));
        if (POINT.has(column)) {
          for (const [i, x] of a.entries()) assertClose(x, e[i]!, 1e-10, `${c.name} ${ours}`);
        } else {
          const mrd = meanRelativeDifference(a, e);
          assert.ok(mrd <= 0.05, `${c.name} ${ours}: mean relative difference ${mrd}`);
        }
      }
    });
    // Column order and metadata, as the library (R) gives them.
    assert.deepEqual(runs[2]!.header, [
      ...GROUPS,
      'sii',
      'rii',
      'sii_lower95_0cl',
      'sii_upper95_0cl',
      'sii_lower99_0cl',
      'sii_upper99_0cl',
      'rii_lower95_0cl',
      'rii_upper95_0cl',
      'rii_lower99_0cl',
      'rii_upper99_0cl',
      'indicator_type',
      'multiplier',
      'transform',
      'CI_confidence',
      'CI_method',
    ]);
    assert.equal(runs[2]!.rows[0]!['CI_confidence'], '95%, 99%');
    assert.equal(runs[2]!.rows[0]!['CI_method'], 'simulation 10000 reps');
    assert.deepEqual(runs[5]!.header.slice(3, 14), [
      'sii',
      'rii',
      'sii_lower95_0',
      'sii_upper95_0',
      'rii_lower95_0',
      'rii_upper95_0',
      'sii_lower98_0',
      'sii_upper98_0',
      'rii_lower98_0',
      'rii_upper98_0',
      'intercept',
    ]);
    assert.equal(runs[5]!.rows[0]!['transform'], 'logit');
  });

  test('--seed: the same seed gives the same output; a group lacking a quantile is left out with a warning', async (t) => {
    const file = sharedPath(t, 'validation', 'phe-indicator-methods', 'sii', 'phe_sii_reference.csv');
    if (!file) return;
    const reference = readCsv(file);
    const input = writeRecords(join(dir, 'seed.csv'), reference.slice(0, 20), INPUT);
    // Area 2 without its decile 10: R drops the group and warns.
    const partial = writeRecords(join(dir, 'partial.csv'), reference.slice(0, 19), INPUT);
    const args = [
      'sii',
      '--group-by',
      GROUPS.join(','),
      ...COLUMNS,
      ...SE,
      '--rii',
      'true',
      '--repetitions',
      '1000',
    ];
    const [a, b, c, dropped] = await Promise.all([
      runCalc(dir, [...args, '--input', input, '--seed', '7']),
      runCalc(dir, [...args, '--input', input, '--seed', '7']),
      runCalc(dir, [...args, '--input', input, '--seed', '8']),
      runCalc(dir, [...args, '--input', partial, '--seed', '7', '--type', 'standard']),
    ]);
    assert.deepEqual(a!.rows, b!.rows);
    assert.notDeepEqual(a!.rows, c!.rows);
    assert.equal(dropped!.rows.length, 1);
    assert.equal(dropped!.rows[0]!['Area'], 'area1');
    // A group's limits do not depend on the other groups in the file.
    assert.deepEqual(dropped!.rows[0], Object.fromEntries(dropped!.header.map((h) => [h, a!.rows[0]![h]])));
    assert.equal(dropped!.warnings.length, 1);
    assert.match(
      dropped!.warnings[0]!,
      /^healthhub: warning: WARNING: some records have been removed due to incomplete or invalid data \(left out: Area=area2, Grouping1=group A, Grouping2=group C\)$/,
    );
  });

  test('bad input: exit 2, one line naming the line, no output file', async (t) => {
    const file = sharedPath(t, 'validation', 'phe-indicator-methods', 'sii', 'phe_sii_reference.csv');
    if (!file) return;
    const reference = readCsv(file).slice(0, 20);
    const negative = reference.map((r, i) => (i === 13 ? { ...r, Population: '-5' } : r));
    const badPopulation = writeRecords(join(dir, 'negative-population.csv'), negative, INPUT);
    const missingSe = reference.map((r, i) => (i === 4 ? { ...r, StandardError: '' } : r));
    const badSe = writeRecords(join(dir, 'missing-se.csv'), missingSe, INPUT);
    const good = writeRecords(join(dir, 'good.csv'), reference, INPUT);
    const grouped = ['--group-by', GROUPS.join(','), ...COLUMNS, '--repetitions', '1000'];
    await Promise.all([
      // Data row 14 is on line 15.
      assertBadInput(
        dir,
        ['sii', '--input', badPopulation, ...grouped, ...SE],
        /^healthhub: line 15: some groups have a zero, negative or missing population \(group Area=area2, Grouping1=group A, Grouping2=group C\)$/,
      ),
      assertBadInput(
        dir,
        ['sii', '--input', badSe, ...grouped, ...SE],
        /^healthhub: line 6: negative or missing standard errors in input dataset/,
      ),
      assertBadInput(
        dir,
        ['sii', '--input', good, ...grouped, '--value', 'Value', '--se', 'SE'],
        /^healthhub: line 1: column 'SE' \(--se\) is not in the input/,
      ),
      assertBadInput(
        dir,
        ['sii', '--input', good, ...grouped, ...SE, '--transform', 'true', '--value-type', '0'],
        /value_type should be 1 or 2 when transform is true/,
      ),
      assertBadInput(
        dir,
        ['sii', '--input', good, ...grouped, ...SE, '--value-type', '3'],
        /--value-type must be 0, 1 or 2/,
      ),
      assertBadInput(
        dir,
        ['sii', '--input', good, ...grouped, ...SE, '--seed', '1.5'],
        /--seed must be a whole number/,
      ),
      assertBadInput(
        dir,
        ['sii', '--input', good, ...grouped, ...SE, '--deciles', '10'],
        /Unknown option '--deciles'/,
      ),
    ]);
  });

  test('--help names the R function, the options with their defaults and the output columns', async () => {
    const help = await runCli(['calc', 'sii', '--help']);
    assert.equal(help.code, 0);
    for (const text of [
      'phe_sii',
      '--quantile COLUMN',
      '--repetitions N',
      '[100000]',
      '--seed N',
      'sii_lower<L>cl',
    ]) {
      assert.ok(help.stdout.includes(text), text);
    }
  });
});
