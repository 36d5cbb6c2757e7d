import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { sharedPath } from '../../../test/support/shared-data.js';
import { qgamma } from '../src/distributions/qgamma.js';
import { qnorm } from '../src/distributions/qnorm.js';
import {
  type CompareInput,
  type CompareMethod,
  type CompareOptions,
  type ComparePolarity,
  compare,
  comparePercentile,
  compareQuantileBounds,
  compareSignificance,
  compareSpcLimits,
  StatsInputError,
} from '../src/index.js';
import { assertClose } from './support/assert-close.js';
import { num, readCsv } from './support/read-csv.js';

// Fingertips' tests give polarity as PolarityIds: 0 = RagLowIsGood, 1 = RagHighIsGood.
const LOW: ComparePolarity = 'low-is-good';
const HIGH: ComparePolarity = 'high-is-good';
const NA = Number.NaN;

function sig(area: CompareInput, bench: CompareInput | null, options: CompareOptions): string {
  return compare(area, bench, options).significance;
}

function assertCode(fn: () => unknown, code: string, wording?: string): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof StatsInputError, `expected StatsInputError, got ${String(e)}`);
    assert.equal(e.code, code);
    if (wording !== undefined) assert.ok(e.message.includes(wording), e.message);
    return true;
  });
}

describe('compare: single overlapping confidence intervals (Fingertips SingleOverlappingCIsComparatorTest)', () => {
  const single = (polarity: ComparePolarity): CompareOptions => ({ method: 'single-ci', polarity });

  test('TestSameExactly: benchmark equal to the value is Similar for both polarities', () => {
    const data = { value: 11, lowercl: 10, uppercl: 12 };
    assert.equal(sig(data, { value: 11 }, single(LOW)), 'Similar');
    assert.equal(sig(data, { value: 11 }, single(HIGH)), 'Similar');
  });

  test('TestSame: benchmark inside the interval', () => {
    assert.equal(sig({ value: 3.05, lowercl: 2.7, uppercl: 3.1 }, { value: 3.0 }, single(LOW)), 'Similar');
  });

  test('TestHigher: interval above the benchmark', () => {
    const data = { value: 3.3, lowercl: 3.2, uppercl: 3.5 };
    assert.equal(sig(data, { value: 3.0 }, single(LOW)), 'Worse');
    assert.equal(sig(data, { value: 3.0 }, single(HIGH)), 'Better');
  });

  test('TestLower: interval below the benchmark', () => {
    const data = { value: 2.5, lowercl: 2.2, uppercl: 2.8 };
    assert.equal(sig(data, { value: 3.0 }, single(LOW)), 'Better');
    assert.equal(sig(data, { value: 3.0 }, single(HIGH)), 'Worse');
  });

  test('TestMinusOneData / TestMinusOneParent / TestMinusOneBoth: a missing value is Not compared', () => {
    const missing = { value: NA, lowercl: NA, uppercl: NA };
    const data = { value: 2.5, lowercl: 2.2, uppercl: 2.8 };
    for (const p of [LOW, HIGH]) {
      assert.equal(sig(missing, { value: 3.0 }, single(p)), 'Not compared');
      assert.equal(sig(data, { value: NA }, single(p)), 'Not compared');
      assert.equal(sig(missing, { value: NA }, single(p)), 'Not compared');
    }
  });

  test('TestNoCIsOnLocalDataReturnNoneSignificance: either limit missing is Not compared', () => {
    const parent = { value: 3.0, lowercl: 3.0, uppercl: 3.0 };
    assert.equal(sig({ value: 4.0, lowercl: NA, uppercl: 4.1 }, parent, single(LOW)), 'Not compared');
    assert.equal(sig({ value: 4.0, lowercl: 4.0, uppercl: NA }, parent, single(LOW)), 'Not compared');
    assert.equal(sig({ value: 4.0, lowercl: NA, uppercl: NA }, parent, single(LOW)), 'Not compared');
    assert.equal(sig({ value: 4.0 }, parent, single(LOW)), 'Not compared');
  });
});

describe('compare: single CIs at one level (Fingertips SingleOverlappingCIsForOneCILevelComparatorTest)', () => {
  // That comparer reads the 95% columns (LowerCI95 / UpperCI95): here lower95_0cl / upper95_0cl.
  const single = (polarity: ComparePolarity): CompareOptions => ({
    method: 'single-ci',
    polarity,
    confidence: 95,
  });

  test('TestSameExactly, TestSame, TestHigher, TestLower', () => {
    assert.equal(sig({ value: 11, lower95_0cl: 10, upper95_0cl: 12 }, { value: 11 }, single(LOW)), 'Similar');
    assert.equal(
      sig({ value: 11, lower95_0cl: 10, upper95_0cl: 12 }, { value: 11 }, single(HIGH)),
      'Similar',
    );
    assert.equal(
      sig({ value: 3.05, lower95_0cl: 2.7, upper95_0cl: 3.1 }, { value: 3 }, single(LOW)),
      'Similar',
    );
    const higher = { value: 3.3, lower95_0cl: 3.2, upper95_0cl: 3.5 };
    assert.equal(sig(higher, { value: 3 }, single(LOW)), 'Worse');
    assert.equal(sig(higher, { value: 3 }, single(HIGH)), 'Better');
    const lower = { value: 2.5, lower95_0cl: 2.2, upper95_0cl: 2.8 };
    assert.equal(sig(lower, { value: 3 }, single(LOW)), 'Better');
    assert.equal(sig(lower, { value: 3 }, single(HIGH)), 'Worse');
  });

  test('TestMinusOneData / Parent / Both and TestNoCIsOnLocalDataReturnNoneSignificance', () => {
    const data = { value: 2.5, lower95_0cl: 2.2, upper95_0cl: 2.8 };
    assert.equal(sig({ value: NA }, { value: 3 }, single(LOW)), 'Not compared');
    assert.equal(sig(data, { value: NA }, single(HIGH)), 'Not compared');
    assert.equal(sig({ value: NA }, { value: NA }, single(HIGH)), 'Not compared');
    const parent = { value: 3.0, upper95_0cl: 3.0 };
    assert.equal(sig({ value: 4.0 }, parent, single(LOW)), 'Not compared');
    assert.equal(sig({ value: 4.0, lower95_0cl: 3.0 }, parent, single(LOW)), 'Not compared');
  });

  test('the level-specific columns win over lowercl/uppercl, which are the fallback', () => {
    const area = { value: 3.3, lowercl: 2.0, uppercl: 4.0, lower99_8cl: 3.1, upper99_8cl: 3.6 };
    // At 99.8% the 99.8 columns exclude 3.0; at 95% (no 95 columns) lowercl/uppercl include it.
    assert.equal(
      sig(area, { value: 3 }, { method: 'single-ci', polarity: HIGH, confidence: 0.998 }),
      'Better',
    );
    assert.equal(
      sig(area, { value: 3 }, { method: 'single-ci', polarity: HIGH, confidence: 0.95 }),
      'Similar',
    );
  });
});

describe('compare: single CIs at 95% and 99.8% (Fingertips SingleOverlappingCIsForTwoCILevelsComparerTest)', () => {
  const data = { lower99_8cl: 2.3, lower95_0cl: 2.5, value: 2.6, upper95_0cl: 2.7, upper99_8cl: 2.9 };
  const both = (polarity: ComparePolarity): CompareOptions => ({ method: 'single-ci-both-levels', polarity });

  test('Test_Benchmark_Value_Higher_Than_Upper_99_8: Best when low is good, Worst when high is good', () => {
    const low = compare(data, { value: 3.0 }, both(LOW));
    assert.deepEqual([low.significance, low.significance_code], ['Better (99.8%)', 5]);
    const high = compare(data, { value: 3.0 }, both(HIGH));
    assert.deepEqual([high.significance, high.significance_code], ['Worse (99.8%)', 4]);
    assert.equal(high.confidence, '95%, 99.8%');
  });

  test('Test_Benchmark_Value_Between_Upper_CIs', () => {
    assert.equal(sig(data, { value: 2.8 }, both(LOW)), 'Better (95%)');
    assert.equal(sig(data, { value: 2.8 }, both(HIGH)), 'Worse (95%)');
  });

  test('TestSame', () => {
    assert.equal(sig(data, { value: 2.6 }, both(LOW)), 'Similar');
    assert.equal(sig(data, { value: 2.6 }, both(HIGH)), 'Similar');
  });

  test('Test_Benchmark_Value_Between_Lower_CIs', () => {
    assert.equal(sig(data, { value: 2.4 }, both(LOW)), 'Worse (95%)');
    assert.equal(sig(data, { value: 2.4 }, both(HIGH)), 'Better (95%)');
  });

  test('Test_Benchmark_Value_Lower_Than_Upper_99_8', () => {
    assert.equal(sig(data, { value: 2.2 }, both(LOW)), 'Worse (99.8%)');
    assert.equal(sig(data, { value: 2.2 }, both(HIGH)), 'Better (99.8%)');
  });

  test('limits are inclusive: a benchmark on a 95% limit is Similar, on a 99.8% limit significant at 95% only', () => {
    assert.equal(sig(data, { value: 2.5 }, both(HIGH)), 'Similar');
    assert.equal(sig(data, { value: 2.7 }, both(HIGH)), 'Similar');
    assert.equal(sig(data, { value: 2.3 }, both(HIGH)), 'Better (95%)');
    assert.equal(sig(data, { value: 2.9 }, both(HIGH)), 'Worse (95%)');
  });

  test('no judgement labels Higher / Lower at each level', () => {
    const nj = both('no-judgement');
    assert.equal(sig(data, { value: 2.2 }, nj), 'Higher (99.8%)');
    assert.equal(sig(data, { value: 2.4 }, nj), 'Higher (95%)');
    assert.equal(sig(data, { value: 2.8 }, nj), 'Lower (95%)');
    assert.equal(sig(data, { value: 3.0 }, nj), 'Lower (99.8%)');
  });

  test('any of the four limits missing is Not compared', () => {
    for (const key of ['lower99_8cl', 'lower95_0cl', 'upper95_0cl', 'upper99_8cl'] as const) {
      assert.equal(sig({ ...data, [key]: NA }, { value: 3.0 }, both(HIGH)), 'Not compared', key);
    }
  });
});

describe('compare: double overlapping confidence intervals (Fingertips DoubleOverlappingCIsComparerTest)', () => {
  const dbl: CompareOptions = { method: 'double-ci', polarity: LOW };

  test('TestSame: overlapping intervals either way round', () => {
    let d1 = { value: 3.0, lowercl: 2.7, uppercl: 3.6 };
    const d2 = { value: 4.0, lowercl: 3.5, uppercl: 4.5 };
    assert.equal(sig(d2, d1, dbl), 'Similar');
    assert.equal(sig(d1, d2, dbl), 'Similar');
    d1 = { value: 3.0, lowercl: 2.7, uppercl: 4.1 };
    assert.equal(sig(d1, d2, dbl), 'Similar');
    assert.equal(sig(d2, d1, dbl), 'Similar');
  });

  test('TestDifferent: separate intervals', () => {
    const d1 = { value: 3.0, lowercl: 2.7, uppercl: 3.1 };
    const d2 = { value: 4.0, lowercl: 3.5, uppercl: 4.5 };
    assert.equal(sig(d2, d1, dbl), 'Worse');
    assert.equal(sig(d1, d2, dbl), 'Better');
  });

  test('TestNoCIsReturnNoneSignificance: a missing limit on either side', () => {
    const d2 = { value: 4.0, lowercl: 3.5, uppercl: 4.5 };
    for (const d1 of [
      { value: 3.0, lowercl: NA, uppercl: 3.1 },
      { value: 3.0, lowercl: 2.9, uppercl: NA },
    ]) {
      assert.equal(sig(d2, d1, dbl), 'Not compared');
      assert.equal(sig(d1, d2, dbl), 'Not compared');
    }
  });

  test('touching intervals overlap', () => {
    assert.equal(
      sig({ value: 2, lowercl: 1, uppercl: 3 }, { value: 4, lowercl: 3, uppercl: 5 }, dbl),
      'Similar',
    );
  });
});

describe('compare: SPC for DSRs (Fingertips SpcForDsrComparerTest)', () => {
  // Values taken by Fingertips from IndicatorId 501, MRSA per 100,000 population, 2011; low is good.
  const comparator = { value: 2.132708657734625 };
  const opts = (confidence: number): CompareOptions => ({
    method: 'spc-dsr',
    polarity: LOW,
    confidence,
    multiplier: 100000,
  });
  const cases: [string, CompareInput, string, string][] = [
    ['5PP Cambridgeshire PCT', { value: 1.1358436559886544, denominator: 616282 }, 'Better', 'Similar'],
    ['5PT Suffolk PCT', { value: 2.657913272289925, denominator: 601976 }, 'Similar', 'Similar'],
    ['5PG Birmingham and East PCT', { value: 4.1515156695295845, denominator: 409489 }, 'Worse', 'Similar'],
  ];
  for (const [name, data, at95, at998] of cases) {
    test(`TestCompare: ${name}`, () => {
      assert.equal(sig(data, comparator, opts(0.95)), at95);
      assert.equal(sig(data, comparator, opts(0.998)), at998);
    });
  }

  test('the denominator must be positive', () => {
    for (const denominator of [0, -1, NA]) {
      assert.equal(sig({ value: 5, denominator }, comparator, opts(0.95)), 'Not compared');
    }
    assert.equal(sig({ value: 5 }, comparator, opts(0.95)), 'Not compared');
  });

  test('the bisection limits agree with the exact Poisson (gamma) quantiles to its resolution', () => {
    // With population = multiplier the expected count is the benchmark value itself.
    const limits = (expected: number, confidence: number) =>
      compareSpcLimits(expected, 1e5, { method: 'spc-dsr', confidence, multiplier: 1e5 });
    // The bisection stops at a step of 6e-8 in v, where mean = (1 + E) v / (1 - v): the error in the mean is
    // at most about (1 + E) 6e-8 / (1 - v)².
    const near = (got: number, exact: number, expected: number, label: string) => {
      const v = exact / (exact + 1 + expected);
      const tolerance = (2 * (1 + expected) * 6e-8) / (1 - v) ** 2;
      assert.ok(Math.abs(got - exact) <= tolerance, `${label}: ${got} vs ${exact}`);
    };
    for (const expected of [1, 2, 5, 13, 100, 2500]) {
      for (const [confidence, p] of [
        [0.95, 0.025],
        [0.998, 0.001],
      ] as const) {
        const got = limits(expected, confidence);
        near(got.lower, qgamma(p, expected), expected, `lower ${expected} ${p}`);
        near(got.upper, qgamma(1 - p, expected + 1), expected, `upper ${expected} ${p}`);
      }
    }
    // A fractional expected count acts as the next whole count for the lower limit, the previous for the upper.
    near(limits(4.2, 0.95).lower, qgamma(0.025, 5), 4.2, 'lower 4.2');
    near(limits(4.2, 0.95).upper, qgamma(0.975, 5), 4.2, 'upper 4.2');
    // So an expected count below 1 still has the lower limit of 1 event: 0.0253 events.
    near(limits(0.02, 0.95).lower, qgamma(0.025, 1), 0.02, 'lower 0.02');
    assert.equal(
      compare(
        { value: 0.02, denominator: 1e5 },
        { value: 0.02 },
        { method: 'spc-dsr', polarity: HIGH, multiplier: 1e5 },
      ).significance,
      'Worse',
    );
  });

  test('a zero benchmark gives a zero lower limit and the Poisson upper limit for no events', () => {
    const limits = compareSpcLimits(0, 100000, { method: 'spc-dsr', confidence: 0.95 });
    assert.equal(limits.lower, 0);
    // No events: upper = -ln(0.025) = 3.689 events per 100,000.
    assertClose(limits.upper, -Math.log(0.025), 1e-6, 'upper');
    assert.equal(sig({ value: 0, denominator: 100000 }, { value: 0 }, opts(0.95)), 'Similar');
  });
});

describe('compare: SPC for proportions (Fingertips SpcForProportionsComparerTest)', () => {
  const opts = (confidence: number): CompareOptions => ({
    method: 'spc-proportion',
    polarity: LOW,
    confidence,
    multiplier: 100,
  });

  test('TestDenominatorInvalid: denominators 0 and -1 are Not compared', () => {
    for (const denominator of [0, -1]) {
      assert.equal(
        sig({ value: 10, lowercl: 11, uppercl: 12, denominator }, { value: 10 }, opts(0.95)),
        'Not compared',
      );
    }
  });

  test('TestComparisionWithDifferentConfidencesWhereSignifancesSame (IndicatorId 1, 2010)', () => {
    const comparator = { value: 8.9611086876279327 };
    const cases: [CompareInput, string][] = [
      [{ value: 7.7065767284991562, denominator: 5930 }, 'Better'],
      [{ value: 9.8988121425428961, denominator: 2273 }, 'Similar'],
      [{ value: 12.474645030425965, denominator: 1972 }, 'Worse'],
    ];
    for (const [data, expected] of cases) {
      assert.equal(sig(data, comparator, opts(0.95)), expected);
      assert.equal(sig(data, comparator, opts(0.998)), expected);
    }
  });

  test('TestComparisionWithDifferentConfidencesWhereSignifancesDifferent (IndicatorId 514, 2010)', () => {
    const comparator = { value: 12.8379546895717 };
    assert.equal(sig({ value: 10.9783420463032, denominator: 1339 }, comparator, opts(0.95)), 'Better');
    assert.equal(sig({ value: 10.9783420463032, denominator: 1339 }, comparator, opts(0.998)), 'Similar');
    assert.equal(sig({ value: 15.9065628476085, denominator: 899 }, comparator, opts(0.95)), 'Worse');
    assert.equal(sig({ value: 15.9065628476085, denominator: 899 }, comparator, opts(0.998)), 'Similar');
  });

  test('limits by hand: p0 = 0.1, N = 1000, 95%', () => {
    const z = qnorm(0.975);
    const e = 100;
    const b = z * Math.sqrt(z * z + 4 * e * (1 - e / 1000));
    const lower = (2 * e + z * z - b) / (2 * (1000 + z * z));
    const upper = (2 * e + z * z + b) / (2 * (1000 + z * z));
    const got = compareSpcLimits(10, 1000, { method: 'spc-proportion', multiplier: 100 });
    assertClose(got.lower, lower * 100, 1e-12, 'lower');
    assertClose(got.upper, upper * 100, 1e-12, 'upper');
    // The Wilson score interval for 100 of 1000: 8.29% to 12.02%.
    assert.equal(got.lower.toFixed(2), '8.29');
    assert.equal(got.upper.toFixed(2), '12.02');
  });

  test('an impossible benchmark (a proportion above 1 for the multiplier) is Not compared', () => {
    assert.equal(sig({ value: 50, denominator: 100 }, { value: 150 }, opts(0.95)), 'Not compared');
  });
});

describe('compare: quartiles and quintiles (Fingertips QuartilesComparerTest, QuintilesComparerTest)', () => {
  const oneToTen = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const q = (method: 'quartiles' | 'quintiles', values?: number[]): CompareOptions => ({
    method,
    polarity: 'no-judgement',
    ...(values === undefined ? {} : { values }),
  });

  test('Test_Category0IfValueCountLessThan5 / LessThan4, Test_Category0IfNoValues', () => {
    assert.equal(compare({ value: 1 }, null, q('quintiles', [1, 2, 3, 4])).significance_code, 0);
    assert.equal(compare({ value: 1 }, null, q('quartiles', [1, 2, 3])).significance_code, 0);
    assert.equal(compare({ value: 1 }, null, q('quintiles', [])).significance_code, 0);
    assert.equal(compare({ value: 1 }, null, q('quartiles', [])).significance, 'Not compared');
  });

  test('Test_Category0IfNoDataSet / Test_Category0IfNullValueList: no values at all is an input error here', () => {
    assertCode(() => compare({ value: 1 }, null, q('quintiles')), 'MISSING_QUANTILE_VALUES');
  });

  test('Test_GetCategories', () => {
    assert.equal(compare({ value: 1 }, null, q('quintiles', oneToTen)).significance_code, 1);
    assert.equal(compare({ value: 10 }, null, q('quintiles', oneToTen)).significance_code, 5);
    assert.equal(compare({ value: 1 }, null, q('quartiles', oneToTen)).significance_code, 1);
    assert.equal(compare({ value: 10 }, null, q('quartiles', oneToTen)).significance_code, 4);
  });

  test('Test_Significance0WhenDataIsNull: a missing value', () => {
    assert.equal(compare({ value: NA }, null, q('quintiles', oneToTen)).significance_code, 0);
  });

  test('QuintilesCalculatorTest / QuartilesCalculatorTest: bounds of 1..50', () => {
    const values = Array.from({ length: 50 }, (_, i) => i + 1);
    assert.deepEqual(compareQuantileBounds(values, 5), [1, 10.8, 20.6, 30.4, 40.2, 50]);
    assert.deepEqual(compareQuantileBounds(values, 4), [1, 13.25, 25.5, 37.75, 50]);
    assert.deepEqual(compareQuantileBounds([], 5), []);
  });

  test('labels by polarity (FingertipsNext naming) and category codes 1..5', () => {
    const labels = (polarity: ComparePolarity, method: 'quartiles' | 'quintiles'): string[] =>
      [1, 3, 5, 7, 10].map(
        (v) => compare({ value: v }, null, { method, polarity, values: oneToTen }).significance,
      );
    assert.deepEqual(labels(HIGH, 'quintiles'), ['Worst', 'Worse', 'Middle', 'Better', 'Best']);
    assert.deepEqual(labels(LOW, 'quintiles'), ['Best', 'Better', 'Middle', 'Worse', 'Worst']);
    assert.deepEqual(labels('no-judgement', 'quintiles'), ['Lowest', 'Low', 'Middle', 'High', 'Highest']);
    // Quartile bounds of 1..10 are 1, 3.25, 5.5, 7.75, 10.
    assert.deepEqual(labels(HIGH, 'quartiles'), ['Worst', 'Worst', 'Worse', 'Better', 'Best']);
    assert.deepEqual(labels(LOW, 'quartiles'), ['Best', 'Best', 'Better', 'Worse', 'Worst']);
    assert.deepEqual(labels('no-judgement', 'quartiles'), ['Lowest', 'Lowest', 'Low', 'High', 'Highest']);
  });

  test('a value on a bound belongs to the lower group; below the minimum is group 1; above the maximum throws', () => {
    // Quintile bounds of 1..10: 1, 2.8, 4.6, 6.4, 8.2, 10.
    assert.equal(compare({ value: 2.8 }, null, q('quintiles', oneToTen)).significance_code, 1);
    assert.equal(compare({ value: 2.81 }, null, q('quintiles', oneToTen)).significance_code, 2);
    assert.equal(compare({ value: -5 }, null, q('quintiles', oneToTen)).significance_code, 1);
    assertCode(
      () => compare({ value: 11 }, null, q('quintiles', oneToTen)),
      'VALUE_OUTSIDE_QUANTILE_BOUNDS',
      'Value does not fall within expected boundaries',
    );
  });

  test('precomputed bounds give the same categories; a wrong number of bounds throws', () => {
    const bounds = compareQuantileBounds(oneToTen, 5);
    for (const v of oneToTen) {
      assert.equal(
        compare({ value: v }, null, { method: 'quintiles', polarity: HIGH, bounds }).significance_code,
        compare({ value: v }, null, { method: 'quintiles', polarity: HIGH, values: oneToTen })
          .significance_code,
      );
    }
    assertCode(
      () => compare({ value: 1 }, null, { method: 'quintiles', polarity: HIGH, bounds: [1, 2, 3] }),
      'INVALID_QUANTILE_BOUNDS',
    );
  });

  test('missing values in the set are ignored', () => {
    assert.deepEqual(compareQuantileBounds([NA, ...oneToTen, NA], 4), compareQuantileBounds(oneToTen, 4));
  });

  test('comparePercentile: Excel PERCENTILE, rounded to 10 decimal places; NaN with 3 values or fewer', () => {
    assert.equal(comparePercentile(oneToTen, 0.25), 3.25);
    assert.equal(comparePercentile(oneToTen, 0), 1);
    assert.equal(comparePercentile(oneToTen, 1), 10);
    assert.equal(comparePercentile([0.1, 0.2, 0.3, 0.4], 0.5), 0.25);
    assert.ok(Number.isNaN(comparePercentile([1, 2, 3], 0.5)));
    assert.ok(Number.isNaN(comparePercentile(oneToTen, 1.5)));
  });
});

describe('compare: general rules', () => {
  test('NoComparisonComparerTest: method none is always Not compared', () => {
    const r = compare({ value: 1, lowercl: 0, uppercl: 2 }, { value: 5 }, { method: 'none', polarity: HIGH });
    assert.deepEqual(r, {
      significance: 'Not compared',
      significance_code: 0,
      method: 'No comparison',
      confidence: '',
    });
  });

  test('the result columns and their order', () => {
    const r = compare(
      { value: 3.3, lowercl: 3.2, uppercl: 3.5 },
      { value: 3 },
      { method: 'single-ci', polarity: HIGH },
    );
    assert.deepEqual(Object.keys(r), ['significance', 'significance_code', 'method', 'confidence']);
    assert.deepEqual(r, {
      significance: 'Better',
      significance_code: 3,
      method: 'Single overlapping confidence intervals',
      confidence: '95%',
    });
    const r998 = compare(
      { value: 3.3, lowercl: 3.2, uppercl: 3.5 },
      { value: 3 },
      {
        method: 'single-ci',
        polarity: HIGH,
        confidence: 99.8,
      },
    );
    assert.equal(r998.confidence, '99.8%');
  });

  test('a missing benchmark (null) is Not compared', () => {
    assert.equal(
      sig({ value: 3, lowercl: 2, uppercl: 4 }, null, { method: 'single-ci', polarity: HIGH }),
      'Not compared',
    );
  });

  test('invalid arguments throw with stable codes', () => {
    const area = { value: 3, lowercl: 2, uppercl: 4 };
    assertCode(
      () => compare(area, { value: 3 }, { method: 'bogus' as CompareMethod, polarity: HIGH }),
      'INVALID_METHOD',
    );
    assertCode(
      () => compare(area, { value: 3 }, { method: 'single-ci', polarity: 'up' as ComparePolarity }),
      'INVALID_POLARITY',
    );
    assertCode(
      () => compare(area, { value: 3 }, { method: 'single-ci', polarity: HIGH, confidence: 0.5 }),
      'CONFIDENCE_OUT_OF_RANGE',
      'confidence level must be between 90 and 100 or between 0.9 and 1',
    );
    assertCode(
      () => compare(area, { value: 3 }, { method: 'spc-dsr', polarity: HIGH, multiplier: 0 }),
      'INVALID_MULTIPLIER',
    );
  });

  test('compareSignificance maps directions to Fingertips codes', () => {
    assert.deepEqual(
      [-2, -1, 0, 1, 2].map((d) => compareSignificance(d, HIGH, true).significance_code),
      [4, 1, 2, 3, 5],
    );
    assert.deepEqual(
      [-2, -1, 0, 1, 2].map((d) => compareSignificance(d, LOW, true).significance_code),
      [5, 3, 2, 1, 4],
    );
    assert.equal(compareSignificance(NA, HIGH, false).significance, 'Not compared');
  });
});

describe('compare: properties', () => {
  const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true });
  const ciMethods = ['single-ci', 'double-ci', 'single-ci-both-levels'] as const;
  const swap: Record<string, string> = {
    Better: 'Worse',
    Worse: 'Better',
    'Better (95%)': 'Worse (95%)',
    'Worse (95%)': 'Better (95%)',
    'Better (99.8%)': 'Worse (99.8%)',
    'Worse (99.8%)': 'Better (99.8%)',
    Similar: 'Similar',
    'Not compared': 'Not compared',
  };
  const area = fc
    .tuple(finite, fc.double({ min: 0, max: 1e3, noNaN: true }), fc.double({ min: 0, max: 1e3, noNaN: true }))
    .map(([value, a, b]) => ({
      value,
      lowercl: value - a,
      uppercl: value + b,
      lower95_0cl: value - a,
      upper95_0cl: value + b,
      lower99_8cl: value - 2 * a,
      upper99_8cl: value + 2 * b,
    }));

  test('swapping high- and low-is-good swaps Better and Worse', () => {
    fc.assert(
      fc.property(area, area, fc.constantFrom(...ciMethods), (a, b, method) => {
        const high = sig(a, b, { method, polarity: HIGH });
        const low = sig(a, b, { method, polarity: LOW });
        assert.equal(low, swap[high]);
      }),
    );
  });

  test('no judgement says Higher where high-is-good says Better, with the same code', () => {
    fc.assert(
      fc.property(area, area, fc.constantFrom(...ciMethods), (a, b, method) => {
        const high = compare(a, b, { method, polarity: HIGH });
        const nj = compare(a, b, { method, polarity: 'no-judgement' });
        assert.equal(
          nj.significance,
          high.significance.replace('Better', 'Higher').replace('Worse', 'Lower'),
        );
        assert.equal(nj.significance_code, high.significance_code);
      }),
    );
  });

  test('an area compared with itself is Similar (interval methods)', () => {
    fc.assert(
      fc.property(area, fc.constantFrom(...ciMethods), fc.constantFrom(HIGH, LOW), (a, method, polarity) => {
        assert.equal(sig(a, a, { method, polarity }), 'Similar');
      }),
    );
  });

  test('an area compared with itself is Similar (SPC methods)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 99.999, noNaN: true }),
        fc.integer({ min: 1, max: 1e7 }),
        (percent, n) => {
          const a = { value: percent, denominator: n };
          assert.equal(sig(a, a, { method: 'spc-proportion', polarity: HIGH, multiplier: 100 }), 'Similar');
        },
      ),
    );
    // For DSRs this holds when at least one event is expected (or none at all): Fingertips' exact limits treat
    // a fraction of an event as one, whose lower limit (0.0253 events at 95%) can exceed the fraction.
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 5000, noNaN: true }),
        fc.integer({ min: 1, max: 1e7 }),
        fc.constantFrom(0.95, 0.998),
        (rate, n, confidence) => {
          fc.pre((rate * n) / 1e5 >= 1);
          const a = { value: rate, denominator: n };
          assert.equal(sig(a, a, { method: 'spc-dsr', polarity: HIGH, confidence }), 'Similar');
        },
      ),
      { numRuns: 60 },
    );
    assert.equal(
      sig({ value: 0, denominator: 10 }, { value: 0 }, { method: 'spc-dsr', polarity: HIGH }),
      'Similar',
    );
  });

  test('SPC limits bracket the benchmark and widen with confidence', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 99.99, noNaN: true }),
        fc.integer({ min: 1, max: 1e6 }),
        (percent, n) => {
          const l95 = compareSpcLimits(percent, n, { method: 'spc-proportion', multiplier: 100 });
          const l998 = compareSpcLimits(percent, n, {
            method: 'spc-proportion',
            multiplier: 100,
            confidence: 0.998,
          });
          assert.ok(
            l998.lower <= l95.lower &&
              l95.lower <= percent &&
              percent <= l95.upper &&
              l95.upper <= l998.upper,
          );
        },
      ),
    );
  });

  test('quantile categories never decrease as the value rises', () => {
    // Fingertips rounds percentiles to 10 decimal places, so values are kept to 3 here.
    const value = fc.integer({ min: -1e9, max: 1e9 }).map((i) => i / 1000);
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 5, maxLength: 40 }),
        fc.constantFrom('quartiles' as const, 'quintiles' as const),
        (values, method) => {
          const sorted = [...values].sort((x, y) => x - y);
          let previous = 0;
          for (const v of sorted) {
            const c = compare({ value: v }, null, { method, polarity: HIGH, values }).significance_code;
            assert.ok(c >= previous && c >= 1);
            previous = c;
          }
          const bounds = compareQuantileBounds(values, method === 'quintiles' ? 5 : 4);
          for (let i = 1; i < bounds.length; i++)
            assert.ok((bounds[i] as number) >= (bounds[i - 1] as number));
        },
      ),
    );
  });
});

describe('compare: Fingertips export (campylobacter, County & UA, 2015-2017)', () => {
  // Fingertips' own "Compared to England" / "Compared to Region" columns for indicator 93356, compared by
  // 95% single overlapping intervals, low is good.
  test('every England and region comparison in the export is reproduced', (t) => {
    const file = sharedPath(t, 'data', 'indicators', 'fingertips_export_campylobacter_2015_countyua.csv');
    if (!file) return;
    const rows = readCsv(file);
    const parentValue = new Map<string, number>();
    for (const r of rows) {
      if ((r['Area Type'] === 'Country' || r['Area Type'] === 'Region') && r['Category Type'] === '') {
        parentValue.set(`${r['Area Code']}|${r.Age}|${r['Time period']}`, num(r.Value));
      }
    }
    let compared = 0;
    for (const r of rows) {
      if (r['Area Type'] !== 'County & UA') continue;
      const area = {
        value: num(r.Value),
        lowercl: num(r['Lower CI 95.0 limit']),
        uppercl: num(r['Upper CI 95.0 limit']),
      };
      const options: CompareOptions = { method: 'single-ci', polarity: LOW, confidence: 95 };
      const england = parentValue.get(`E92000001|${r.Age}|${r['Time period']}`);
      assert.ok(england !== undefined);
      assert.equal(
        sig(area, { value: england }, options),
        r['Compared to England value or percentiles'],
        `${r['Area Code']} ${r.Age} ${r['Time period']} vs England`,
      );
      compared++;
      const region = parentValue.get(`${r['Parent Code']}|${r.Age}|${r['Time period']}`);
      // The export holds region rows for all ages only; the others were not compared with a region.
      if (region === undefined) {
        assert.equal(r['Compared to Region value or percentiles'], 'Not compared');
        continue;
      }
      assert.equal(
        sig(area, { value: region }, options),
        r['Compared to Region value or percentiles'],
        `${r['Area Code']} ${r.Age} ${r['Time period']} vs region`,
      );
      compared++;
    }
    assert.equal(compared, 760 + 456);
  });
});
