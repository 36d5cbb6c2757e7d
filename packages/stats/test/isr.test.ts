import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { sharedPath } from '../../../test/support/shared-data.js';
import { byarsLower, isRate, isRatio, qchisq, StatsInputError } from '../src/index.js';
import { assertClose } from './support/assert-close.js';
import { type CsvRecord, num, readCsv } from './support/read-csv.js';

const DIR = ['validation', 'phe-indicator-methods', 'isr'];
const TWO = ['lower95_0cl', 'upper95_0cl', 'lower99_8cl', 'upper99_8cl'];

type Row = Record<string, number | string>;

function throwsCode(fn: () => unknown, code: string, wording: string): void {
  assert.throws(
    fn,
    (e: unknown) => e instanceof StatsInputError && e.code === code && e.message.includes(wording),
  );
}

interface Inputs {
  groups: Map<string, { x: number[]; n: number[] }>;
  xRef: number[];
  nRef: number[];
  expected: CsvRecord[];
}

function load(t: Parameters<typeof sharedPath>[0], inputName: string): Inputs | null {
  const input = sharedPath(t, ...DIR, inputName);
  const ref = sharedPath(t, ...DIR, 'isr_reference_population.csv');
  const expected = sharedPath(t, ...DIR, 'isr_expected.csv');
  if (!input || !ref || !expected) return null;
  const groups = new Map<string, { x: number[]; n: number[] }>();
  for (const row of readCsv(input)) {
    const g = groups.get(row.area as string) ?? { x: [], n: [] };
    g.x.push(num(row.count));
    g.n.push(num(row.pop));
    groups.set(row.area as string, g);
  }
  const refRows = readCsv(ref);
  return {
    groups,
    xRef: refRows.map((r) => num(r.refcount)),
    nRef: refRows.map((r) => num(r.refpop)),
    expected: readCsv(expected),
  };
}

function check(result: Row, row: CsvRecord, keys: readonly string[], label: string): void {
  for (const key of keys) {
    if (key === 'statistic' || key === 'method') assert.equal(result[key], row[key], `${label} ${key}`);
    else assertClose(result[key] as number, num(row[key]), 1e-9, `${label} ${key}`);
  }
}

const RATE_KEYS = ['observed', 'expected', 'ref_rate', 'value', ...TWO, 'statistic', 'method'];
const RATIO_KEYS = ['observed', 'expected', 'value', ...TWO, 'statistic', 'method'];

test('calculate_ISRate reference: multipliers 1e5 and 1000, two CIs (rows 1-6)', (t) => {
  const d = load(t, 'isr_input_multiarea.csv');
  if (!d) return;
  for (let i = 0; i < 6; i++) {
    const row = d.expected[i] as CsvRecord;
    const g = d.groups.get(row.area as string);
    assert.ok(g);
    const result = isRate(g.x, g.n, d.xRef, d.nRef, {
      confidence: [0.95, 0.998],
      multiplier: i < 3 ? 1e5 : 1000,
    });
    check(result, row, RATE_KEYS, `row ${i + 1}`);
    assert.deepEqual(Object.keys(result), [
      'observed',
      'expected',
      'ref_rate',
      'value',
      ...TWO,
      'confidence',
      'statistic',
      'method',
    ]);
    assert.equal(result.confidence, '95%, 99.8%');
  }
});

test('calculate_ISRatio reference: refvalue 1 and 100, two CIs (rows 7-12)', (t) => {
  const d = load(t, 'isr_input_multiarea.csv');
  if (!d) return;
  for (let i = 6; i < 12; i++) {
    const row = d.expected[i] as CsvRecord;
    const g = d.groups.get(row.area as string);
    assert.ok(g);
    const result = isRatio(g.x, g.n, d.xRef, d.nRef, {
      confidence: [0.95, 0.998],
      refvalue: i < 9 ? 1 : 100,
    });
    check(result, row, RATIO_KEYS, `row ${i + 1}`);
    assert.equal(row.ref_rate, '');
    assert.deepEqual(Object.keys(result), [
      'observed',
      'expected',
      'value',
      ...TWO,
      'confidence',
      'statistic',
      'method',
    ]);
  }
});

test('NA in x_ref counts as 0 (rows 1-3 and 7-9 unchanged)', (t) => {
  const d = load(t, 'isr_input_multiarea.csv');
  if (!d) return;
  const xRef = d.xRef.slice();
  xRef[2] = Number.NaN;
  for (let i = 0; i < 3; i++) {
    const row = d.expected[i] as CsvRecord;
    const g = d.groups.get(row.area as string) as { x: number[]; n: number[] };
    check(isRate(g.x, g.n, xRef, d.nRef, { confidence: [0.95, 0.998] }), row, RATE_KEYS, `rate row ${i + 1}`);
    const ratioRow = d.expected[i + 6] as CsvRecord;
    check(
      isRatio(g.x, g.n, xRef, d.nRef, { confidence: [0.95, 0.998] }),
      ratioRow,
      RATIO_KEYS,
      `ratio row ${i + 7}`,
    );
  }
});

test('observed totals instead of per-band counts (rows 1-3 and 7-9)', (t) => {
  const d = load(t, 'isr_input_multiarea.csv');
  const totalsFile = sharedPath(t, ...DIR, 'isr_observed_totals.csv');
  if (!d || !totalsFile) return;
  const totals = new Map(readCsv(totalsFile).map((r) => [r.area as string, num(r.total_count)]));
  assert.equal(totals.size, 3);
  for (let i = 0; i < 3; i++) {
    const row = d.expected[i] as CsvRecord;
    const g = d.groups.get(row.area as string) as { x: number[]; n: number[] };
    const observed = totals.get(row.area as string) as number;
    check(
      isRate(observed, g.n, d.xRef, d.nRef, { confidence: [0.95, 0.998] }),
      row,
      RATE_KEYS,
      `rate row ${i + 1}`,
    );
    const ratioRow = d.expected[i + 6] as CsvRecord;
    check(
      isRatio(observed, g.n, d.xRef, d.nRef, { confidence: [0.95, 0.998] }),
      ratioRow,
      RATIO_KEYS,
      `ratio row ${i + 7}`,
    );
  }
});

test('zero population in a band is allowed (rows 13-16, 95% only)', (t) => {
  const d = load(t, 'isr_input_zero_pop.csv');
  if (!d) return;
  for (let i = 12; i < 16; i++) {
    const row = d.expected[i] as CsvRecord;
    const g = d.groups.get(row.area as string);
    assert.ok(g);
    const result: Row =
      i < 14
        ? isRate(g.x, g.n, d.xRef, d.nRef)
        : isRatio(g.x, g.n, d.xRef, d.nRef, { confidence: 95, refvalue: 100 });
    const single = { ...row, lowercl: row.lower95_0cl ?? '', uppercl: row.upper95_0cl ?? '' };
    const keys = ['observed', 'expected', 'value', 'lowercl', 'uppercl', 'statistic', 'method'];
    check(result, single, i < 14 ? [...keys, 'ref_rate'] : keys, `row ${i + 1}`);
    assert.equal(result.confidence, '95%');
  }
});

/** The single-level lower limit of a result (a union of one- and two-level shapes). */
const lowercl = (result: object): number => (result as { lowercl: number }).lowercl;

test('hand-checkable ISR', () => {
  // Expected = 50/10000*1000 + 200/20000*2000 = 5 + 20 = 25; observed 42 (Byars).
  const ratio = isRatio([12, 30], [1000, 2000], [50, 200], [10000, 20000], { refvalue: 100 });
  assert.equal(ratio.observed, 42);
  assertClose(ratio.expected, 25, 1e-15, 'expected');
  assertClose(ratio.value, 168, 1e-15, 'value');
  assertClose(lowercl(ratio), (byarsLower(42) / 25) * 100, 1e-14, 'lower');
  assert.equal(ratio.statistic, 'indirectly standardised ratio x 100');
  assert.equal(ratio.method, 'Byars');
  const rate = isRate([2, 3], [1000, 2000], [50, 200], [10000, 20000], { multiplier: 1000 });
  assertClose(rate.ref_rate, (250 / 30000) * 1000, 1e-15, 'ref_rate');
  assertClose(rate.value, (5 / 25) * rate.ref_rate, 1e-15, 'rate value');
  assertClose(lowercl(rate), (qchisq(0.025, 10) / 2 / 25) * rate.ref_rate, 1e-14, 'exact lower');
  assert.equal(rate.method, 'Exact');
  assert.equal(rate.statistic, 'indirectly standardised rate per 1000');
  // Missing observed counts are ignored; a missing population counts as 0 in the expected events.
  const na = isRatio([12, Number.NaN], [1000, Number.NaN], [50, 200], [10000, 20000]);
  assert.equal(na.observed, 12);
  assertClose(na.expected, 5, 1e-15, 'NA pop');
  // A missing observed total gives NaN value, limits and method (R's NA).
  const missing = isRatio(Number.NaN, [1000], [50], [10000]);
  assert.ok(Number.isNaN(missing.value) && Number.isNaN(missing.method as number));
  // Zero observed: exact lower limit 0.
  assert.equal(lowercl(isRatio(0, [1000], [50], [10000])), 0);
});

test('invalid inputs raise R errors', () => {
  const n = [100, 100];
  const r = [5, 5];
  const p = [1000, 1000];
  throwsCode(
    () => isRatio([1, -1], n, r, p),
    'NEGATIVE_COUNT',
    'numerators must all be greater than or equal to zero',
  );
  throwsCode(
    () => isRate(-3, n, r, p),
    'NEGATIVE_COUNT',
    'numerators must all be greater than or equal to zero',
  );
  throwsCode(
    () => isRate([1, 1], [100, -1], r, p),
    'NEGATIVE_DENOMINATOR',
    'denominators must all be greater than or equal to zero',
  );
  throwsCode(
    () => isRatio([1, 1], n, [5], p),
    'LENGTH_MISMATCH',
    'x_ref length must equal number of rows in each group within data',
  );
  throwsCode(
    () => isRate([1, 1], n, r, [1000]),
    'LENGTH_MISMATCH',
    'n_ref length must equal number of rows in each group within data',
  );
  throwsCode(
    () => isRatio([1, 1], n, r, p, { confidence: [0.95, 0.98] }),
    'INVALID_CONFIDENCE_PAIR',
    'two confidence levels can only be produced if they are specified as 0.95 and 0.998',
  );
  throwsCode(
    () => isRate([1, 1], n, r, p, { confidence: [0.95, 0.998, 0.98] }),
    'TOO_MANY_CONFIDENCE_LEVELS',
    'a maximum of two confidence levels can be provided',
  );
});

test('property: lower <= value <= upper', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 50000 })), {
        minLength: 1,
        maxLength: 19,
      }),
      (cells) => {
        const x = cells.map((c) => c[0]);
        const n = cells.map((c) => c[1]);
        const xRef = cells.map((_, i) => 10 + i * 7);
        const nRef = cells.map((_, i) => 10000 + i * 100);
        const r = isRatio(x, n, xRef, nRef, { confidence: [0.95, 0.998] }) as Row;
        const v = r.value as number;
        if (!Number.isFinite(v)) return (r.expected as number) === 0;
        const lower = r.lower95_0cl as number;
        return (Number.isNaN(lower) || lower <= v) && v <= (r.upper95_0cl as number);
      },
    ),
  );
});
