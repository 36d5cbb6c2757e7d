import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { sharedPath } from '../../../test/support/shared-data.js';
import { type MeanResult, mean, qt, StatsInputError } from '../src/index.js';
import { assertClose } from './support/assert-close.js';
import { num, readCsv } from './support/read-csv.js';

const DIR = ['validation', 'phe-indicator-methods', 'mean'];

function field(result: MeanResult, key: string): number {
  return (result as Record<string, number | string>)[key] as number;
}

function groupsOf(t: Parameters<typeof sharedPath>[0]): Map<string, number[]> | null {
  const file = sharedPath(t, ...DIR, 'phe_mean_input.csv');
  if (!file) return null;
  const groups = new Map<string, number[]>([['No grouping', []]]);
  for (const row of readCsv(file)) {
    const v = num(row.values);
    const list = groups.get(row.area as string) ?? [];
    list.push(v);
    groups.set(row.area as string, list);
    groups.get('No grouping')?.push(v);
  }
  return groups;
}

const COLUMNS = ['value_sum', 'value_count', 'stdev', 'value'];

test('phe_mean reference: grouped by area and ungrouped, two CIs', (t) => {
  const groups = groupsOf(t);
  const expectedFile = sharedPath(t, ...DIR, 'phe_mean_expected.csv');
  if (!groups || !expectedFile) return;
  const expected = readCsv(expectedFile);
  assert.equal(expected.length, 3);
  for (const row of expected) {
    const values = groups.get(row.area as string);
    assert.ok(values, row.area);
    const result = mean(values, { confidence: [0.95, 0.998] });
    for (const key of [...COLUMNS, 'lower95_0cl', 'upper95_0cl', 'lower99_8cl', 'upper99_8cl']) {
      assertClose(field(result, key), num(row[key]), 1e-9, `${row.area} ${key}`);
    }
    assert.deepEqual(Object.keys(result), [
      ...COLUMNS,
      'lower95_0cl',
      'upper95_0cl',
      'lower99_8cl',
      'upper99_8cl',
      'confidence',
      'statistic',
      'method',
    ]);
    assert.equal(result.statistic, row.statistic);
    assert.equal(result.method, row.method);
    assert.equal(result.confidence, '95%, 99.8%');
  }
});

test('phe_mean reference: single-CI runs equal the matching columns', (t) => {
  const groups = groupsOf(t);
  const expectedFile = sharedPath(t, ...DIR, 'phe_mean_expected.csv');
  if (!groups || !expectedFile) return;
  for (const row of readCsv(expectedFile)) {
    const values = groups.get(row.area as string) as number[];
    const r95 = mean(values);
    assert.deepEqual(Object.keys(r95), [
      ...COLUMNS,
      'lowercl',
      'uppercl',
      'confidence',
      'statistic',
      'method',
    ]);
    assertClose(field(r95, 'lowercl'), num(row.lower95_0cl), 1e-9, `${row.area} lowercl 95`);
    assertClose(field(r95, 'uppercl'), num(row.upper95_0cl), 1e-9, `${row.area} uppercl 95`);
    const r998 = mean(values, { confidence: 99.8 });
    assertClose(field(r998, 'lowercl'), num(row.lower99_8cl), 1e-9, `${row.area} lowercl 99.8`);
    assertClose(field(r998, 'uppercl'), num(row.upper99_8cl), 1e-9, `${row.area} uppercl 99.8`);
    assert.equal(r998.confidence, '99.8%');
  }
});

test('hand-checkable mean', () => {
  const r = mean([30, 40, 50, 60]);
  assert.equal(r.value_sum, 180);
  assert.equal(r.value_count, 4);
  assert.equal(r.value, 45);
  assertClose(r.stdev, Math.sqrt(500 / 3), 1e-15, 'sd');
  const half = qt(0.975, 3) * (Math.sqrt(500 / 3) / 2);
  assertClose(field(r, 'lowercl'), 45 - half, 1e-15, 'lower');
  assertClose(field(r, 'uppercl'), 45 + half, 1e-15, 'upper');
  assert.equal(r.statistic, 'mean');
  assert.equal(r.method, "Student's t-distribution");
});

test('edge cases: one value, NA value, identical values', () => {
  const warnings: string[] = [];
  const one = mean([7], { onWarning: (m) => warnings.push(m) });
  assert.deepEqual(warnings, ['NaNs produced']);
  assert.equal(one.value, 7);
  assert.equal(one.value_count, 1);
  assert.ok(
    Number.isNaN(one.stdev) && Number.isNaN(field(one, 'lowercl')) && Number.isNaN(field(one, 'uppercl')),
  );
  const withNa = mean([1, Number.NaN, 3]);
  assert.equal(withNa.value_count, 3);
  assert.ok(Number.isNaN(withNa.value_sum) && Number.isNaN(withNa.value) && Number.isNaN(withNa.stdev));
  const flat = mean([5, 5, 5]);
  assert.equal(flat.stdev, 0);
  assert.equal(field(flat, 'lowercl'), 5);
  assert.equal(field(flat, 'uppercl'), 5);
});

test('invalid confidence raises R errors', () => {
  assert.throws(
    () => mean([1, 2], { confidence: 0.5 }),
    (e: unknown) => e instanceof StatsInputError && e.code === 'CONFIDENCE_OUT_OF_RANGE',
  );
  assert.throws(
    () => mean([1, 2], { confidence: [0.95, 0.99] }),
    (e: unknown) =>
      e instanceof StatsInputError &&
      e.message === 'two confidence levels can only be produced if they are specified as 0.95 and 0.998',
  );
});

test('property: lower <= value <= upper, wider at 99.8%', () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 60 }),
      (values) => {
        const r = mean(values, { confidence: [0.95, 0.998] }) as Record<string, number | string>;
        const v = r.value as number;
        const tol = 1e-9 * (Math.abs(v) + 1);
        return (
          (r.lower99_8cl as number) <= (r.lower95_0cl as number) + tol &&
          (r.lower95_0cl as number) <= v + tol &&
          v <= (r.upper95_0cl as number) + tol &&
          (r.upper95_0cl as number) <= (r.upper99_8cl as number) + tol
        );
      },
    ),
  );
});
