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
  writeCsv,
  writeRecords,
} from '../support/calc-cli.js';
import { sharedPath } from '../support/shared-data.js';

const dir = scratchDir('calc-le');
const TEXT_BANDS = [
  '0',
  '1-4',
  '5-9',
  ...[10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85].map((a) => `${a} – ${a + 4}`),
  '90 +',
];
const FULL = ['pops_used', 'dths_used', 'confidence', 'statistic', 'method'];
const NUMBERS = ['value', 'lowercl', 'uppercl', 'lower95_0cl', 'lower99_8cl', 'upper95_0cl', 'upper99_8cl'];
const METHOD = 'Chiang, using Silcocks et al for confidence limits';
const WARNING = {
  negativeDeaths: 'some age bands have negative deaths; outputs have been suppressed to NAs',
  population: 'some age bands have a zero or less population; outputs have been suppressed to NAs',
  bands:
    'some groups contain a different number of age bands than 20; life expectancy cannot be calculated for these. These groups will contain NAs.',
  deathsOverPopulation:
    'some age bands have more deaths than population; outputs have been suppressed to NAs',
  small: 'some groups have a total population of less than 5,000; outputs have been suppressed to NAs',
  wide: 'some life expectancy values have a 95% confidence interval > 20 years; these values have been suppressed to NAs',
};
const warned = (...messages: string[]) => messages.map((m) => `healthhub: warning: ${m}`);

/** R's round(x, 4), as the R tests compare (the expected files are rounded). */
function round4(text: string | undefined): number {
  const x = num(text);
  return Number.isNaN(x) ? Number.NaN : Math.round(x * 1e4) / 1e4;
}

/** Every column of R's full-precision output: text equal, numbers to 1e-9. */
function assertMatchesR(run: CalcResult, reference: CsvRecord[], label: string): void {
  assert.deepEqual(run.header, Object.keys(reference[0]!), `${label}: R's columns`);
  assert.equal(run.rows.length, reference.length, label);
  run.rows.forEach((row, k) => {
    const r = reference[k]!;
    const numeric = Object.keys(r).filter(
      (c) => NUMBERS.includes(c) || c === 'pops_used' || c === 'dths_used',
    );
    assertNumbersClose(row, r, numeric, `${label} row ${k}`);
    for (const c of Object.keys(r).filter((c) => !numeric.includes(c)))
      assert.equal(row[c], r[c], `${label} ${c} row ${k}`);
  });
}

/** value and limits at 4 dp against an expected (rounded) file, in order. */
function assertRounded(run: CalcResult, expected: CsvRecord[], columns: string[], label: string): void {
  assert.equal(run.rows.length, expected.length, label);
  run.rows.forEach((row, k) => {
    for (const c of columns) {
      assert.ok(
        Object.is(round4(row[c]), num(expected[k]![c])),
        `${label} ${c} row ${k}: ${row[c]} vs ${expected[k]![c]}`,
      );
    }
  });
}

describe('healthhub calc life-expectancy (phe_life_expectancy)', () => {
  test('single area: ordered, unordered, text bands, two CIs at full precision, le_age and type standard', async (t) => {
    const base = sharedPath(t, 'validation', 'phe-indicator-methods');
    if (!base) return;
    const le = join(base, 'life_expectancy');
    const expected = readCsv(join(le, 'le_expected_single_area.csv'));
    const pops = ['--population', 'pops'];
    const [ordered, unordered, text, pair, some] = await Promise.all([
      runCalc(dir, ['life-expectancy', '--input', join(le, 'le_input_single_area.csv'), ...pops]),
      runCalc(dir, ['life-expectancy', '--input', join(le, 'le_input_single_area_unordered.csv'), ...pops]),
      runCalc(dir, [
        'life-expectancy',
        '--input',
        join(le, 'le_input_text_agebands_unordered.csv'),
        ...pops,
        '--age-contents',
        TEXT_BANDS.join(','),
      ]),
      runCalc(dir, [
        'life-expectancy',
        '--input',
        join(le, 'le_input_single_area.csv'),
        ...pops,
        '--confidence',
        '0.95,0.998',
      ]),
      runCalc(dir, [
        'life-expectancy',
        '--input',
        join(le, 'le_input_single_area.csv'),
        ...pops,
        '--le-age',
        '5,25',
        '--type',
        'standard',
      ]),
    ]);
    for (const [run, label] of [
      [ordered, 'ordered'],
      [unordered, 'unordered'],
      [text, 'text bands'],
    ] as const) {
      // R drops the deaths and population columns and keeps the others (startage) first.
      assert.deepEqual(run.header, ['startage', 'value', 'lowercl', 'uppercl', ...FULL], label);
      assert.deepEqual(run.warnings, [], label);
      assertRounded(run, expected, ['value', 'lowercl', 'uppercl'], label);
      assertNumbersClose(run.rows[0]!, expected[0]!, ['pops_used', 'dths_used'], label);
      run.rows.forEach((row) => {
        assert.equal(row['confidence'], '95%');
        assert.equal(row['statistic'], `life expectancy at ${row['startage']}`);
        assert.equal(row['method'], METHOD);
      });
    }
    assert.deepEqual(
      text.rows.map((r) => r['startage']),
      TEXT_BANDS,
    );
    assertMatchesR(pair, readCsv(join(base, 'r_computed', 'le_single_area_conf95_998.csv')), 'two CIs');
    assert.deepEqual(some.header, ['startage', 'value', 'lowercl', 'uppercl']);
    assertRounded(
      some,
      expected.filter((e) => e['startage'] === '5' || e['startage'] === '25'),
      ['startage', 'value', 'lowercl', 'uppercl'],
      'le_age 5, 25',
    );
  });

  test('grouped: wide CIs (two areas, 0.95,0.998) and five kinds of suppressed group, as R orders them', async (t) => {
    const base = sharedPath(t, 'validation', 'phe-indicator-methods');
    if (!base) return;
    const le = join(base, 'life_expectancy');
    const [wide, warnings] = await Promise.all([
      runCalc(dir, [
        'life-expectancy',
        '--input',
        join(le, 'le_input_wide_ci_two_areas.csv'),
        '--population',
        'pops',
        '--group-by',
        'area',
        '--confidence',
        '0.95,0.998',
      ]),
      runCalc(dir, [
        'life-expectancy',
        '--input',
        join(le, 'le_input_grouped_with_warnings.csv'),
        '--population',
        'pop',
        '--startage',
        'age',
        '--group-by',
        'area',
      ]),
    ]);
    // Area 1 (deaths > population in 90+) is suppressed and placed after Area 2.
    assertMatchesR(
      wide,
      readCsv(join(base, 'r_computed', 'le_wide_ci_two_areas_conf95_998.csv')),
      'wide CIs',
    );
    assertRounded(
      wide,
      readCsv(join(le, 'le_expected_wide_ci_two_areas.csv')),
      ['value', 'lower95_0cl', 'upper95_0cl'],
      'wide CIs at 4 dp',
    );
    assert.deepEqual(wide.warnings, warned(WARNING.deathsOverPopulation, WARNING.wide));

    assertMatchesR(
      warnings,
      readCsv(join(base, 'r_computed', 'le_grouped_with_warnings_conf95.csv')),
      'warnings',
    );
    assert.equal(warnings.rows.length, 119);
    assert.deepEqual(
      warnings.warnings,
      warned(
        WARNING.negativeDeaths,
        WARNING.population,
        WARNING.bands,
        WARNING.deathsOverPopulation,
        WARNING.small,
      ),
    );
  });

  test('ungrouped suppression: R`s early return keeps every column and gives only value and limits', async (t) => {
    const base = sharedPath(t, 'validation', 'phe-indicator-methods', 'life_expectancy');
    if (!base) return;
    const all = readCsv(join(base, 'le_edge_cases_ungrouped.csv'));
    const cases = [...new Set(all.map((r) => r['case']!))];
    assert.equal(cases.length, 5);
    const runs = await Promise.all(
      cases.map((name) => {
        const rows = all.filter((r) => r['case'] === name);
        const input = writeRecords(join(dir, `${name}.csv`), rows, ['age', 'pop', 'deaths']);
        const contents =
          name === 'missing_age_band_19_rows' ? ['--age-contents', rows.map((r) => r['age']).join(',')] : [];
        return runCalc(dir, [
          'life-expectancy',
          '--input',
          input,
          '--startage',
          'age',
          '--population',
          'pop',
          '--confidence',
          '0.95,0.998',
          '--le-age',
          '5',
          ...contents,
        ]);
      }),
    );
    runs.forEach((run, c) => {
      const rows = all.filter((r) => r['case'] === cases[c]);
      assert.deepEqual(run.header, ['age', 'pop', 'deaths', 'value', 'lowercl', 'uppercl'], cases[c]);
      assert.equal(run.rows.length, rows.length, cases[c]);
      for (const row of run.rows)
        for (const col of ['value', 'lowercl', 'uppercl']) assert.equal(row[col], '');
      assert.equal(run.warnings.length, 1, cases[c]);
      const message = run.warnings[0]!.replace('healthhub: warning: ', '');
      assert.ok(rows[0]!['expected']!.includes(`warning: ${message}`), `${cases[c]}: ${message}`);
    });
  });

  test('bad input exits 2 with one line naming the line, and writes no output', async () => {
    const ages = [0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90];
    const rows = ages.map((a) => [String(a), '1000', '10']);
    const header = ['startage', 'population', 'deaths'];
    const good = writeCsv(join(dir, 'good.csv'), header, rows);
    const stray = writeCsv(join(dir, 'stray.csv'), header, [
      ...rows.slice(0, 6),
      ['7', '1000', '10'],
      ...rows.slice(6),
    ]);
    const missing = writeCsv(join(dir, 'missing.csv'), header, rows.slice(1));
    const text = writeCsv(join(dir, 'text.csv'), header, [
      ...rows.slice(0, 3),
      ['10', 'many', '1'],
      ...rows.slice(4),
    ]);
    await Promise.all([
      assertBadInput(
        dir,
        ['life-expectancy', '--input', stray],
        /line 8: the contents in the startage field do not match .*'7'/,
      ),
      assertBadInput(
        dir,
        ['life-expectancy', '--input', missing],
        /the contents in the startage field do not match .*age band 0\)/,
      ),
      assertBadInput(
        dir,
        ['life-expectancy', '--input', text],
        /line 5: column 'population': 'many' is not a number/,
      ),
      assertBadInput(
        dir,
        ['life-expectancy', '--input', good, '--deaths', 'dths'],
        /line 1: column 'dths' \(--deaths\)/,
      ),
      assertBadInput(
        dir,
        ['life-expectancy', '--input', good, '--confidence', '0.95,95'],
        /--confidence: all confidence levels/,
      ),
      assertBadInput(
        dir,
        ['life-expectancy', '--input', good, '--age-contents', '1,0'],
        /first age band in age_contents must be 0/,
      ),
      assertBadInput(
        dir,
        ['life-expectancy', '--input', good, '--type', 'value'],
        /--type must be full or standard/,
      ),
    ]);
  });
});
