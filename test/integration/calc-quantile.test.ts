import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  assertBadInput,
  type CalcResult,
  type CsvRecord,
  readCsv,
  runCalc,
  scratchDir,
  writeCsv,
  writeRecords,
} from '../support/calc-cli.js';
import { sharedPath } from '../support/shared-data.js';

const dir = scratchDir('calc-quantile');
const TOO_FEW =
  'healthhub: warning: One or more groups had too few small areas to allow quantiles to be assigned';
const HIGHEST = 'lowest quantile represents highest values';
const LOWEST = 'lowest quantile represents lowest values';

/** One output row per input row, in input order: the input columns unchanged, then R's columns. */
function check(
  run: CalcResult,
  input: CsvRecord[],
  nquantiles: string,
  groupvars: string,
  label: string,
): void {
  const columns = Object.keys(input[0]!);
  assert.deepEqual(run.header, [...columns, 'quantile', 'nquantiles', 'groupvars', 'qinverted'], label);
  assert.equal(run.rows.length, input.length, label);
  run.rows.forEach((row, k) => {
    const e = input[k]!;
    for (const c of columns) assert.equal(row[c], e[c], `${label} row ${k} ${c}`);
    assert.equal(row['quantile'], e['QuantileInGrp'], `${label} row ${k} (${e['AreaCode']})`);
    assert.equal(row['nquantiles'], nquantiles);
    assert.equal(row['groupvars'], groupvars);
  });
}

describe('healthhub calc quantile (phe_quantile)', () => {
  test('the reference GroupSets: IndSexReg (deciles, invert field), 90366Female with FALSE, IndSex, None', async (t) => {
    const base = sharedPath(t, 'validation', 'phe-indicator-methods', 'quantile');
    if (!base) return;
    const reference = readCsv(join(base, 'phe_quantile_reference.csv'));
    const columns = Object.keys(reference[0]!);
    const set = (name: string) => reference.filter((r) => r['GroupSet'] === name);
    const write = (name: string, records: CsvRecord[]) =>
      writeRecords(join(dir, `${name}.csv`), records, columns);
    const indSexReg = set('IndSexReg');
    const female = indSexReg.filter((r) => r['IndSexRef'] === '90366Female');
    const indSex = set('IndSex');
    const none = set('None');
    const field = ['--values', 'Value', '--invert', 'Polarity', '--inverttype', 'field'];
    const [reg, fem, sex, all] = await Promise.all([
      runCalc(dir, [
        'quantile',
        '--input',
        write('reg', indSexReg),
        ...field,
        '--group-by',
        'IndSexRef,ParentCode',
      ]),
      runCalc(dir, [
        'quantile',
        '--input',
        write('female', female),
        '--values',
        'Value',
        '--invert',
        'FALSE',
        '--group-by',
        'IndSexRef,ParentCode',
      ]),
      runCalc(dir, [
        'quantile',
        '--input',
        write('sex', indSex),
        ...field,
        '--group-by',
        'IndSexRef',
        '--nquantiles',
        '7',
      ]),
      runCalc(dir, ['quantile', '--input', write('none', none), '--values', 'Value', '--nquantiles', '4']),
    ]);
    check(reg, indSexReg, '10', 'IndSexRef, ParentCode', 'IndSexReg');
    reg.rows.forEach((row) => {
      assert.equal(row['qinverted'], row['Polarity'] === 'TRUE' ? HIGHEST : LOWEST);
    });
    // Some groups of this set are too small for deciles: R's warning, once.
    assert.deepEqual(reg.warnings, [TOO_FEW]);
    check(fem, female, '10', 'IndSexRef, ParentCode', '90366Female, invert FALSE');
    assert.ok(fem.rows.every((r) => r['qinverted'] === LOWEST));
    check(sex, indSex, '7', 'IndSexRef', 'IndSex');
    check(all, none, '4', '', 'None');
    assert.ok(all.rows.every((r) => r['qinverted'] === HIGHEST));
    assert.deepEqual(all.warnings, []);
  });

  test('bad input exits 2 with one line naming the line, and writes no output', async (t) => {
    const base = sharedPath(t, 'validation', 'phe-indicator-methods', 'quantile');
    if (!base) return;
    const polarity = join(base, 'phe_quantile_error_bad_polarity.csv');
    const header = ['area', 'values', 'polarity'];
    const good = writeCsv(join(dir, 'good.csv'), header, [
      ['a', '1', 'TRUE'],
      ['b', '2', 'TRUE'],
    ]);
    const notLogical = writeCsv(join(dir, 'not-logical.csv'), header, [
      ['a', '1', 'TRUE'],
      ['b', '2', 'yes please'],
    ]);
    const text = writeCsv(join(dir, 'text.csv'), header, [
      ['a', '1', 'TRUE'],
      ['b', 'high', 'TRUE'],
    ]);
    await Promise.all([
      assertBadInput(
        dir,
        [
          'quantile',
          '--input',
          polarity,
          '--values',
          'Value',
          '--invert',
          'Polarity',
          '--inverttype',
          'field',
          '--group-by',
          'IndSexRef',
        ],
        /line \d+: invert field values must take the same logical value for each data grouping set/,
      ),
      assertBadInput(
        dir,
        ['quantile', '--input', notLogical, '--invert', 'polarity', '--inverttype', 'field'],
        /line 3: column 'polarity' \(--invert\): 'yes please' is not TRUE or FALSE/,
      ),
      assertBadInput(
        dir,
        ['quantile', '--input', good, '--invert', 'Polarity', '--inverttype', 'field'],
        /line 1: column 'Polarity' \(--invert\)/,
      ),
      assertBadInput(dir, ['quantile', '--input', text], /line 3: column 'values': 'high' is not a number/),
      assertBadInput(
        dir,
        ['quantile', '--input', good, '--inverttype', 'vector'],
        /valid values for inverttype are logical and field/,
      ),
      assertBadInput(
        dir,
        ['quantile', '--input', good, '--invert', 'maybe'],
        /--invert must be true or false/,
      ),
      assertBadInput(
        dir,
        ['quantile', '--input', good, '--nquantiles', '2.5'],
        /--nquantiles must be a whole number/,
      ),
      assertBadInput(
        dir,
        ['quantile', '--input', good, '--confidence', '0.95'],
        /--confidence does not apply/,
      ),
    ]);
  });
});
