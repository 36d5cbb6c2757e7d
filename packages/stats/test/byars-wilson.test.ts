import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { sharedPath } from '../../../test/support/shared-data.js';
import { byarsLower, byarsUpper, qnorm, StatsInputError, wilsonLower, wilsonUpper } from '../src/index.js';
import { assertClose } from './support/assert-close.js';
import { num, readCsv } from './support/read-csv.js';

function throwsCode(fn: () => unknown, code: string, wording: string): void {
  assert.throws(
    fn,
    (e: unknown) => e instanceof StatsInputError && e.code === code && e.message.includes(wording),
  );
}

const levelOf = (text: string | undefined): number => (text === '95%' ? 0.95 : 99.8);

test('byars_wilson reference: every row to 1e-9', (t) => {
  const file = sharedPath(
    t,
    'validation',
    'phe-indicator-methods',
    'byars_wilson',
    'byars_wilson_reference.csv',
  );
  if (!file) return;
  const rows = readCsv(file);
  assert.equal(rows.length, 13);
  rows.forEach((row, i) => {
    const x = num(row.x);
    const level = levelOf(row.confidence);
    const label = `row ${i + 1}`;
    if (row.method === 'Byars') {
      assertClose(byarsLower(x, level), num(row.lowercl), 1e-9, `${label} lower`);
      assertClose(byarsUpper(x, level), num(row.uppercl), 1e-9, `${label} upper`);
    } else {
      const n = num(row.n);
      assertClose(wilsonLower(x, n, level), num(row.lowercl), 1e-9, `${label} lower`);
      assertClose(wilsonUpper(x, n, level), num(row.uppercl), 1e-9, `${label} upper`);
    }
  });
});

test("Byar's limits by hand", () => {
  const z = qnorm(0.975);
  const x = 20;
  assertClose(byarsLower(x), x * (1 - 1 / (9 * x) - z / (3 * Math.sqrt(x))) ** 3, 1e-15, 'lower 20');
  assertClose(
    byarsUpper(x),
    (x + 1) * (1 - 1 / (9 * (x + 1)) + z / (3 * Math.sqrt(x + 1))) ** 3,
    1e-15,
    'upper 20',
  );
  // 0.95 and 95 are the same level.
  assert.equal(byarsLower(65, 95), byarsLower(65, 0.95));
  // A negative lower limit is NaN (R's NA); x = 0 gives NaN as in R; NaN propagates.
  assert.ok(Number.isNaN(byarsLower(1, 0.998)));
  assert.ok(Number.isNaN(byarsLower(0)));
  assert.ok(Number.isNaN(byarsUpper(Number.NaN)));
  assertClose(byarsUpper(0), (1 - 1 / 9 + z / 3) ** 3, 1e-15, 'upper 0');
});

test('Wilson limits by hand and at the edges', () => {
  const z = qnorm(0.975);
  const x = 3;
  const n = 10;
  const centre = 2 * x + z * z;
  const spread = z * Math.sqrt(z * z + 4 * x * (1 - x / n));
  assertClose(wilsonLower(x, n), (centre - spread) / 2 / (n + z * z), 1e-15, 'lower');
  assertClose(wilsonUpper(x, n), (centre + spread) / 2 / (n + z * z), 1e-15, 'upper');
  // Confidence 1 (or 100) gives 0 and 1.
  assert.equal(wilsonLower(3, 10, 1), 0);
  assert.equal(wilsonUpper(3, 10, 1), 1);
  assert.equal(wilsonLower(3, 10, 100), 0);
  assert.equal(wilsonUpper(3, 10, 100), 1);
  // x = 0 has lower 0; x = n has upper 1.
  assertClose(wilsonLower(0, 10), 0, 1e-15, 'x = 0');
  assertClose(wilsonUpper(10, 10), 1, 1e-15, 'x = n');
  assert.ok(Number.isNaN(wilsonLower(Number.NaN, 10)));
});

test('invalid arguments raise R errors', () => {
  throwsCode(
    () => byarsLower(-1),
    'NEGATIVE_COUNT',
    'observed events must all be greater than or equal to zero',
  );
  throwsCode(
    () => byarsUpper(-1),
    'NEGATIVE_COUNT',
    'observed events must all be greater than or equal to zero',
  );
  throwsCode(
    () => byarsLower(5, 0.5),
    'CONFIDENCE_OUT_OF_RANGE',
    'confidence level must be between 90 and 100',
  );
  throwsCode(
    () => byarsUpper(5, 101),
    'CONFIDENCE_OUT_OF_RANGE',
    'confidence level must be between 90 and 100',
  );
  throwsCode(
    () => wilsonLower(-1, 5),
    'NEGATIVE_COUNT',
    'observed events must all be greater than or equal to zero',
  );
  throwsCode(() => wilsonUpper(1, -5), 'NEGATIVE_SAMPLE_SIZE', 'sample sizes must all be greater than zero');
  throwsCode(
    () => wilsonLower(6, 5),
    'X_GREATER_THAN_N',
    'numerators must be less than or equal to denominator for a Wilson score to be calculated',
  );
  throwsCode(() => wilsonUpper(1, 5, 50), 'CONFIDENCE_OUT_OF_RANGE', 'between 90 and 100');
});

test('property: limits bracket the estimate', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.constantFrom(0.9, 0.95, 0.99, 0.998), (x, c) => {
      const lower = byarsLower(x, c);
      return (Number.isNaN(lower) || lower <= x) && x <= byarsUpper(x, c);
    }),
  );
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 1_000_000 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.constantFrom(0.9, 0.95, 0.998),
      (n, share, c) => {
        const x = Math.round(n * share);
        const lo = wilsonLower(x, n, c);
        const hi = wilsonUpper(x, n, c);
        const p = x / n;
        return lo >= -1e-15 && lo <= p + 1e-15 && p <= hi + 1e-15 && hi <= 1 + 1e-15;
      },
    ),
  );
});
