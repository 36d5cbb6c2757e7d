import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { sharedPath } from '../../../test/support/shared-data.js';
import {
  type ProportionResult,
  proportion,
  StatsInputError,
  wilsonLower,
  wilsonUpper,
} from '../src/index.js';
import { assertClose } from './support/assert-close.js';
import { type CsvRecord, num, readCsv } from './support/read-csv.js';

const DIR = ['validation', 'phe-indicator-methods', 'proportion'];

function throwsCode(fn: () => unknown, code: string, wording: string): void {
  assert.throws(
    fn,
    (e: unknown) => e instanceof StatsInputError && e.code === code && e.message.includes(wording),
  );
}

function field(result: ProportionResult, key: string): number {
  return (result as Record<string, number | string>)[key] as number;
}

test('phe_proportion reference: two CIs, multipliers 1 and 100, NA rows', (t) => {
  const file = sharedPath(t, ...DIR, 'phe_proportion_reference.csv');
  if (!file) return;
  const rows = readCsv(file);
  assert.equal(rows.length, 19);
  rows.forEach((row, i) => {
    const multiplier = num(row.multiplier);
    const result = proportion(num(row.Numerator), num(row.Denominator), {
      confidence: [0.95, 0.998],
      multiplier,
    });
    const label = `row ${i + 1}`;
    for (const key of ['value', 'lower95_0cl', 'upper95_0cl', 'lower99_8cl', 'upper99_8cl']) {
      assertClose(field(result, key), num(row[key]), 1e-9, `${label} ${key}`);
    }
    assert.deepEqual(Object.keys(result), [
      'value',
      'lower95_0cl',
      'upper95_0cl',
      'lower99_8cl',
      'upper99_8cl',
      'confidence',
      'statistic',
      'method',
    ]);
    assert.equal(result.statistic, row.statistic);
    assert.equal((result as { method: string }).method, row.method);
    assert.equal((result as { confidence: string }).confidence, '95%, 99.8%');
  });
});

test('phe_proportion reference: single-CI runs equal the matching columns', (t) => {
  const file = sharedPath(t, ...DIR, 'phe_proportion_reference.csv');
  if (!file) return;
  for (const [confidence, suffix, label] of [
    [0.95, '95_0cl', '95%'],
    [99.8, '99_8cl', '99.8%'],
  ] as const) {
    readCsv(file).forEach((row, i) => {
      const result = proportion(num(row.Numerator), num(row.Denominator), {
        confidence,
        multiplier: num(row.multiplier),
      });
      assert.deepEqual(Object.keys(result), [
        'value',
        'lowercl',
        'uppercl',
        'confidence',
        'statistic',
        'method',
      ]);
      assertClose(field(result, 'lowercl'), num(row[`lower${suffix}`]), 1e-9, `row ${i + 1} lowercl`);
      assertClose(field(result, 'uppercl'), num(row[`upper${suffix}`]), 1e-9, `row ${i + 1} uppercl`);
      assert.equal((result as { confidence: string }).confidence, label);
    });
  }
});

/** Sums numerator and denominator per Area as phe_proportion does for grouped data (NA propagates). */
function sumByArea(rows: CsvRecord[]): Map<string, { x: number; n: number }> {
  const groups = new Map<string, { x: number; n: number }>();
  for (const row of rows) {
    const area = row.Area as string;
    const g = groups.get(area) ?? { x: 0, n: 0 };
    g.x += num(row.Numerator);
    g.n += num(row.Denominator);
    groups.set(area, g);
  }
  return groups;
}

test('phe_proportion grouped by Area (caller sums x and n first)', (t) => {
  const reference = sharedPath(t, ...DIR, 'phe_proportion_reference.csv');
  const expectedFile = sharedPath(t, ...DIR, 'phe_proportion_grouped_expected.csv');
  if (!reference || !expectedFile) return;
  const groups = sumByArea(readCsv(reference));
  const expected = readCsv(expectedFile);
  assert.equal(expected.length, groups.size);
  for (const row of expected) {
    const g = groups.get(row.Area as string);
    assert.ok(g, row.Area);
    assert.equal(g.x, num(row.Numerator));
    assertClose(g.n, num(row.Denominator), 0, `${row.Area} n`);
    const result = proportion(g.x, g.n, { confidence: 0.95 });
    for (const key of ['value', 'lowercl', 'uppercl']) {
      assertClose(field(result, key), num(row[key]), 1e-9, `${row.Area} ${key}`);
    }
    assert.equal(result.statistic, row.statistic);
    assert.equal((result as { confidence: string }).confidence, row.confidence);
  }
});

test('hand-checkable proportions', () => {
  const r = proportion(65, 100);
  assert.equal(r.value, 0.65);
  assert.equal(field(r, 'lowercl'), wilsonLower(65, 100));
  assert.equal(field(r, 'uppercl'), wilsonUpper(65, 100));
  assert.equal(r.statistic, 'proportion of 1');
  const pct = proportion(1, 4, { multiplier: 100 });
  assert.equal(pct.value, 25);
  assert.equal(pct.statistic, 'percentage');
  assert.equal(proportion(1, 4, { multiplier: 1000 }).statistic, 'proportion of 1000');
  // R pastes the multiplier with as.character, so 1e5 prints in scientific form.
  assert.equal(proportion(1, 4, { multiplier: 1e5 }).statistic, 'proportion of 1e+05');
  // x = 0 and x = n.
  const none = proportion(0, 50);
  assert.equal(none.value, 0);
  assertClose(field(none, 'lowercl'), 0, 1e-15, 'x = 0 lower');
  const all = proportion(50, 50);
  assert.equal(all.value, 1);
  assertClose(field(all, 'uppercl'), 1, 1e-15, 'x = n upper');
  // Confidence 1 gives the whole range.
  const certain = proportion(3, 10, { confidence: 100 });
  assert.equal(field(certain, 'lowercl'), 0);
  assert.equal(field(certain, 'uppercl'), 1);
  assert.equal((certain as { confidence: string }).confidence, '100%');
});

test('confidence NA gives value and statistic only, as R', () => {
  const r = proportion(3, 10, { confidence: Number.NaN, multiplier: 100 });
  assert.deepEqual(r, { value: 30, statistic: 'percentage' });
  assert.deepEqual(Object.keys(proportion(3, 10, { confidence: [Number.NaN] })), ['value', 'statistic']);
});

test('invalid arguments raise R errors', () => {
  throwsCode(() => proportion(-1, 10), 'NEGATIVE_COUNT', 'numerators must be greater than or equal to zero');
  throwsCode(() => proportion(1, 0), 'NON_POSITIVE_DENOMINATOR', 'denominators must be greater than zero');
  throwsCode(() => proportion(1, -3), 'NON_POSITIVE_DENOMINATOR', 'denominators must be greater than zero');
  throwsCode(
    () => proportion(11, 10),
    'X_GREATER_THAN_N',
    'numerators must be less than or equal to denominator for a proportion statistic',
  );
  throwsCode(
    () => proportion(1, 10, { confidence: 0.8 }),
    'CONFIDENCE_OUT_OF_RANGE',
    'confidence level, if specified, must be between 90 and 100 or between 0.9 and 1',
  );
  throwsCode(
    () => proportion(1, 10, { confidence: 130 }),
    'CONFIDENCE_OUT_OF_RANGE',
    'confidence level, if specified, must be between 90 and 100 or between 0.9 and 1',
  );
  throwsCode(
    () => proportion(1, 10, { confidence: [0.95, 0.998, 0.8] }),
    'TOO_MANY_CONFIDENCE_LEVELS',
    'a maximum of two confidence levels can be provided',
  );
  throwsCode(
    () => proportion(1, 10, { confidence: [0.95, 0.98] }),
    'INVALID_CONFIDENCE_PAIR',
    'two confidence levels can only be produced if they are specified as 0.95 and 0.998',
  );
});

test('property: lower <= value <= upper, and x = n gives 1 with upper 1', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 10_000_000 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.constantFrom<number | number[]>(0.95, 99.8, [0.95, 0.998]),
      (n, share, confidence) => {
        const x = Math.round(n * share);
        const r = proportion(x, n, { confidence }) as Record<string, number | string>;
        const value = r.value as number;
        const pairs = Array.isArray(confidence)
          ? [
              ['lower95_0cl', 'upper95_0cl'],
              ['lower99_8cl', 'upper99_8cl'],
            ]
          : [['lowercl', 'uppercl']];
        return pairs.every(
          ([lo, hi]) =>
            (r[lo as string] as number) <= value + 1e-15 && value <= (r[hi as string] as number) + 1e-15,
        );
      },
    ),
  );
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 10_000_000 }), (n) => {
      const r = proportion(n, n) as Record<string, number | string>;
      return r.value === 1 && Math.abs((r.uppercl as number) - 1) < 1e-15;
    }),
  );
});
