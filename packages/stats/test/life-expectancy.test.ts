import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { sharedPath } from '../../../test/support/shared-data.js';
import {
  type LifeExpectancyOptions,
  type LifeExpectancyRow,
  type LifeExpectancySuppressionCode,
  lifeExpectancy,
  lifeExpectancyStartAge,
  lifeExpectancyValidate,
  lifeExpectancyWarnings,
  StatsInputError,
} from '../src/index.js';
import { assertClose } from './support/assert-close.js';
import { type CsvRecord, num, readCsv } from './support/read-csv.js';

const AGES = [0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90];
const POPS = [
  7060, 35059, 46974, 48489, 43219, 38561, 46009, 57208, 61435, 55601, 50209, 56416, 46411, 39820, 37978,
  37039, 33288, 23306, 11936, 11936,
];
const DEATHS = [17, 9, 4, 8, 20, 15, 24, 33, 50, 71, 100, 163, 263, 304, 536, 872, 1390, 1605, 1936, 1937];
const TEXT_BANDS = [
  '0',
  '1-4',
  '5-9',
  '10 – 14',
  '15 – 19',
  '20 – 24',
  '25 – 29',
  '30 – 34',
  '35 – 39',
  '40 – 44',
  '45 – 49',
  '50 – 54',
  '55 – 59',
  '60 – 64',
  '65 – 69',
  '70 – 74',
  '75 – 79',
  '80 – 84',
  '85 – 89',
  '90 +',
];
const WARN = Object.fromEntries(lifeExpectancyWarnings.map((w) => [w.code, w.message])) as Record<
  (typeof lifeExpectancyWarnings)[number]['code'],
  string
>;
const METHOD = 'Chiang, using Silcocks et al for confidence limits';
const NUMERIC_COLUMNS = [
  'value',
  'lowercl',
  'uppercl',
  'lower95_0cl',
  'lower99_8cl',
  'upper95_0cl',
  'upper99_8cl',
  'pops_used',
  'dths_used',
];

/** R's round(x, 4) on both sides, as the R tests compare. */
function round4(x: number): number {
  return Number.isNaN(x) ? Number.NaN : Math.round(x * 1e4) / 1e4;
}

function col(records: CsvRecord[], name: string): number[] {
  return records.map((r) => num(r[name]));
}

function withWarnings<T>(fn: (onWarning: (m: string) => void) => T): { result: T; warnings: string[] } {
  const warnings: string[] = [];
  const result = fn((m) => warnings.push(m));
  return { result, warnings };
}

/**
 * What the CLI does for a grouped call: the whole-column argument checks once, then one call per group, computed
 * groups first in sorted key order, suppressed groups after them in R's check order; each distinct warning once,
 * in R's order. Returns each output row with its group key and input record.
 */
function runGrouped(
  records: CsvRecord[],
  columns: { group: string; deaths: string; population: string; startage: string },
  options: LifeExpectancyOptions = {},
): { rows: { key: string; record: CsvRecord; result: LifeExpectancyRow }[]; warnings: string[] } {
  const startageOf = (r: CsvRecord): number => num(r[columns.startage]);
  lifeExpectancyValidate(records.map(startageOf), options);
  const groups = new Map<string, CsvRecord[]>();
  for (const r of records) {
    const key = r[columns.group] as string;
    const list = groups.get(key) ?? [];
    list.push(r);
    groups.set(key, list);
  }
  const codes = lifeExpectancyWarnings.map((w) => w.code as string);
  const computed: { key: string; record: CsvRecord; result: LifeExpectancyRow }[] = [];
  const suppressed: { rank: number; key: string; rows: typeof computed }[] = [];
  const seen = new Set<string>();
  for (const key of [...groups.keys()].sort()) {
    const group = groups.get(key) as CsvRecord[];
    let code: LifeExpectancySuppressionCode | null = null;
    const out = lifeExpectancy(
      group.map((r) => num(r[columns.deaths])),
      group.map((r) => num(r[columns.population])),
      group.map(startageOf),
      {
        ...options,
        grouped: true,
        checkAgeBands: false,
        onWarning: (m) => seen.add(m),
        onSuppressed: (c) => {
          code = c;
        },
      },
    );
    const rows = out.map((result) => ({ key, record: group[result.row] as CsvRecord, result }));
    if (code === null) computed.push(...rows);
    else suppressed.push({ rank: codes.indexOf(code), key, rows });
  }
  suppressed.sort((a, b) => a.rank - b.rank || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const warnings = lifeExpectancyWarnings.map((w) => w.message as string).filter((m) => seen.has(m));
  return { rows: [...computed, ...suppressed.flatMap((s) => s.rows)], warnings };
}

test('single area: value and 95% limits match the R test answers at 4 dp, pops_used/dths_used exactly', (t) => {
  const dir = sharedPath(t, 'validation', 'phe-indicator-methods', 'life_expectancy');
  if (!dir) return;
  const input = readCsv(`${dir}/le_input_single_area.csv`);
  const expected = readCsv(`${dir}/le_expected_single_area.csv`);
  const { result, warnings } = withWarnings((onWarning) =>
    lifeExpectancy(col(input, 'deaths'), col(input, 'pops'), col(input, 'startage'), { onWarning }),
  );
  assert.deepEqual(warnings, []);
  assert.equal(result.length, 20);
  result.forEach((row, k) => {
    const e = expected[k] as CsvRecord;
    assert.equal(row.row, k);
    for (const c of ['value', 'lowercl', 'uppercl'])
      assert.equal(round4(row[c] as number), num(e[c]), `${c} row ${k}`);
    assert.equal(row['pops_used'], num(e['pops_used']));
    assert.equal(row['dths_used'], num(e['dths_used']));
    assert.equal(row['confidence'], '95%');
    assert.equal(row['statistic'], `life expectancy at ${AGES[k]}`);
    assert.equal(row['method'], METHOD);
    assert.deepEqual(Object.keys(row), [
      'row',
      'value',
      'lowercl',
      'uppercl',
      'pops_used',
      'dths_used',
      'confidence',
      'statistic',
      'method',
    ]);
  });
});

test('unordered numeric input and unordered text bands (U+2013, "90 +") give the same rows in age order', (t) => {
  const dir = sharedPath(t, 'validation', 'phe-indicator-methods', 'life_expectancy');
  if (!dir) return;
  const expected = readCsv(`${dir}/le_expected_single_area.csv`);
  const unordered = readCsv(`${dir}/le_input_single_area_unordered.csv`);
  const text = readCsv(`${dir}/le_input_text_agebands_unordered.csv`);
  const a = lifeExpectancy(col(unordered, 'deaths'), col(unordered, 'pops'), col(unordered, 'startage'));
  const b = lifeExpectancy(
    col(text, 'deaths'),
    col(text, 'pops'),
    text.map((r) => r['startage'] as string),
    { ageContents: TEXT_BANDS },
  );
  for (const [rows, input, label] of [
    [a, unordered, 'numeric'],
    [b, text, 'text'],
  ] as const) {
    assert.equal(rows.length, 20);
    rows.forEach((row, k) => {
      const e = expected[k] as CsvRecord;
      for (const c of ['value', 'lowercl', 'uppercl', 'pops_used', 'dths_used']) {
        assert.equal(round4(row[c] as number), num(e[c]), `${label} ${c} row ${k}`);
      }
      assert.equal(row['statistic'], `life expectancy at ${(input[row.row] as CsvRecord)['startage']}`);
    });
  }
  // The row that was last in the input (65 / "70 – 74") is placed by its age.
  assert.equal(a[14]?.row, 19);
  assert.equal(b[15]?.row, 19);
  assert.equal(b[15]?.['statistic'], 'life expectancy at 70 – 74');
});

test('single area with confidence c(0.95, 0.998) matches R full precision (r_computed) to 1e-9', (t) => {
  const dir = sharedPath(t, 'validation', 'phe-indicator-methods');
  if (!dir) return;
  const input = readCsv(`${dir}/life_expectancy/le_input_single_area.csv`);
  const ref = readCsv(`${dir}/r_computed/le_single_area_conf95_998.csv`);
  const rows = lifeExpectancy(col(input, 'deaths'), col(input, 'pops'), col(input, 'startage'), {
    confidence: [0.95, 0.998],
  });
  assert.equal(rows.length, ref.length);
  let maxRel = 0;
  rows.forEach((row, k) => {
    const e = ref[k] as CsvRecord;
    assert.deepEqual(Object.keys(row).slice(1), Object.keys(e).slice(1), 'R column order');
    for (const c of NUMERIC_COLUMNS) {
      if (!(c in e)) continue;
      assertClose(row[c] as number, num(e[c]), 1e-9, `${c} row ${k}`);
      maxRel = Math.max(maxRel, Math.abs((row[c] as number) - num(e[c])) / Math.abs(num(e[c])));
    }
    for (const c of ['confidence', 'statistic', 'method']) assert.equal(row[c], e[c]);
  });
  console.log(`# le_single_area_conf95_998: max relative error ${maxRel.toExponential(2)}`);
});

test('confidence 95 equals 0.95; 99.8 alone equals the 99.8% limits of the pair (R test7/test8)', () => {
  const a = lifeExpectancy(DEATHS, POPS, AGES, { confidence: 95 });
  const b = lifeExpectancy(DEATHS, POPS, AGES);
  const c = lifeExpectancy(DEATHS, POPS, AGES, { confidence: 99.8 });
  const d = lifeExpectancy(DEATHS, POPS, AGES, { confidence: [95, 99.8] });
  assert.deepEqual(a, b);
  c.forEach((row, k) => {
    assert.equal(row['lowercl'], d[k]?.['lower99_8cl']);
    assert.equal(row['uppercl'], d[k]?.['upper99_8cl']);
    assert.equal(row['confidence'], '99.8%');
  });
  assert.equal(d[0]?.['confidence'], '95%, 99.8%');
});

test('any number of confidence levels, as R allows (confidence = 90:99 gives 20 limit columns)', () => {
  const levels = Array.from({ length: 10 }, (_, i) => 90 + i);
  const rows = lifeExpectancy(DEATHS, POPS, AGES, { confidence: levels });
  const keys = Object.keys(rows[0] as LifeExpectancyRow);
  assert.equal(keys.length, 1 + 1 + 20 + 5);
  assert.deepEqual(keys.slice(2, 4), ['lower90_0cl', 'lower91_0cl']);
  assert.deepEqual(keys.slice(12, 14), ['upper90_0cl', 'upper91_0cl']);
  assert.equal(rows[0]?.['confidence'], levels.map((l) => `${l}%`).join(', '));
});

test('le_age filters to the requested ages (R test5/test6), type "standard" drops the full columns', () => {
  const one = lifeExpectancy(DEATHS, POPS, AGES, { leAge: 5 });
  assert.equal(one.length, 1);
  assert.equal(one[0]?.row, 2);
  assert.equal(round4(one[0]?.value as number), 75.4419);
  const two = lifeExpectancy(DEATHS, POPS, AGES, { leAge: [5, 25], type: 'full' });
  assert.deepEqual(
    two.map((r) => [r.row, round4(r.value), round4(r['lowercl'] as number), round4(r['uppercl'] as number)]),
    [
      [2, 75.4419, 75.1741, 75.7098],
      [6, 55.7884, 55.538, 56.0387],
    ],
  );
  assert.deepEqual(
    two.map((r) => [r['pops_used'], r['dths_used'], r['confidence'], r['statistic'], r['method']]),
    [
      [745835, 9331, '95%', 'life expectancy at 5', METHOD],
      [568592, 9284, '95%', 'life expectancy at 25', METHOD],
    ],
  );
  const standard = lifeExpectancy(DEATHS, POPS, AGES, { type: 'standard' });
  assert.deepEqual(Object.keys(standard[0] as LifeExpectancyRow), ['row', 'value', 'lowercl', 'uppercl']);
  const text = lifeExpectancy(DEATHS, POPS, TEXT_BANDS, { ageContents: TEXT_BANDS, leAge: '10 – 14' });
  assert.deepEqual(
    text.map((r) => r.row),
    [3],
  );
});

test('le_age not in age_contents warns and returns every age', () => {
  for (const leAge of [4, [4, 6]]) {
    const { result, warnings } = withWarnings((onWarning) =>
      lifeExpectancy(DEATHS, POPS, AGES, { leAge, onWarning }),
    );
    assert.equal(result.length, 20);
    assert.deepEqual(warnings, [WARN.LE_AGE_NOT_IN_AGE_CONTENTS]);
  }
  assert.equal(lifeExpectancy(DEATHS, POPS, AGES, { leAge: 'all' }).length, 20);
  assert.equal(lifeExpectancy(DEATHS, POPS, AGES, { leAge: ['all'] }).length, 20);
});

test('wide CIs and a suppressed group (grouped, two CIs) match R at 4 dp and full precision', (t) => {
  const dir = sharedPath(t, 'validation', 'phe-indicator-methods');
  if (!dir) return;
  const input = readCsv(`${dir}/life_expectancy/le_input_wide_ci_two_areas.csv`);
  const expected = readCsv(`${dir}/life_expectancy/le_expected_wide_ci_two_areas.csv`);
  const ref = readCsv(`${dir}/r_computed/le_wide_ci_two_areas_conf95_998.csv`);
  const { rows, warnings } = runGrouped(
    input,
    { group: 'area', deaths: 'deaths', population: 'pops', startage: 'startage' },
    { confidence: [0.95, 0.998] },
  );
  assert.deepEqual(warnings, [WARN.DEATHS_GREATER_THAN_POPULATION, WARN.WIDE_CONFIDENCE_INTERVAL]);
  assert.equal(rows.length, 40);
  let maxRel = 0;
  rows.forEach(({ key, record, result }, k) => {
    const e = expected[k] as CsvRecord;
    const r = ref[k] as CsvRecord;
    assert.equal(key, e['area']);
    assert.equal(record['startage'], e['startage']);
    for (const c of ['value', 'lower95_0cl', 'upper95_0cl']) {
      assert.ok(Object.is(round4(result[c] as number), num(e[c])), `${c} row ${k}: ${result[c]} vs ${e[c]}`);
    }
    assert.deepEqual(Object.keys(result).slice(1), Object.keys(r).slice(2), 'R column order');
    for (const c of NUMERIC_COLUMNS) {
      if (!(c in r)) continue;
      assertClose(result[c] as number, num(r[c]), 1e-9, `${c} row ${k}`);
      if (!Number.isNaN(num(r[c])) && num(r[c]) !== 0) {
        maxRel = Math.max(maxRel, Math.abs((result[c] as number) - num(r[c])) / Math.abs(num(r[c])));
      }
    }
    for (const c of ['confidence', 'statistic', 'method']) assert.equal(result[c], r[c]);
  });
  console.log(`# le_wide_ci_two_areas_conf95_998: max relative error ${maxRel.toExponential(2)}`);
});

test('each ungrouped edge case gives all-NA value/lowercl/uppercl and R warning', (t) => {
  const dir = sharedPath(t, 'validation', 'phe-indicator-methods', 'life_expectancy');
  if (!dir) return;
  const all = readCsv(`${dir}/le_edge_cases_ungrouped.csv`);
  const cases = [...new Set(all.map((r) => r['case'] as string))];
  assert.equal(cases.length, 5);
  for (const name of cases) {
    const rows = all.filter((r) => r['case'] === name);
    const expectedText = rows[0]?.['expected'] as string;
    const ages = col(rows, 'age');
    const suppressions: string[] = [];
    const { result, warnings } = withWarnings((onWarning) =>
      lifeExpectancy(col(rows, 'deaths'), col(rows, 'pop'), ages, {
        onWarning,
        onSuppressed: (c) => suppressions.push(c),
        // The R test calls the 19-band case with age_contents = the 19 start ages present.
        ...(name === 'missing_age_band_19_rows' ? { ageContents: ages } : {}),
        confidence: [0.95, 0.998],
        leAge: 5,
      }),
    );
    assert.equal(warnings.length, 1, name);
    assert.ok(expectedText.includes(`warning: ${warnings[0]}`), `${name}: ${warnings[0]}`);
    assert.equal(suppressions.length, 1);
    // R's ungrouped early return: every row in age order, only value/lowercl/uppercl, no le_age filter.
    assert.equal(result.length, rows.length, name);
    result.forEach((row, k) => {
      assert.equal(row.row, k);
      assert.deepEqual(Object.keys(row), ['row', 'value', 'lowercl', 'uppercl']);
      for (const c of ['value', 'lowercl', 'uppercl'])
        assert.ok(Number.isNaN(row[c] as number), `${name} ${c}`);
    });
  }
});

test('grouped call with five kinds of bad group: 119 rows in R order, five warnings, R full precision', (t) => {
  const dir = sharedPath(t, 'validation', 'phe-indicator-methods');
  if (!dir) return;
  const input = readCsv(`${dir}/life_expectancy/le_input_grouped_with_warnings.csv`);
  const ref = readCsv(`${dir}/r_computed/le_grouped_with_warnings_conf95.csv`);
  const { rows, warnings } = runGrouped(input, {
    group: 'area',
    deaths: 'deaths',
    population: 'pop',
    startage: 'age',
  });
  assert.deepEqual(warnings, [
    WARN.NEGATIVE_DEATHS,
    WARN.NON_POSITIVE_POPULATION,
    WARN.WRONG_NUMBER_OF_AGEBANDS,
    WARN.DEATHS_GREATER_THAN_POPULATION,
    WARN.TOTAL_POPULATION_TOO_SMALL,
  ]);
  assert.equal(rows.length, 119);
  assert.equal(ref.length, 119);
  let maxRel = 0;
  rows.forEach(({ key, record, result }, k) => {
    const r = ref[k] as CsvRecord;
    assert.equal(key, r['area'], `row ${k}`);
    assert.equal(record['age'], r['age'], `row ${k}`);
    for (const c of NUMERIC_COLUMNS) {
      if (!(c in r)) continue;
      assertClose(result[c] as number, num(r[c]), 1e-9, `${key} ${c} row ${k}`);
      if (!Number.isNaN(num(r[c])) && num(r[c]) !== 0) {
        maxRel = Math.max(maxRel, Math.abs((result[c] as number) - num(r[c])) / Math.abs(num(r[c])));
      }
    }
    for (const c of ['confidence', 'statistic', 'method']) assert.equal(result[c], r[c]);
  });
  console.log(`# le_grouped_with_warnings_conf95: max relative error ${maxRel.toExponential(2)}`);
});

test('argument errors use R wording and stable codes', () => {
  const expectError = (fn: () => unknown, code: string, message: string): void => {
    assert.throws(fn, (e: unknown) => {
      assert.ok(e instanceof StatsInputError);
      assert.equal(e.code, code);
      assert.ok(e.message.includes(message), e.message);
      return true;
    });
  };
  expectError(
    () => lifeExpectancy(DEATHS, POPS, TEXT_BANDS),
    'AGE_BANDS_MISMATCH',
    'the contents in the startage field do not match the contents of the age_contents vector',
  );
  const badOrder = ['0', '1 4', '5 9', '20 24', '25 29', '10 14', '15 19'].concat(
    [30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85].map((a) => `${a} ${a + 4}`),
    ['90+'],
  );
  expectError(
    () => lifeExpectancy(DEATHS, POPS, TEXT_BANDS, { ageContents: badOrder }),
    'AGE_CONTENTS_NOT_ASCENDING',
    "age_contents doesn't appear to be in ascending order; the following age bands appear out of position: 20 24, 25 29, 10 14, 15 19",
  );
  expectError(
    () => lifeExpectancy(DEATHS, POPS, AGES, { ageContents: [1, 0, ...AGES.slice(2)] }),
    'AGE_CONTENTS_FIRST_NOT_ZERO',
    'first age band in age_contents must be 0',
  );
  for (const confidence of [0.8, [0.95, 95], 101, 50, Number.NaN]) {
    expectError(
      () => lifeExpectancy(DEATHS, POPS, AGES, { confidence }),
      'CONFIDENCE_OUT_OF_RANGE',
      'all confidence levels must be between 90 and 100 or between 0.9 and 1',
    );
  }
  expectError(
    () => lifeExpectancy(DEATHS, POPS, AGES, { confidence: [] }),
    'NO_CONFIDENCE_LEVEL',
    'at least one',
  );
  expectError(() => lifeExpectancy(DEATHS.slice(1), POPS, AGES), 'LENGTH_MISMATCH', 'same length');
  // A band missing from the whole data is an error; missing from one group of several it is a suppression.
  expectError(
    () => lifeExpectancy(DEATHS.slice(1), POPS.slice(1), AGES.slice(1)),
    'AGE_BANDS_MISMATCH',
    'do not match',
  );
  const { result, warnings } = withWarnings((onWarning) =>
    lifeExpectancy(DEATHS.slice(1), POPS.slice(1), AGES.slice(1), {
      checkAgeBands: false,
      grouped: true,
      onWarning,
    }),
  );
  assert.deepEqual(warnings, [WARN.WRONG_NUMBER_OF_AGEBANDS]);
  assert.equal(result.length, 19);
  assert.ok(result.every((r) => Number.isNaN(r.value) && Number.isNaN(r['lowercl'] as number)));
  assert.equal(result[0]?.['pops_used'], 787954 - 7060);
});

test('hand-checkable: the open 90+ band has e = 1/M and SE = 1/(M sqrt(deaths)) (Silcocks)', () => {
  const rows = lifeExpectancy(DEATHS, POPS, AGES, { leAge: 90 });
  const m = 1937 / 11936;
  const se = 1 / (m * Math.sqrt(1937));
  const z = 1.959963984540054;
  assertClose(rows[0]?.value as number, 1 / m, 1e-14, 'e90');
  assertClose(rows[0]?.['lowercl'] as number, 1 / m - z * se, 1e-14, 'lower');
  assertClose(rows[0]?.['uppercl'] as number, 1 / m + z * se, 1e-14, 'upper');
  assert.equal(rows[0]?.['pops_used'], 11936);
  assert.equal(rows[0]?.['dths_used'], 1937);
});

test('hand-checkable: a band of 85-89 with the 90+ band gives the two-row life table by hand', () => {
  const rows = lifeExpectancy(DEATHS, POPS, AGES, { leAge: 85 });
  const m85 = 1936 / 11936;
  const q = (m85 * 5) / (1 + m85 * 5 * 0.5);
  const m90 = 1937 / 11936;
  // From l_85 = 1: L_85 = 5 (l_90 + 0.5 d_85) with l_90 = 1 - q, and L_90 = l_90 / m90.
  const e85 = 5 * (1 - q + 0.5 * q) + (1 - q) / m90;
  assertClose(rows[0]?.value as number, e85, 1e-12, 'e85');
  assertClose(rows[0]?.value as number, 6.163942934, 1e-9, 'R answer');
});

test('startage text is read as R reads it', () => {
  assert.equal(lifeExpectancyStartAge('10 – 14'), 10);
  assert.equal(lifeExpectancyStartAge('90 +'), 90);
  assert.equal(lifeExpectancyStartAge('<1'), 1);
  assert.equal(lifeExpectancyStartAge('Age 85-89'), 85);
  assert.equal(lifeExpectancyStartAge(5), 5);
  assert.equal(lifeExpectancyStartAge(2.5), 2);
  assert.ok(Number.isNaN(lifeExpectancyStartAge('all ages')));
  assert.ok(Number.isNaN(lifeExpectancyStartAge(Number.NaN)));
  assert.ok(Number.isNaN(lifeExpectancyStartAge('99999999999')));
});

test('a 95% CI wider than 20 years hides the value only for the rows concerned; limits remain', () => {
  // "Area 2" of the R test: a population of 5,942 with one death aged 90+.
  const pops = [
    270, 235, 246, 248, 243, 238, 246, 257, 261, 355, 350, 356, 346, 339, 337, 337, 333, 323, 311, 311,
  ];
  const deaths = [17, 9, 4, 8, 20, 15, 24, 33, 50, 51, 10, 16, 26, 30, 36, 22, 13, 5, 6, 1];
  const { result, warnings } = withWarnings((onWarning) => lifeExpectancy(deaths, pops, AGES, { onWarning }));
  assert.deepEqual(warnings, [WARN.WIDE_CONFIDENCE_INTERVAL]);
  for (const row of result) {
    const width = (row['uppercl'] as number) - (row['lowercl'] as number);
    assert.ok(!Number.isNaN(width));
    assert.equal(Number.isNaN(row.value), width > 20, `row ${row.row} width ${width}`);
  }
  assert.equal(result.filter((r) => Number.isNaN(r.value)).length, 11);
});

test('zero deaths below 90 are fine; missing values are not checked, as in R (no warning, NA limits)', () => {
  const deaths = DEATHS.slice();
  deaths[2] = 0;
  const ok = lifeExpectancy(deaths, POPS, AGES);
  assert.ok(ok.every((r) => Number.isFinite(r.value)));
  deaths[3] = Number.NaN;
  const { result, warnings } = withWarnings((onWarning) => lifeExpectancy(deaths, POPS, AGES, { onWarning }));
  assert.deepEqual(warnings, []);
  // R's case_when treats the NA condition as false, so q = 1 in that band: everyone "dies" there.
  assert.ok(Number.isFinite(result[0]?.value as number));
  assert.ok(Number.isNaN(result[0]?.['lowercl'] as number));
  assertClose(result[3]?.value as number, 2.5, 1e-15, 'e10');
  assert.equal(result[10]?.value, 0);
  assert.ok(Number.isNaN(result[3]?.['dths_used'] as number));
  assert.equal(
    result[4]?.['dths_used'],
    DEATHS.slice(4).reduce((a, b) => a + b, 0),
  );
});

test('zero deaths in 90+ gives NA (infinite) life expectancy, as in R', () => {
  const deaths = DEATHS.slice();
  deaths[19] = 0;
  const rows = lifeExpectancy(deaths, POPS, AGES);
  assert.ok(rows.every((r) => Number.isNaN(r.value)));
});

test("grouped: tied start ages multiply rows as R's join on start age does", () => {
  const ages = [...AGES, 5];
  const rows = lifeExpectancy([...DEATHS, 1], [...POPS, 10], ages, { grouped: true, checkAgeBands: false });
  assert.equal(rows.length, 23);
  const fives = rows.filter((r) => r['statistic'] === 'life expectancy at 5');
  assert.deepEqual(
    fives.map((r) => [r.row, r['pops_used']]),
    [
      [2, 745835],
      [2, 745845],
      [20, 745835],
      [20, 745845],
    ],
  );
});

const validGroup = fc
  .tuple(
    fc.array(fc.integer({ min: 300, max: 60000 }), { minLength: 20, maxLength: 20 }),
    fc.array(fc.double({ min: 0.0005, max: 0.3, noNaN: true }), { minLength: 20, maxLength: 20 }),
  )
  .map(([pops, rates]) => ({
    pops,
    deaths: pops.map((p, k) => Math.max(k === 19 ? 1 : 0, Math.min(p, Math.round(p * (rates[k] as number))))),
  }));

test('property: lowercl <= value <= uppercl wherever a value is shown, and limits are symmetric', () => {
  fc.assert(
    fc.property(validGroup, ({ pops, deaths }) => {
      const rows = lifeExpectancy(deaths, pops, AGES, { confidence: [0.95, 0.998] });
      for (const r of rows) {
        const lo = r['lower95_0cl'] as number;
        const hi = r['upper95_0cl'] as number;
        if (!Number.isNaN(r.value)) {
          if (!(lo <= r.value && r.value <= hi)) return false;
          if (!((r['lower99_8cl'] as number) <= lo && hi <= (r['upper99_8cl'] as number))) return false;
        }
      }
      return true;
    }),
  );
});

test('property: input order does not change any result (rows come back in age order)', () => {
  fc.assert(
    fc.property(
      validGroup,
      fc.array(fc.nat(), { minLength: 20, maxLength: 20 }),
      ({ pops, deaths }, keys) => {
        const perm = Array.from({ length: 20 }, (_, i) => i).sort(
          (a, b) => (keys[a] as number) - (keys[b] as number) || a - b,
        );
        const base = lifeExpectancy(deaths, pops, AGES);
        const shuffled = lifeExpectancy(
          perm.map((i) => deaths[i] as number),
          perm.map((i) => pops[i] as number),
          perm.map((i) => AGES[i] as number),
        );
        return base.every((r, k) => {
          const s = shuffled[k] as LifeExpectancyRow;
          return (
            perm[s.row] === r.row &&
            Object.is(s.value, r.value) &&
            s['lowercl'] === r['lowercl'] &&
            s['pops_used'] === r['pops_used']
          );
        });
      },
    ),
  );
});

test('property: pops_used and dths_used at age 0 are the group totals', () => {
  fc.assert(
    fc.property(validGroup, ({ pops, deaths }) => {
      const rows = lifeExpectancy(deaths, pops, AGES);
      const totalPop = pops.reduce((a, b) => a + b, 0);
      const totalDeaths = deaths.reduce((a, b) => a + b, 0);
      return rows[0]?.['pops_used'] === totalPop && rows[0]?.['dths_used'] === totalDeaths;
    }),
  );
});
