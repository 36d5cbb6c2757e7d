import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { sharedPath } from '../../../test/support/shared-data.js';
import {
  byarsLower,
  byarsUpper,
  type DsrResult,
  dsr,
  esp2013,
  esp2013AgeBands,
  StatsInputError,
} from '../src/index.js';
import { assertClose } from './support/assert-close.js';
import { type CsvRecord, num, readCsv } from './support/read-csv.js';

const DIR = ['validation', 'phe-indicator-methods', 'dsr'];
const TWO = ['lower95_0cl', 'upper95_0cl', 'lower99_8cl', 'upper99_8cl'];

function field(result: DsrResult, key: string): number {
  return (result as Record<string, number | string>)[key] as number;
}

function throwsCode(fn: () => unknown, code: string, wording: string): void {
  assert.throws(
    fn,
    (e: unknown) => e instanceof StatsInputError && e.code === code && e.message.includes(wording),
  );
}

interface Group {
  x: number[];
  n: number[];
  stdpop: number[];
  freq: number[];
  band: string[];
}

function groupBy(rows: CsvRecord[], key: string, x: string, n: string, stdpop: string): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const row of rows) {
    const id = row[key] as string;
    let g = groups.get(id);
    if (!g) {
      g = { x: [], n: [], stdpop: [], freq: [], band: [] };
      groups.set(id, g);
    }
    g.x.push(num(row[x]));
    g.n.push(num(row[n]));
    g.stdpop.push(num(row[stdpop]));
    g.freq.push(num(row.freq));
    g.band.push(row.ageband ?? '');
  }
  return groups;
}

function expectedRows(t: Parameters<typeof sharedPath>[0]): CsvRecord[] | null {
  const file = sharedPath(t, ...DIR, 'dsr_expected.csv');
  return file ? readCsv(file) : null;
}

function checkRow(result: DsrResult, row: CsvRecord, keys: readonly string[], label: string): void {
  for (const key of keys) {
    if (key === 'statistic' || key === 'method') assert.equal(result[key], row[key], `${label} ${key}`);
    else assertClose(field(result, key), num(row[key]), 1e-9, `${label} ${key}`);
  }
}

const ALL = ['total_count', 'total_pop', 'value', ...TWO, 'statistic', 'method'];

test('calculate_dsr reference: three areas on ESP2013 at 1e4 and 1e5, two CIs (rows 1-3, 5-7)', (t) => {
  const input = sharedPath(t, ...DIR, 'dsr_input_multiarea_esp2013.csv');
  const expected = expectedRows(t);
  if (!input || !expected) return;
  const groups = groupBy(readCsv(input), 'area', 'count', 'pop', 'esp2013');
  for (const [index, multiplier] of [
    [0, 10000],
    [4, 100000],
  ] as const) {
    for (let k = 0; k < 3; k++) {
      const row = expected[index + k] as CsvRecord;
      const g = groups.get(row.area as string) as Group;
      const result = dsr(g.x, g.n, g.stdpop, { confidence: [0.95, 0.998], multiplier });
      checkRow(result, row, ALL, `row ${index + k + 1}`);
      assert.equal(result.confidence, '95%, 99.8%');
      assert.deepEqual(Object.keys(result), [
        'total_count',
        'total_pop',
        'value',
        ...TWO,
        'confidence',
        'statistic',
        'method',
      ]);
    }
  }
});

test('calculate_dsr reference: single-CI runs equal the matching columns', (t) => {
  const input = sharedPath(t, ...DIR, 'dsr_input_multiarea_esp2013.csv');
  const expected = expectedRows(t);
  if (!input || !expected) return;
  const groups = groupBy(readCsv(input), 'area', 'count', 'pop', 'esp2013');
  for (const row of expected.slice(4, 7)) {
    const g = groups.get(row.area as string) as Group;
    for (const [confidence, suffix, label] of [
      [0.95, '95_0cl', '95%'],
      [99.8, '99_8cl', '99.8%'],
    ] as const) {
      const result = dsr(g.x, g.n, g.stdpop, { confidence });
      assert.deepEqual(Object.keys(result), [
        'total_count',
        'total_pop',
        'value',
        'lowercl',
        'uppercl',
        'confidence',
        'statistic',
        'method',
      ]);
      assertClose(field(result, 'lowercl'), num(row[`lower${suffix}`]), 1e-9, `${row.area} lowercl ${label}`);
      assertClose(field(result, 'uppercl'), num(row[`upper${suffix}`]), 1e-9, `${row.area} uppercl ${label}`);
      assert.equal(result.confidence, label);
      assert.equal(result.statistic, row.statistic);
    }
  }
});

test('calculate_dsr reference: tiny total count (9) gives NA and R statistic', (t) => {
  const input = sharedPath(t, ...DIR, 'dsr_input_multiarea_esp2013.csv');
  const expected = expectedRows(t);
  if (!input || !expected) return;
  const g = groupBy(readCsv(input), 'area', 'count', 'pop', 'esp2013').get('testdata_tiny') as Group;
  const result = dsr(g.x, g.n, g.stdpop, { confidence: [0.95, 0.998] });
  checkRow(result, expected[2] as CsvRecord, ALL, 'tiny');
  assert.equal(result.total_count, 9);
  assert.ok(Number.isNaN(result.value));
  assert.equal(result.statistic, 'dsr NA for total count < 10');
  const single = dsr(g.x, g.n, g.stdpop);
  assert.ok(Number.isNaN(field(single, 'lowercl')) && Number.isNaN(field(single, 'uppercl')));
});

test('calculate_dsr reference: user standard population esp1976, columns 2-6 only (rows 4 and 8)', (t) => {
  const input = sharedPath(t, ...DIR, 'dsr_input_esp1976.csv');
  const expected = expectedRows(t);
  if (!input || !expected) return;
  const rows = readCsv(input);
  const x = rows.map((r) => num(r.count));
  const n = rows.map((r) => num(r.pop));
  const stdpop = rows.map((r) => num(r.esp1976));
  // The source spreadsheet's 99.8% columns of these rows are 10 times too large; R's tests skip them.
  const cols = ['total_count', 'total_pop', 'value', 'lower95_0cl', 'upper95_0cl'];
  checkRow(
    dsr(x, n, stdpop, { confidence: [0.95, 0.998], multiplier: 10000 }),
    expected[3] as CsvRecord,
    cols,
    'row 4',
  );
  checkRow(dsr(x, n, stdpop, { confidence: [0.95, 0.998] }), expected[7] as CsvRecord, cols, 'row 8');
  // phe_dsr's own 99.8% limits for this input, quoted in the README (2 dp).
  const r = dsr(x, n, stdpop, { confidence: [0.95, 0.998] });
  assert.equal(field(r, 'lower99_8cl').toFixed(2), '7659.28');
  assert.equal(field(r, 'upper99_8cl').toFixed(2), '9599.21');
});

test('calculate_dsr reference: non-independent events (rows 9-12)', (t) => {
  const input = sharedPath(t, ...DIR, 'dsr_input_nonindependent_events.csv');
  const expected = expectedRows(t);
  if (!input || !expected) return;
  const groups = groupBy(readCsv(input), 'area', 'persons', 'pop', 'esp2013');
  for (const row of expected.slice(8, 12)) {
    const g = groups.get(row.area as string) as Group;
    const result = dsr(g.x, g.n, g.stdpop, {
      confidence: [0.95, 0.998],
      independentEvents: false,
      eventfreq: g.freq,
      ageband: g.band,
    });
    checkRow(result, row, ALL, row.area as string);
  }
});

test('calculate_dsr error cases: code and R wording', (t) => {
  const file = sharedPath(t, ...DIR, 'dsr_error_cases.csv');
  if (!file) return;
  const codes: Record<string, string> = {
    negative_count: 'NEGATIVE_COUNT',
    zero_pop_grouped_by_area: 'NON_POSITIVE_DENOMINATOR',
    negative_pop: 'NON_POSITIVE_DENOMINATOR',
    negative_stdpop: 'NEGATIVE_STDPOP',
  };
  const rows = readCsv(file);
  const cases = new Map<string, CsvRecord[]>();
  for (const row of rows) cases.set(row.case as string, [...(cases.get(row.case as string) ?? []), row]);
  assert.equal(cases.size, 4);
  for (const [name, caseRows] of cases) {
    const wording = caseRows[0]?.expected_error as string;
    // The caller groups by area where the case has areas; R validates every group before computing any.
    const groups = groupBy(caseRows, 'area', 'count', 'pop', 'stdpop');
    let failure: unknown;
    for (const g of groups.values()) {
      try {
        dsr(g.x, g.n, g.stdpop);
      } catch (e) {
        failure = e;
        break;
      }
    }
    assert.ok(failure instanceof StatsInputError, name);
    assert.equal(failure.code, codes[name], name);
    assert.equal(failure.message, wording, name);
    assert.equal(typeof failure.row, 'number', name);
  }
});

test('hand-checkable DSR', () => {
  // Two bands: rates 10/1000 and 30/2000 weighted by a standard of 600 and 400.
  const r = dsr([10, 30], [1000, 2000], [600, 400], { multiplier: 1000 });
  assertClose(r.value, (((10 * 600) / 1000 + (30 * 400) / 2000) / 1000) * 1000, 1e-15, 'value');
  const variance = (10 * (600 / 1000) ** 2 + 30 * (400 / 2000) ** 2) / 1000 ** 2;
  const spread = Math.sqrt(variance / 40);
  assertClose(field(r, 'lowercl'), r.value + spread * (byarsLower(40) - 40) * 1000, 1e-14, 'lower');
  assertClose(field(r, 'uppercl'), r.value + spread * (byarsUpper(40) - 40) * 1000, 1e-14, 'upper');
  assert.equal(r.total_count, 40);
  assert.equal(r.total_pop, 3000);
  assert.equal(r.statistic, 'dsr per 1000');
  assert.equal(r.method, 'Dobson');
  // Missing counts count as 0.
  const withNa = dsr([10, Number.NaN], [1000, 2000], [600, 400]);
  assert.equal(withNa.total_count, 10);
  assertClose(withNa.value, ((10 * 600) / 1000 / 1000) * 100000, 1e-15, 'NA as 0');
  // A zero standard population weight is allowed.
  assert.doesNotThrow(() => dsr([10, 30], [1000, 2000], [600, 0]));
});

test('esp2013 is the 19-band 2013 European Standard Population', (t) => {
  assert.equal(esp2013.length, 19);
  assert.equal(esp2013AgeBands.length, 19);
  assert.equal(
    esp2013.reduce((a, b) => a + b, 0),
    100000,
  );
  assert.equal(esp2013AgeBands[0], '0-4');
  assert.equal(esp2013AgeBands[18], '90+');
  const file = sharedPath(t, 'validation', 'phe-indicator-methods', 'reference', 'esp2013.csv');
  if (!file) return;
  assert.deepEqual(
    readCsv(file).map((r) => num(r.esp2013)),
    [...esp2013],
  );
});

test('invalid inputs raise R errors with the offending row', () => {
  const n = [100, 100, 100];
  const s = [1, 1, 1];
  throwsCode(() => dsr([1, 2], n, s), 'LENGTH_MISMATCH', 'same length');
  throwsCode(() => dsr([1, 2, 3], n, [1, 1]), 'LENGTH_MISMATCH', 'stdpop length must equal number of rows');
  throwsCode(
    () => dsr([1, 2, 3], [100, Number.NaN, 100], s),
    'MISSING_DENOMINATOR',
    'field n cannot have missing values',
  );
  throwsCode(
    () => dsr([1, 2, 3], n, [1, Number.NaN, 1]),
    'MISSING_STDPOP',
    'field stdpop cannot have missing values',
  );
  throwsCode(() => dsr([1, 2, 3], n, s, { confidence: 80 }), 'CONFIDENCE_OUT_OF_RANGE', 'between 90 and 100');
  throwsCode(
    () => dsr([1, 2, 3], n, s, { independentEvents: false }),
    'MISSING_EVENTFREQ',
    'function calculate_dsr requires an eventfreq column to be specified when independent_events is FALSE',
  );
  throwsCode(
    () =>
      dsr([1, 2, 3], n, s, {
        independentEvents: false,
        eventfreq: [1, 1, Number.NaN],
        ageband: ['a', 'b', 'c'],
      }),
    'MISSING_EVENTFREQ',
    'eventfreq field must not have any missing values',
  );
  throwsCode(
    () => dsr([1, 2, 3], n, s, { independentEvents: false, eventfreq: [1, 1, 1] }),
    'MISSING_AGEBAND',
    'function calculate_dsr requires an ageband column to be specified when independent_events is FALSE',
  );
  try {
    dsr([1, -2, 3], n, s);
    assert.fail('expected an error');
  } catch (e) {
    assert.ok(e instanceof StatsInputError);
    assert.equal(e.row, 1);
  }
});

test('non-independent events with every person having one event equal the independent DSR', () => {
  const x = [12, 30, 41];
  const n = [1000, 2000, 1500];
  const s = [600, 400, 500];
  const a = dsr(x, n, s, { confidence: [0.95, 0.998] });
  const b = dsr(x, n, s, {
    confidence: [0.95, 0.998],
    independentEvents: false,
    eventfreq: [1, 1, 1],
    ageband: [0, 5, 10],
  });
  for (const key of ['total_count', 'total_pop', 'value', ...TWO])
    assertClose(field(b, key), field(a, key), 1e-14, key);
  assert.equal(b.method, 'Dobson, with confidence adjusted for non-independent events');
});

test('R benchmark: 10,000 areas x 19 bands against phe_dsr output', (t) => {
  const input = sharedPath(
    t,
    'validation',
    'phe-indicator-methods',
    'benchmark',
    'dsr_10000_areas_x_19_bands_input.csv',
  );
  const output = sharedPath(
    t,
    'validation',
    'phe-indicator-methods',
    'benchmark',
    'dsr_10000_areas_phe_dsr_conf95_998_r_output.csv',
  );
  if (!input || !output) return;
  const groups = groupBy(readCsv(input), 'area', 'count', 'pop', 'stdpop');
  const expected = readCsv(output);
  assert.equal(expected.length, 10000);
  for (const row of expected) {
    const g = groups.get(row.area as string) as Group;
    const result = dsr(g.x, g.n, g.stdpop, { confidence: [0.95, 0.998] });
    checkRow(result, row, ALL, row.area as string);
    assert.equal(result.confidence, row.confidence);
  }
});

test('property: a population proportional to the standard gives the crude rate', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 19, maxLength: 19 }),
      fc.double({ min: 0.01, max: 100, noNaN: true }),
      (counts, k) => {
        const pops = esp2013.map((s) => s * k);
        const r = dsr(counts, pops, esp2013);
        const total = counts.reduce((a, b) => a + b, 0);
        if (total < 10) return Number.isNaN(r.value);
        const crude = (total / pops.reduce((a, b) => a + b, 0)) * 100000;
        return Math.abs(r.value - crude) <= 1e-12 * crude;
      },
    ),
  );
});

test('property: lower <= value <= upper', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 1, max: 100000 })), {
        minLength: 19,
        maxLength: 19,
      }),
      (cells) => {
        const r = dsr(
          cells.map((c) => c[0]),
          cells.map((c) => c[1]),
          esp2013,
          { confidence: [0.95, 0.998] },
        ) as Record<string, number | string>;
        if (Number.isNaN(r.value as number)) return (r.total_count as number) < 10;
        const v = r.value as number;
        const lower = r.lower99_8cl as number;
        return (
          (Number.isNaN(lower) || lower <= (r.lower95_0cl as number)) &&
          (r.lower95_0cl as number) <= v &&
          v <= (r.upper95_0cl as number) &&
          (r.upper95_0cl as number) <= (r.upper99_8cl as number)
        );
      },
    ),
  );
});
