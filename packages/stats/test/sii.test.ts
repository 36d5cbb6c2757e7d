import assert from 'node:assert/strict';
import { type TestContext, test } from 'node:test';
import fc from 'fast-check';
import { sharedPath } from '../../../test/support/shared-data.js';
import { type SiiInput, type SiiOptions, type SiiResult, StatsInputError, sii } from '../src/index.js';
import { rAsCharacter } from '../src/r-as-character.js';
import { rRound } from '../src/r-round.js';
import { assertClose } from './support/assert-close.js';
import { type CsvRecord, num, readCsv } from './support/read-csv.js';

// ---------------------------------------------------------------------------------------------------------
// Reference data: sii/phe_sii_reference.csv (PHEindicatormethods' SII_test_grouped), cases of testSII.R.
// ---------------------------------------------------------------------------------------------------------

/** Rows from..to (1-based, inclusive) split into groups by Area, Grouping1, Grouping2 in order of appearance. */
function groups(rows: CsvRecord[], from: number, to: number): CsvRecord[][] {
  const byKey = new Map<string, CsvRecord[]>();
  for (const r of rows.slice(from - 1, to)) {
    const key = `${r['Area']}|${r['Grouping1']}|${r['Grouping2']}`;
    const list = byKey.get(key) ?? [];
    list.push(r);
    byKey.set(key, list);
  }
  return [...byKey.values()];
}

type Fields = 'value+se' | 'value+cl' | 'x+cl' | 'x+se' | 'se' | 'cl';

function toInput(g: CsvRecord[], fields: Fields): SiiInput {
  const col = (name: string): number[] => g.map((r) => num(r[name]));
  return {
    quantile: col('Quantile'),
    population: col('Population'),
    ...(fields.startsWith('value') ? { value: col('Value') } : {}),
    ...(fields.startsWith('x') ? { x: col('Count') } : {}),
    ...(fields.endsWith('se') ? { se: col('StandardError') } : {}),
    ...(fields.endsWith('cl') ? { lowerCl: col('LowerCL'), upperCl: col('UpperCL') } : {}),
  };
}

/** waldo / all.equal: mean(|x - y|) / mean(|y|) over the elements that differ. */
function meanRelativeDifference(actual: number[], expected: number[]): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i] as number;
    const e = expected[i] as number;
    if (a === e) continue;
    diff += Math.abs(a - e);
    scale += Math.abs(e);
  }
  return scale === 0 ? diff : diff / scale;
}

const CI1 = ['sii', 'rii', 'sii_lowercl_1', 'sii_uppercl_1', 'rii_lowercl_1', 'rii_uppercl_1'];
const CI1_INT = [...CI1, 'Intercept'];
const SII_ONLY = ['sii', 'sii_lowercl_1', 'sii_uppercl_1'];
const POINT_COLUMNS = new Set(['sii', 'rii', 'Intercept']);

interface ReferenceCase {
  name: string;
  rows: [number, number];
  fields: Fields;
  options: SiiOptions;
  /** 1-based rows holding the expected values, one per group. */
  expectedRows: number[];
  /** Expected columns, in the order R returns the corresponding results. */
  columns: string[];
}

const CASES: ReferenceCase[] = [
  {
    name: 'default, se',
    rows: [1, 20],
    fields: 'value+se',
    options: { rii: true },
    expectedRows: [1, 11],
    columns: CI1,
  },
  {
    name: 'default, CLs',
    rows: [1, 20],
    fields: 'value+cl',
    options: { rii: true },
    expectedRows: [1, 11],
    columns: CI1,
  },
  {
    name: 'default, CLs, intercept',
    rows: [1, 20],
    fields: 'value+cl',
    options: { rii: true, intercept: true },
    expectedRows: [246, 256],
    columns: CI1_INT,
  },
  {
    name: 'ungrouped',
    rows: [1, 10],
    fields: 'value+cl',
    options: { rii: true },
    expectedRows: [1],
    columns: CI1,
  },
  {
    name: '99% confidence as a fraction, CLs',
    rows: [21, 40],
    fields: 'value+cl',
    options: { rii: true, confidence: 0.99 },
    expectedRows: [21, 31],
    columns: CI1,
  },
  {
    name: '99% confidence as a percentage, se',
    rows: [21, 40],
    fields: 'value+se',
    options: { rii: true, confidence: 99 },
    expectedRows: [21, 31],
    columns: CI1,
  },
  {
    name: 'two confidence levels c(95, 99)',
    rows: [226, 245],
    fields: 'value+se',
    options: { rii: true, confidence: [95, 99] },
    expectedRows: [226, 236],
    columns: [
      'sii',
      'rii',
      'sii_lowercl_1',
      'sii_uppercl_1',
      'sii_lowercl_2',
      'sii_uppercl_2',
      'rii_lowercl_1',
      'rii_uppercl_1',
      'rii_lowercl_2',
      'rii_uppercl_2',
    ],
  },
  {
    name: '100,000 repetitions',
    rows: [41, 60],
    fields: 'value+se',
    options: { rii: true, repetitions: 100000 },
    expectedRows: [41, 51],
    columns: CI1,
  },
  {
    name: 'quintiles (SII only)',
    rows: [61, 70],
    fields: 'value+se',
    options: { rii: true },
    expectedRows: [61, 66],
    columns: ['sii'],
  },
  {
    name: 'rate, se',
    rows: [71, 90],
    fields: 'value+se',
    options: { valueType: 1, rii: true },
    expectedRows: [71, 81],
    columns: CI1,
  },
  {
    name: 'rate, CLs',
    rows: [71, 90],
    fields: 'value+cl',
    options: { valueType: 1, rii: true },
    expectedRows: [71, 81],
    columns: CI1,
  },
  {
    name: 'rate, CLs, intercept',
    rows: [71, 90],
    fields: 'value+cl',
    options: { valueType: 1, rii: true, intercept: true },
    expectedRows: [266, 276],
    columns: CI1_INT,
  },
  {
    name: 'rate, log transform, intercept',
    rows: [306, 325],
    fields: 'value+cl',
    options: { valueType: 1, rii: true, intercept: true, transform: true },
    expectedRows: [306, 316],
    columns: CI1_INT,
  },
  {
    name: 'rate, log transform, multiplier -1',
    rows: [386, 405],
    fields: 'value+cl',
    options: { valueType: 1, rii: true, intercept: true, transform: true, multiplier: -1 },
    expectedRows: [386, 396],
    columns: CI1_INT,
  },
  {
    name: 'rate, log transform, 98%',
    rows: [406, 425],
    fields: 'value+cl',
    options: { valueType: 1, rii: true, intercept: true, transform: true, confidence: 98 },
    expectedRows: [406, 416],
    columns: CI1_INT,
  },
  {
    name: 'rate, log transform, c(95, 98)',
    rows: [366, 385],
    fields: 'value+cl',
    options: { valueType: 1, rii: true, intercept: true, transform: true, confidence: [95, 98] },
    expectedRows: [366, 376],
    columns: [...CI1, 'sii_lowercl_2', 'sii_uppercl_2', 'rii_lowercl_2', 'rii_uppercl_2', 'Intercept'],
  },
  {
    name: 'rate, log transform, no RII',
    rows: [426, 445],
    fields: 'value+cl',
    options: { valueType: 1, transform: true },
    expectedRows: [426, 436],
    columns: SII_ONLY,
  },
  {
    name: 'proportion, se',
    rows: [91, 110],
    fields: 'value+se',
    options: { valueType: 2, rii: true },
    expectedRows: [91, 101],
    columns: CI1,
  },
  {
    name: 'proportion, CLs',
    rows: [91, 110],
    fields: 'value+cl',
    options: { valueType: 2, rii: true },
    expectedRows: [91, 101],
    columns: CI1,
  },
  {
    name: 'proportion, count x and CLs',
    rows: [91, 110],
    fields: 'x+cl',
    options: { valueType: 2, rii: true },
    expectedRows: [91, 101],
    columns: CI1,
  },
  {
    name: 'proportion data as value_type 1, CLs, intercept (as in testSII.R)',
    rows: [91, 110],
    fields: 'value+cl',
    options: { valueType: 1, rii: true, intercept: true },
    expectedRows: [286, 296],
    columns: CI1_INT,
  },
  {
    name: 'proportion, multiplier 100',
    rows: [111, 130],
    fields: 'value+cl',
    options: { valueType: 2, rii: true, multiplier: 100 },
    expectedRows: [111, 121],
    columns: CI1,
  },
  {
    name: 'proportion, multiplier 100, no RII',
    rows: [111, 130],
    fields: 'value+cl',
    options: { valueType: 2, multiplier: 100 },
    expectedRows: [111, 121],
    columns: SII_ONLY,
  },
  {
    name: 'proportion, multiplier -100',
    rows: [131, 150],
    fields: 'value+cl',
    options: { valueType: 2, rii: true, multiplier: -100 },
    expectedRows: [131, 141],
    columns: CI1,
  },
  {
    name: 'proportion, multiplier -100, no RII',
    rows: [131, 150],
    fields: 'value+cl',
    options: { valueType: 2, multiplier: -100 },
    expectedRows: [131, 141],
    columns: SII_ONLY,
  },
  {
    name: 'proportion, logit transform, intercept',
    rows: [326, 345],
    fields: 'value+cl',
    options: { valueType: 2, rii: true, intercept: true, transform: true },
    expectedRows: [326, 336],
    columns: CI1_INT,
  },
  {
    name: 'proportion, logit transform, multiplier -1',
    rows: [346, 365],
    fields: 'value+cl',
    options: { valueType: 2, rii: true, intercept: true, transform: true, multiplier: -1 },
    expectedRows: [346, 356],
    columns: CI1_INT,
  },
  {
    name: 'proportion, logit transform, 98%',
    rows: [466, 485],
    fields: 'value+cl',
    options: { valueType: 2, rii: true, intercept: true, transform: true, confidence: 98 },
    expectedRows: [466, 476],
    columns: CI1_INT,
  },
  {
    name: 'proportion, logit transform, c(95, 98)',
    rows: [486, 505],
    fields: 'value+cl',
    options: { valueType: 2, rii: true, intercept: true, transform: true, confidence: [95, 98] },
    expectedRows: [486, 496],
    columns: [...CI1, 'sii_lowercl_2', 'sii_uppercl_2', 'rii_lowercl_2', 'rii_uppercl_2', 'Intercept'],
  },
  {
    name: 'proportion, logit transform, no RII',
    rows: [446, 465],
    fields: 'value+cl',
    options: { valueType: 2, transform: true },
    expectedRows: [446, 456],
    columns: SII_ONLY,
  },
];

function referenceRows(t: TestContext): CsvRecord[] | null {
  const file = sharedPath(t, 'validation', 'phe-indicator-methods', 'sii', 'phe_sii_reference.csv');
  return file ? readCsv(file) : null;
}

for (const [index, c] of CASES.entries()) {
  test(`phe_sii reference: ${c.name}`, (t) => {
    const rows = referenceRows(t);
    if (!rows) return;
    const gs = groups(rows, c.rows[0], c.rows[1]);
    assert.equal(gs.length, c.expectedRows.length);
    const results = gs.map((g, k) => {
      const result = sii(toInput(g, c.fields), {
        repetitions: 10000,
        type: 'standard',
        seed: 1000 * index + k,
        ...c.options,
      });
      assert.ok(result);
      return Object.values(result) as number[];
    });
    c.columns.forEach((column, j) => {
      const actual = results.map((r) => r[j] as number);
      const expected = c.expectedRows.map((row) => num((rows[row - 1] as CsvRecord)[column]));
      if (POINT_COLUMNS.has(column)) {
        // Least squares, no simulation: deterministic.
        actual.forEach((a, i) => {
          assertClose(a, expected[i] as number, 1e-12, `${c.name} ${column}`);
        });
      } else {
        const mrd = meanRelativeDifference(actual, expected);
        assert.ok(mrd <= 0.05, `${c.name} ${column}: mean relative difference ${mrd}`);
      }
    });
  });
}

function referenceGroup(rows: CsvRecord[], from: number, to: number, fields: Fields): SiiInput {
  return toInput(rows.slice(from - 1, to), fields);
}

function assertStatsError(fn: () => unknown, code: string, message: string): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof StatsInputError, `expected StatsInputError, got ${String(e)}`);
    assert.equal(e.code, code);
    assert.ok(e.message.includes(message), `message "${e.message}" lacks "${message}"`);
    return true;
  });
}

test('phe_sii reference: the same seed gives identical results (R: set.seed(5) twice)', (t) => {
  const rows = referenceRows(t);
  if (!rows) return;
  const run = (seed: number): (SiiResult | null)[] =>
    groups(rows, 1, 20).map((g) =>
      sii(toInput(g, 'value+se'), { repetitions: 1000, rii: true, type: 'standard', seed }),
    );
  assert.deepEqual(run(5), run(5));
  assert.notDeepEqual(run(5), run(6));
});

test('phe_sii reference: argument errors of testSII.R', (t) => {
  const rows = referenceRows(t);
  if (!rows) return;
  const g = referenceGroup(rows, 1, 10, 'value+se');
  const full = { ...g, x: rows.slice(0, 10).map((r) => num(r['Count'])) };
  const bad =
    (input: unknown, options: unknown = {}) =>
    () =>
      sii(input as SiiInput, { repetitions: 1000, ...(options as SiiOptions) });
  const requires = 'function phe_sii requires the arguments: data, quantile, population';
  assertStatsError(bad({ quantile: g.quantile, x: full.x, se: g.se }), 'MISSING_ARGUMENT', requires);
  assertStatsError(bad({ population: g.population, x: full.x, se: g.se }), 'MISSING_ARGUMENT', requires);
  const needsValue =
    'function phe_sii requires value field, or x field if indicator is a proportion of population';
  for (const valueType of [0, 1, 2]) {
    assertStatsError(
      bad({ quantile: g.quantile, population: g.population, se: g.se }, { valueType }),
      'MISSING_VALUE_FIELD',
      needsValue,
    );
  }
  assertStatsError(
    bad({ quantile: g.quantile, population: g.population, value: g.value, lowerCl: g.se }),
    'MISSING_SE_OR_LIMITS',
    'function phe_sii requires either lower_cl and upper_cl fields, or se field',
  );
  assertStatsError(
    bad(g, { valueType: 'rate', repetitions: 0 }),
    'INVALID_VALUE_TYPE',
    'value_type should be 0, 1 or 2',
  );
  assertStatsError(bad(g, { valueType: 3 }), 'INVALID_VALUE_TYPE', 'value_type should be 0, 1 or 2');
  const numeric = 'multiplier, repetitions and confidence inputs should be numeric';
  assertStatsError(bad(g, { multiplier: 'none' }), 'NON_NUMERIC_ARGUMENT', numeric);
  assertStatsError(bad(g, { repetitions: 'none' }), 'NON_NUMERIC_ARGUMENT', numeric);
  assertStatsError(bad(g, { confidence: '95' }), 'NON_NUMERIC_ARGUMENT', numeric);
  assertStatsError(
    bad(g, { repetitions: 0 }),
    'TOO_FEW_REPETITIONS',
    'number of repetitions must be 1000 or greater. Default is 100,000',
  );
  const range = 'all confidence levels must be between 90 and 100 or between 0.9 and 1';
  for (const confidence of [0.35, 40, 135, [0.95, 95], [95, 101]]) {
    assertStatsError(bad(g, { confidence }), 'CONFIDENCE_OUT_OF_RANGE', range);
  }
  const cl = referenceGroup(rows, 1, 10, 'value+cl');
  assertStatsError(
    bad(cl, { transform: true, valueType: 0 }),
    'TRANSFORM_NEEDS_RATE_OR_PROPORTION',
    'value_type should be 1 or 2 when transform is true',
  );
  assertStatsError(
    bad(g, { transform: true, valueType: 1 }),
    'TRANSFORM_WITH_SE',
    'se to be missing when transform is true',
  );
});

test('phe_sii reference: data errors of testSII.R (rows 151-200)', (t) => {
  const rows = referenceRows(t);
  if (!rows) return;
  const run =
    (input: SiiInput, options: SiiOptions = {}) =>
    () =>
      sii(input, { repetitions: 1000, ...options });
  // Population taken from the text column Grouping1.
  const nonNumeric = {
    ...referenceGroup(rows, 151, 160, 'value+se'),
    population: rows.slice(150, 160).map((r) => r['Grouping1']) as unknown as number[],
  };
  assertStatsError(run(nonNumeric), 'NON_NUMERIC_INPUT', 'some input fields in data.frame are non-numeric');
  assertStatsError(
    run(referenceGroup(rows, 151, 160, 'value+se')),
    'INVALID_POPULATION',
    'some groups have a zero, negative or missing population',
  );
  assertStatsError(
    run(referenceGroup(rows, 161, 165, 'value+se')),
    'INVALID_STANDARD_ERROR',
    'negative or missing standard errors in input dataset',
  );
  assertStatsError(
    run(referenceGroup(rows, 191, 200, 'value+se')),
    'INVALID_STANDARD_ERROR',
    'negative or missing standard errors in input dataset',
  );
  assertStatsError(
    run(referenceGroup(rows, 166, 170, 'x+se'), { valueType: 2 }),
    'INVALID_COUNT',
    'some groups have a zero or negative count x',
  );
  assertStatsError(
    run(referenceGroup(rows, 1, 10, 'value+se'), { valueType: 2 }),
    'INVALID_PROPORTION',
    'value proportions are not all between 0 and 1',
  );
  for (const [from, to] of [
    [171, 175],
    [176, 180],
  ] as const) {
    assertStatsError(
      run(referenceGroup(rows, from, to, 'value+cl'), { valueType: 2 }),
      'INVALID_PROPORTION_LIMITS',
      'confidence limit proportions are not all between 0 and 1',
    );
  }
  assertStatsError(
    run(referenceGroup(rows, 1, 3, 'value+cl')),
    'WRONG_NUMBER_OF_QUANTILES',
    'Number of quantiles must be between 5 and 100',
  );
  assertStatsError(
    run(referenceGroup(rows, 191, 200, 'value+cl')),
    'MISSING_CONFIDENCE_LIMITS',
    'missing lower or upper confidence limits in input dataset',
  );
});

test('phe_sii reference: rows 181-190 (no values) and 201-210 (a missing population) fail', (t) => {
  const rows = referenceRows(t);
  if (!rows) return;
  // R has no check for missing values; its lm() stops. Here the first row is reported.
  assert.throws(
    () => sii(referenceGroup(rows, 181, 190, 'value+cl'), { repetitions: 1000 }),
    (e: unknown) => e instanceof StatsInputError && e.code === 'MISSING_VALUE' && e.row === 0,
  );
  assert.throws(
    () => sii(referenceGroup(rows, 201, 210, 'value+cl'), { repetitions: 1000 }),
    (e: unknown) =>
      e instanceof StatsInputError &&
      e.code === 'INVALID_POPULATION' &&
      e.row === 4 &&
      e.message === 'some groups have a zero, negative or missing population',
  );
});

test('phe_sii reference: warnings (a group missing a quantile; more than 10 quantiles)', (t) => {
  const rows = referenceRows(t);
  if (!rows) return;
  // Rows 1-15 and 17-20: area2 lacks quantile 6; R drops it and warns.
  const subset = [...rows.slice(0, 15), ...rows.slice(16, 20)];
  const warnings: string[] = [];
  const results = groups(subset, 1, subset.length).map((g) =>
    sii(toInput(g, 'value+cl'), {
      repetitions: 1000,
      type: 'standard',
      quantileCount: 10,
      seed: 1,
      onWarning: (m) => warnings.push(m),
    }),
  );
  assert.ok(results[0]);
  assert.equal(results[1], null);
  assert.deepEqual(warnings, ['WARNING: some records have been removed due to incomplete or invalid data']);

  const many: string[] = [];
  const result = sii(referenceGroup(rows, 211, 225, 'value+cl'), {
    repetitions: 1000,
    type: 'standard',
    seed: 1,
    onWarning: (m) => many.push(m),
  });
  assert.ok(result && Number.isFinite(result.sii));
  assert.deepEqual(many, [
    'WARNING: Small values can make SII unstable when using a large number of quantiles',
  ]);
});

test('phe_sii reference: output columns with and without RII, reliability stats and type "full"', (t) => {
  const rows = referenceRows(t);
  if (!rows) return;
  const input = referenceGroup(rows, 1, 10, 'value+cl');
  const keys = (options: SiiOptions): string[] =>
    Object.keys(sii(input, { repetitions: 1000, seed: 3, ...options }) as SiiResult);
  // testSII.R checks dim() including the three grouping columns: 7, 6, 7, 6, 12, 11, 11, 9, 11, 9, 16, 14.
  for (const multiplier of [1, -1]) {
    assert.deepEqual(keys({ multiplier, reliabilityStat: true, type: 'standard' }), [
      'sii',
      'sii_lower95_0cl',
      'sii_upper95_0cl',
      'sii_mad95_0',
    ]);
    assert.equal(keys({ multiplier, type: 'standard' }).length, 3);
    assert.deepEqual(keys({ multiplier, rii: true, reliabilityStat: true, type: 'standard' }), [
      'sii',
      'rii',
      'sii_lower95_0cl',
      'sii_upper95_0cl',
      'rii_lower95_0cl',
      'rii_upper95_0cl',
      'sii_mad95_0',
      'rii_mad95_0',
    ]);
    assert.equal(keys({ multiplier, rii: true, type: 'standard' }).length, 6);
  }
  assert.equal(keys({ reliabilityStat: true }).length, 9);
  assert.deepEqual(keys({}), [
    'sii',
    'sii_lower95_0cl',
    'sii_upper95_0cl',
    'indicator_type',
    'multiplier',
    'transform',
    'CI_confidence',
    'CI_method',
  ]);
  assert.equal(keys({ rii: true, reliabilityStat: true }).length, 13);
  assert.equal(keys({ rii: true }).length, 11);
});

// ---------------------------------------------------------------------------------------------------------
// Unit tests with hand-checkable values
// ---------------------------------------------------------------------------------------------------------

/** Five equal quintiles: relative ranks 0.1, 0.3, 0.5, 0.7, 0.9. */
const RANKS = [0.1, 0.3, 0.5, 0.7, 0.9];

test('values exactly on a line with zero standard errors give that line', () => {
  const value = RANKS.map((b) => 10 + 5 * b);
  const result = sii(
    { quantile: [1, 2, 3, 4, 5], population: [7, 7, 7, 7, 7], value, se: [0, 0, 0, 0, 0] },
    { repetitions: 1000, rii: true, intercept: true, confidence: [0.95, 0.998], seed: 1 },
  ) as SiiResult;
  assertClose(result.sii, 5, 1e-13, 'sii');
  assertClose(result['rii'] as number, 1.5, 1e-13, 'rii');
  assertClose(result['intercept'] as number, 10, 1e-13, 'intercept');
  for (const key of ['sii_lower95_0cl', 'sii_upper95_0cl', 'sii_lower99_8cl', 'sii_upper99_8cl']) {
    assertClose(result[key] as number, 5, 1e-12, key);
  }
  for (const key of ['rii_lower95_0cl', 'rii_upper95_0cl', 'rii_lower99_8cl', 'rii_upper99_8cl']) {
    assertClose(result[key] as number, 1.5, 1e-12, key);
  }
  assert.deepEqual(Object.keys(result), [
    'sii',
    'rii',
    'sii_lower95_0cl',
    'sii_upper95_0cl',
    'sii_lower99_8cl',
    'sii_upper99_8cl',
    'rii_lower95_0cl',
    'rii_upper95_0cl',
    'rii_lower99_8cl',
    'rii_upper99_8cl',
    'intercept',
    'indicator_type',
    'multiplier',
    'transform',
    'CI_confidence',
    'CI_method',
  ]);
  assert.equal(result['indicator_type'], 'normal');
  assert.equal(result['transform'], 'none');
  assert.equal(result['CI_confidence'], '95%, 99.8%');
  assert.equal(result['CI_method'], 'simulation 1000 reps');
});

test('ranks follow population shares: unequal quantiles', () => {
  // Shares 0.1, 0.2, 0.3, 0.4: ranks 0.05, 0.2, 0.45, 0.8 (+ a fifth, tiny quantile at 1.0 - 0.000005).
  const population = [100000, 200000, 300000, 399990, 10];
  let cum = 0;
  const ranks = population.map((p) => {
    const share = p / 1000000;
    const b = cum + share / 2;
    cum += share;
    return b;
  });
  const value = ranks.map((b) => 3 - 2 * b);
  const result = sii(
    { quantile: [1, 2, 3, 4, 5], population, value, se: [0, 0, 0, 0, 0] },
    { repetitions: 1000, rii: true, multiplier: -1, seed: 1, type: 'standard' },
  ) as SiiResult;
  assertClose(result.sii, 2, 1e-12, 'sii with multiplier -1');
  assertClose(result['rii'] as number, 3, 1e-12, 'inverted rii: 1 / ((3 - 2) / 3)');
});

test('log transform: SII and RII on the back-transformed fitted line', () => {
  const alpha = Math.log(20);
  const beta = -0.5;
  const value = RANKS.map((b) => Math.exp(alpha + beta * b));
  const result = sii(
    { quantile: [1, 2, 3, 4, 5], population: [5, 5, 5, 5, 5], value, lowerCl: value, upperCl: value },
    {
      valueType: 1,
      transform: true,
      rii: true,
      intercept: true,
      multiplier: 1000,
      repetitions: 1000,
      seed: 2,
      confidence: 0.95,
    },
  ) as SiiResult;
  const expectedSii = (Math.exp(alpha + beta) - Math.exp(alpha)) * 1000;
  assertClose(result.sii, expectedSii, 1e-12, 'sii');
  assertClose(result['rii'] as number, Math.exp(beta), 1e-12, 'rii');
  assertClose(result['intercept'] as number, 20 * 1000, 1e-12, 'intercept');
  // R's own names on the transform path carry no "cl" suffix.
  assertClose(result['sii_lower95_0'] as number, expectedSii, 1e-12, 'lower');
  assertClose(result['sii_upper95_0'] as number, expectedSii, 1e-12, 'upper');
  assertClose(result['rii_lower95_0'] as number, Math.exp(beta), 1e-12, 'rii lower');
  assert.equal(result['transform'], 'log');
  assert.equal(result['indicator_type'], 'rate');
});

test('logit transform with a negative multiplier swaps and negates the limits', () => {
  const logit = (p: number) => Math.log(p / (1 - p));
  const expit = (t: number) => Math.exp(t) / (1 + Math.exp(t));
  const value = RANKS.map((b) => expit(logit(0.3) + 1.2 * b));
  const lowerCl = value.map((v) => expit(logit(v) - 0.1));
  const upperCl = value.map((v) => expit(logit(v) + 0.1));
  const input = { quantile: [1, 2, 3, 4, 5], population: [9, 9, 9, 9, 9], value, lowerCl, upperCl };
  const common = { valueType: 2 as const, transform: true, rii: true, repetitions: 5000, seed: 9 };
  const plus = sii(input, { ...common, multiplier: 1 }) as SiiResult;
  const minus = sii(input, { ...common, multiplier: -1 }) as SiiResult;
  assertClose(plus.sii, expit(logit(0.3) + 1.2) - 0.3, 1e-12, 'sii');
  assertClose(minus.sii, -plus.sii, 1e-15, 'negated sii');
  assertClose(minus['sii_lower95_0'] as number, -(plus['sii_upper95_0'] as number), 1e-15, 'lower');
  assertClose(minus['sii_upper95_0'] as number, -(plus['sii_lower95_0'] as number), 1e-15, 'upper');
  assertClose(minus['rii'] as number, 1 / (plus['rii'] as number), 1e-15, 'rii');
  assertClose(minus['rii_lower95_0'] as number, 1 / (plus['rii_upper95_0'] as number), 1e-15, 'rii lower');
  assert.equal(plus['transform'], 'logit');
});

test('rows may come in any order; text quantiles sort by code point, as dplyr::arrange does', () => {
  const population = [120, 80, 100, 90, 110];
  const value = [70, 72, 75, 77, 80];
  const se = [1, 1.5, 1, 2, 1];
  const ordered = sii(
    { quantile: [1, 2, 3, 4, 5], population, value, se },
    { repetitions: 2000, rii: true, seed: 4 },
  );
  const perm = [3, 0, 4, 2, 1];
  const shuffled = sii(
    {
      quantile: perm.map((i) => i + 1),
      population: perm.map((i) => population[i] as number),
      value: perm.map((i) => value[i] as number),
      se: perm.map((i) => se[i] as number),
    },
    { repetitions: 2000, rii: true, seed: 4 },
  );
  assert.deepEqual(shuffled, ordered);
  const text = sii(
    { quantile: ['a', 'b', 'c', 'd', 'e'], population, value, se },
    { repetitions: 2000, rii: true, seed: 4 },
  );
  assert.deepEqual(text, ordered);
});

test('se given directly is used rather than the limits; both are checked', () => {
  const base = { quantile: [1, 2, 3, 4, 5], population: [5, 6, 7, 8, 9], value: [1, 2, 3, 4, 5] };
  const se = [0.1, 0.2, 0.1, 0.2, 0.1];
  const withSe = sii({ ...base, se }, { repetitions: 1000, seed: 8 });
  const withBoth = sii(
    { ...base, se, lowerCl: [0, 0, 0, 0, 0], upperCl: [9, 9, 9, 9, 9] },
    { repetitions: 1000, seed: 8 },
  );
  assert.deepEqual(withBoth, withSe);
  assertStatsError(
    () =>
      sii(
        { ...base, se, lowerCl: [0, 0, Number.NaN, 0, 0], upperCl: [9, 9, 9, 9, 9] },
        { repetitions: 1000 },
      ),
    'MISSING_CONFIDENCE_LIMITS',
    'missing lower or upper confidence limits in input dataset',
  );
});

test('edge cases: duplicates, lengths, limits the wrong way round, too few repetitions for the level', () => {
  const base = { population: [5, 6, 7, 8, 9], value: [1, 2, 3, 4, 5], se: [1, 1, 1, 1, 1] };
  assertStatsError(
    () => sii({ ...base, quantile: [1, 2, 2, 4, 5] }, { repetitions: 1000, quantileCount: 4 }),
    'WRONG_NUMBER_OF_QUANTILES',
    'Number of quantiles must be between 5 and 100',
  );
  // Four distinct quantiles where the data have five: R drops the group.
  const warnings: string[] = [];
  assert.equal(
    sii(
      { ...base, quantile: [1, 2, 2, 4, 5] },
      { repetitions: 1000, quantileCount: 5, onWarning: (m) => warnings.push(m) },
    ),
    null,
  );
  assert.deepEqual(warnings, ['WARNING: some records have been removed due to incomplete or invalid data']);
  assertStatsError(
    () =>
      sii(
        {
          quantile: [1, 2, 3, 4, 5, 5],
          population: [5, 6, 7, 8, 9, 9],
          value: [1, 2, 3, 4, 5, 5],
          se: [1, 1, 1, 1, 1, 1],
        },
        { repetitions: 1000 },
      ),
    'DUPLICATE_QUANTILE',
    'each quantile must appear only once',
  );
  assertStatsError(
    () => sii({ ...base, quantile: [1, 2, 3, 4] }, { repetitions: 1000 }),
    'LENGTH_MISMATCH',
    'quantile has 4 elements',
  );
  assertStatsError(
    () =>
      sii(
        {
          quantile: [1, 2, 3, 4, 5],
          population: base.population,
          value: base.value,
          lowerCl: [2, 2, 2, 2, 2],
          upperCl: [1, 1, 1, 1, 1],
        },
        { repetitions: 1000 },
      ),
    'INVALID_CONFIDENCE_LIMITS',
    'negative or non-finite standard error',
  );
  assertStatsError(
    () => sii({ ...base, quantile: [1, 2, 3, 4, 5] }, { repetitions: 1000, confidence: 0.9995 }),
    'TOO_FEW_REPETITIONS_FOR_CONFIDENCE',
    'too few',
  );
  assertStatsError(
    () => sii({ ...base, quantile: [1, 2, 3, 4, 5] }, { repetitions: 1000.5 }),
    'INVALID_REPETITIONS',
    'whole number',
  );
  assertStatsError(
    () => sii({ ...base, quantile: [1, 2, 3, 4, 5] }, { repetitions: 1000, transform: true, valueType: 1 }),
    'TRANSFORM_WITH_SE',
    'se to be missing when transform is true',
  );
  assertStatsError(
    () =>
      sii(
        { quantile: [1, 2, 3, 4, 5], population: base.population, value: base.value, lowerCl: base.value },
        { repetitions: 1000 },
      ),
    'MISSING_SE_OR_LIMITS',
    'requires either lower_cl and upper_cl fields, or se field',
  );
  // A rate of 0 cannot be log-transformed for the fit.
  assertStatsError(
    () =>
      sii(
        {
          quantile: [1, 2, 3, 4, 5],
          population: base.population,
          value: [0, 2, 3, 4, 5],
          lowerCl: [0, 1, 2, 3, 4],
          upperCl: [1, 3, 4, 5, 6],
        },
        { repetitions: 1000, valueType: 1, transform: true },
      ),
    'INVALID_CONFIDENCE_LIMITS',
    'non-finite',
  );
});

test('a proportion of 0 with a given se works without transform, as in R (exp(-Inf) = 0)', () => {
  const result = sii(
    {
      quantile: [1, 2, 3, 4, 5],
      population: [5, 5, 5, 5, 5],
      value: [0, 0.1, 0.2, 0.3, 0.4],
      se: [0.1, 0.1, 0.1, 0.1, 0.1],
    },
    { valueType: 2, repetitions: 1000, seed: 1, type: 'standard' },
  ) as SiiResult;
  assert.ok(Number.isFinite(result.sii) && Number.isFinite(result['sii_lower95_0cl'] as number));
  assertClose(result.sii, 0.5, 1e-12, 'points on 0.5 * (b - 0.1)');
});

test('reliability statistic: mean absolute difference of ten simulations from the first', () => {
  const input = {
    quantile: [1, 2, 3, 4, 5],
    population: [5, 6, 7, 8, 9],
    value: [10, 12, 11, 15, 16],
    se: [1, 1, 1, 1, 1],
  };
  const result = sii(input, {
    repetitions: 1000,
    rii: true,
    reliabilityStat: true,
    confidence: [0.95, 0.998],
    seed: 11,
    type: 'standard',
  }) as SiiResult;
  for (const key of ['sii_mad95_0', 'rii_mad95_0', 'sii_mad99_8', 'rii_mad99_8']) {
    const v = result[key] as number;
    assert.ok(v > 0 && v < 1, `${key} = ${v}`);
  }
  // The more extreme level is estimated from fewer draws, so it varies more between simulations.
  assert.ok((result['sii_mad99_8'] as number) > (result['sii_mad95_0'] as number));
  assert.deepEqual(Object.keys(result).slice(-4), [
    'sii_mad95_0',
    'rii_mad95_0',
    'sii_mad99_8',
    'rii_mad99_8',
  ]);
});

test('R number helpers: round half to even, as.character widths', () => {
  assert.deepEqual([0.5, 1.5, 2.5, 3.5, -0.5, -1.5, 2.4999, 2.5001].map(rRound), [0, 2, 2, 4, 0, -2, 2, 3]);
  assert.equal(rRound(250.00000000000003), 250);
  const cases: [number, string][] = [
    [1e5, '1e+05'],
    [100000, '1e+05'],
    [123456, '123456'],
    [10000, '10000'],
    [1e15, '1e+15'],
    [200000, '2e+05'],
    [210000, '210000'],
    [0.1, '0.1'],
    [0.0001, '1e-04'],
    [1234.5, '1234.5'],
    [-1e5, '-1e+05'],
    [1 / 3, '0.333333333333333'],
    [0, '0'],
  ];
  for (const [x, text] of cases) assert.equal(rAsCharacter(x), text, String(x));
});

test('CI_method prints repetitions as R does ("simulation 1e+05 reps" by default)', () => {
  const input = {
    quantile: [1, 2, 3, 4, 5],
    population: [5, 6, 7, 8, 9],
    value: [1, 2, 3, 4, 5],
    se: [1, 1, 1, 1, 1],
  };
  assert.equal(sii(input, { seed: 1 })?.['CI_method'], 'simulation 1e+05 reps');
  assert.equal(sii(input, { seed: 1, repetitions: 10000 })?.['CI_method'], 'simulation 10000 reps');
  assert.equal(sii(input, { seed: 1, repetitions: 1000, confidence: 99 })?.['CI_confidence'], '99%');
});

// ---------------------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------------------

const groupArb = fc.integer({ min: 5, max: 12 }).chain((n) =>
  fc.record({
    population: fc.array(fc.integer({ min: 1, max: 100000 }), { minLength: n, maxLength: n }),
    value: fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: n, maxLength: n }),
    se: fc.array(fc.double({ min: 0.01, max: 5, noNaN: true }), { minLength: n, maxLength: n }),
    seed: fc.integer({ min: 0, max: 2 ** 31 }),
    multiplier: fc.constantFrom(1, -1, 100),
  }),
);

test('property: the same seed gives identical results', () => {
  fc.assert(
    fc.property(groupArb, ({ population, value, se, seed, multiplier }) => {
      const input = { quantile: population.map((_, i) => i + 1), population, value, se };
      const options = { repetitions: 1000, rii: true, seed, multiplier };
      assert.deepEqual(sii(input, options), sii(input, options));
    }),
    { numRuns: 30 },
  );
});

test('property: lower <= SII <= upper, and the 99.8% interval contains the 95% one', () => {
  fc.assert(
    fc.property(groupArb, ({ population, value, se, seed, multiplier }) => {
      const input = { quantile: population.map((_, i) => i + 1), population, value, se };
      const r = sii(input, { repetitions: 2000, seed, multiplier, confidence: [0.95, 0.998] }) as SiiResult;
      const l95 = r['sii_lower95_0cl'] as number;
      const u95 = r['sii_upper95_0cl'] as number;
      const l99 = r['sii_lower99_8cl'] as number;
      const u99 = r['sii_upper99_8cl'] as number;
      assert.ok(l99 <= l95 && l95 <= r.sii && r.sii <= u95 && u95 <= u99, JSON.stringify(r));
    }),
    { numRuns: 40 },
  );
});

test('property: scaling the values scales SII and its limits, and leaves the RII unchanged', () => {
  fc.assert(
    fc.property(
      groupArb,
      fc.double({ min: 0.5, max: 20, noNaN: true }),
      ({ population, value, se, seed }, k) => {
        const shifted = value.map((v) => v + 100); // keep the fitted intercept away from 0
        const input = { quantile: population.map((_, i) => i + 1), population, value: shifted, se };
        const scaled = { ...input, value: shifted.map((v) => v * k), se: se.map((s) => s * k) };
        const a = sii(input, { repetitions: 1000, rii: true, seed }) as SiiResult;
        const b = sii(scaled, { repetitions: 1000, rii: true, seed }) as SiiResult;
        // Absolute tolerance on the values' scale: the SII itself may be 0.
        const near = (x: number, y: number, label: string) =>
          assert.ok(Math.abs(x - y) <= 1e-9 * k * 150, `${label}: ${x} vs ${y}`);
        near(b.sii, a.sii * k, 'sii');
        near(b['sii_lower95_0cl'] as number, (a['sii_lower95_0cl'] as number) * k, 'lower');
        assertClose(b['rii'] as number, a['rii'] as number, 1e-9, 'rii');
      },
    ),
    { numRuns: 25 },
  );
});
