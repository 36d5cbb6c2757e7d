import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { sharedPath } from '../../../test/support/shared-data.js';
import { byarsLower, byarsUpper, qchisq, type RateResult, rate, StatsInputError } from '../src/index.js';
import { assertClose } from './support/assert-close.js';
import { type CsvRecord, num, readCsv } from './support/read-csv.js';

const DIR = ['validation', 'phe-indicator-methods', 'rate'];

function throwsCode(fn: () => unknown, code: string, wording: string): void {
  assert.throws(
    fn,
    (e: unknown) => e instanceof StatsInputError && e.code === code && e.message.includes(wording),
  );
}

function field(result: RateResult, key: string): number {
  return (result as Record<string, number | string>)[key] as number;
}

/** R's NA method is NaN here; the CSV writes it as an empty field. */
function methodText(result: RateResult): string {
  return typeof result.method === 'number' ? '' : result.method;
}

test('phe_rate reference: two CIs, multipliers 100 and 1e5, NA rows, x > n', (t) => {
  const file = sharedPath(t, ...DIR, 'phe_rate_reference.csv');
  if (!file) return;
  const rows = readCsv(file);
  assert.equal(rows.length, 20);
  rows.forEach((row, i) => {
    const result = rate(num(row.Numerator), num(row.Denominator), {
      confidence: [0.95, 0.998],
      multiplier: num(row.multiplier),
    });
    for (const key of ['value', 'lower95_0cl', 'upper95_0cl', 'lower99_8cl', 'upper99_8cl']) {
      assertClose(field(result, key), num(row[key]), 1e-9, `row ${i + 1} ${key}`);
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
    assert.equal(methodText(result), row.method);
    assert.equal(result.confidence, '95%, 99.8%');
  });
});

test('phe_rate reference: single-CI runs equal the matching columns', (t) => {
  const file = sharedPath(t, ...DIR, 'phe_rate_reference.csv');
  if (!file) return;
  for (const [confidence, suffix, label] of [
    [95, '95_0cl', '95%'],
    [0.998, '99_8cl', '99.8%'],
  ] as const) {
    readCsv(file).forEach((row, i) => {
      const result = rate(num(row.Numerator), num(row.Denominator), {
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
      assert.equal(result.confidence, label);
    });
  }
});

function sumByArea(rows: CsvRecord[]): Map<string, { x: number; n: number }> {
  const groups = new Map<string, { x: number; n: number }>();
  for (const row of rows) {
    const g = groups.get(row.Area as string) ?? { x: 0, n: 0 };
    g.x += num(row.Numerator);
    g.n += num(row.Denominator);
    groups.set(row.Area as string, g);
  }
  return groups;
}

test('phe_rate grouped by Area (caller sums x and n first)', (t) => {
  const reference = sharedPath(t, ...DIR, 'phe_rate_reference.csv');
  const expectedFile = sharedPath(t, ...DIR, 'phe_rate_grouped_expected.csv');
  if (!reference || !expectedFile) return;
  const groups = sumByArea(readCsv(reference));
  const expected = readCsv(expectedFile);
  assert.equal(expected.length, groups.size);
  for (const row of expected) {
    const g = groups.get(row.Area as string);
    assert.ok(g, row.Area);
    const result = rate(g.x, g.n);
    for (const key of ['value', 'lowercl', 'uppercl']) {
      assertClose(field(result, key), num(row[key]), 1e-9, `${row.Area} ${key}`);
    }
    assert.equal(result.statistic, row.statistic);
    assert.equal(methodText(result), row.method);
  }
});

test('hand-checkable rates: exact below 10, Byars from 10', () => {
  const small = rate(3, 1000, { multiplier: 1000 });
  assert.equal(small.value, 3);
  assert.equal(small.method, 'Exact');
  assertClose(field(small, 'lowercl'), qchisq(0.025, 6) / 2, 1e-15, 'exact lower');
  assertClose(field(small, 'uppercl'), qchisq(0.975, 8) / 2, 1e-15, 'exact upper');
  const big = rate(10, 1000, { multiplier: 1000 });
  assert.equal(big.method, 'Byars');
  assertClose(field(big, 'lowercl'), byarsLower(10), 1e-14, 'byars lower');
  assertClose(field(big, 'uppercl'), byarsUpper(10), 1e-14, 'byars upper');
  // x = 0: lower limit 0, upper -log(0.025) per n.
  const zero = rate(0, 100, { multiplier: 100 });
  assert.equal(field(zero, 'lowercl'), 0);
  assertClose(field(zero, 'uppercl'), -Math.log(0.025), 1e-14, 'zero upper');
  assert.equal(rate(1, 2).statistic, 'rate per 100000');
  assert.equal(rate(1, 2, { multiplier: 1e6 }).statistic, 'rate per 1000000');
  assert.equal(rate(1, 2, { multiplier: 0.5 }).statistic, 'rate per 0.5');
  const missing = rate(Number.NaN, 100);
  assert.ok(Number.isNaN(missing.value) && Number.isNaN(missing.method as number));
});

test('invalid arguments raise R errors', () => {
  throwsCode(() => rate(-65, 100), 'NEGATIVE_COUNT', 'numerators must be greater than or equal to zero');
  throwsCode(() => rate(65, -100), 'NON_POSITIVE_DENOMINATOR', 'denominators must be greater than zero');
  throwsCode(() => rate(65, 0), 'NON_POSITIVE_DENOMINATOR', 'denominators must be greater than zero');
  throwsCode(
    () => rate(65, 100, { confidence: 20 }),
    'CONFIDENCE_OUT_OF_RANGE',
    'confidence level must be between 90 and 100 or between 0.9 and 1',
  );
  throwsCode(
    () => rate(65, 100, { confidence: [0.9, 0.95, 0.998] }),
    'TOO_MANY_CONFIDENCE_LEVELS',
    'a maximum of two confidence levels can be provided',
  );
  throwsCode(
    () => rate(65, 100, { confidence: [0.9, 0.998] }),
    'INVALID_CONFIDENCE_PAIR',
    'two confidence levels can only be produced if they are specified as 0.95 and 0.998',
  );
});

test('property: lower <= value <= upper', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 5_000_000 }),
      fc.integer({ min: 1, max: 10_000_000 }),
      fc.constantFrom<number | number[]>(0.95, 0.998, [0.95, 0.998]),
      (x, n, confidence) => {
        const r = rate(x, n, { confidence }) as Record<string, number | string>;
        const value = r.value as number;
        const pairs = Array.isArray(confidence)
          ? [
              ['lower95_0cl', 'upper95_0cl'],
              ['lower99_8cl', 'upper99_8cl'],
            ]
          : [['lowercl', 'uppercl']];
        return pairs.every(([lo, hi]) => {
          const lower = r[lo as string] as number;
          return (Number.isNaN(lower) || lower <= value) && value <= (r[hi as string] as number);
        });
      },
    ),
  );
});
