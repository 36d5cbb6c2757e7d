import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  type CompareInput,
  type ComparePolarity,
  type CompareTarget,
  compareToTarget,
  StatsInputError,
} from '../src/index.js';

const LOW: ComparePolarity = 'low-is-good';
const HIGH: ComparePolarity = 'high-is-good';
const NA = Number.NaN;

function sig(area: CompareInput, target: CompareTarget, polarity: ComparePolarity): string {
  return compareToTarget(area, target, polarity).significance;
}

function assertCode(fn: () => unknown, code: string, wording?: string): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof StatsInputError, `expected StatsInputError, got ${String(e)}`);
    assert.equal(e.code, code);
    if (wording !== undefined) assert.ok(e.message.includes(wording), e.message);
    return true;
  });
}

describe('compareToTarget: single value (Fingertips SingleValueTargetComparerTest)', () => {
  const goal = { value: 10 };

  test('TestCompareRagLowIsGood: at or below the goal is Better', () => {
    assert.equal(sig({ value: 9 }, goal, LOW), 'Better');
    assert.equal(sig({ value: 10 }, goal, LOW), 'Better');
    assert.equal(sig({ value: 11 }, goal, LOW), 'Worse');
  });

  test('TestCompareRagHighIsGood: at or above the goal is Better', () => {
    assert.equal(sig({ value: 9 }, goal, HIGH), 'Worse');
    assert.equal(sig({ value: 10 }, goal, HIGH), 'Better');
    assert.equal(sig({ value: 11 }, goal, HIGH), 'Better');
  });

  const ciGoal = { value: 10, useConfidenceIntervals: true };
  // Fingertips' CoreDataSet defaults Value to 0, a valid value; here the value is given explicitly.
  test('TestCompareRagLowIsGoodForCIsComparison', () => {
    assert.equal(sig({ value: 8.5, lower95_0cl: 8, upper95_0cl: 9 }, ciGoal, LOW), 'Better');
    assert.equal(sig({ value: 10, lower95_0cl: 9, upper95_0cl: 11 }, ciGoal, LOW), 'Similar');
    assert.equal(sig({ value: 11.5, lower95_0cl: 11, upper95_0cl: 12 }, ciGoal, LOW), 'Worse');
  });

  test('TestCompareRagHighIsGoodForCIsComparison', () => {
    assert.equal(sig({ value: 8.5, lower95_0cl: 8, upper95_0cl: 9 }, ciGoal, HIGH), 'Worse');
    assert.equal(sig({ value: 10, lower95_0cl: 9, upper95_0cl: 11 }, ciGoal, HIGH), 'Similar');
    assert.equal(sig({ value: 11.5, lower95_0cl: 11, upper95_0cl: 12 }, ciGoal, HIGH), 'Better');
  });

  test('TestUseCIsComparisonWhenNoCIs', () => {
    assert.equal(sig({ value: 0 }, ciGoal, LOW), 'Not compared');
  });

  test('TestUseCIsComparisonWhenCIsEqualLimit: an interval of exactly the goal is on the high side', () => {
    assert.equal(sig({ value: 10, lower95_0cl: 10, upper95_0cl: 10 }, ciGoal, LOW), 'Worse');
  });

  test('lowercl / uppercl are used when the 95% columns are absent', () => {
    const r = compareToTarget({ value: 8.5, lowercl: 8, uppercl: 9 }, ciGoal, HIGH);
    assert.deepEqual(r, {
      significance: 'Worse',
      significance_code: 1,
      method: 'Target: single value (95% confidence interval)',
      confidence: '95%',
    });
  });
});

describe('compareToTarget: range (Fingertips RangeTargetComparerTest)', () => {
  const range = { lower: 1, upper: 2 };

  test('TestExceptionThrownIfLowerLimitGreaterThanUpperLimit', () => {
    assertCode(
      () => compareToTarget({ value: 1 }, { lower: 2, upper: 1 }, HIGH),
      'TARGET_LOWER_GREATER_THAN_UPPER',
      'Lower limit cannot be greater than upper limit',
    );
  });

  test('TestLowerLimitAllowedToEqualUpperLimit', () => {
    assert.equal(sig({ value: 1 }, { lower: 1, upper: 1 }, HIGH), 'Better');
    assert.equal(sig({ value: 0.5 }, { lower: 1, upper: 1 }, HIGH), 'Worse');
  });

  test('TestHighIsGoodPolarity', () => {
    assert.deepEqual(
      [0, 1, 1.5, 2, 3].map((value) => sig({ value }, range, HIGH)),
      ['Worse', 'Similar', 'Similar', 'Better', 'Better'],
    );
  });

  test('TestLowIsGoodPolarity', () => {
    assert.deepEqual(
      [0, 1, 2, 3].map((value) => sig({ value }, range, LOW)),
      ['Better', 'Similar', 'Worse', 'Worse'],
    );
  });

  test('TestNoComparisonIsMade (TargetComparerTest): a missing value is Not compared', () => {
    assert.equal(sig({ value: NA }, range, LOW), 'Not compared');
    assert.equal(sig({ value: NA }, { value: 10 }, LOW), 'Not compared');
  });

  test('no judgement is reported as Higher / Lower, Fingertips treating it as high-is-good', () => {
    assert.deepEqual(
      [0, 1.5, 3].map((value) => sig({ value }, range, 'no-judgement')),
      ['Lower', 'Similar', 'Higher'],
    );
    assert.equal(sig({ value: 10 }, { value: 10 }, 'no-judgement'), 'Higher');
  });
});

describe('compareToTarget: percentile range (Fingertips BespokeTargetPercentileRangeComparerTest)', () => {
  // Fingertips' test sets the 50th and 90th percentile values directly to 9.3 and 37.2. With 11 values the
  // 50th percentile is the 6th value and the 90th the 10th (rank (n - 1) p + 1), so these give the same.
  const values = [1, 2, 3, 4, 5, 9.3, 10, 20, 30, 37.2, 50];
  const target = { lowerPercentile: 50, upperPercentile: 90, values };

  test('CompareAgainstTarget_Returns_SignificanceWorse / Same / Better _When_Polarity_Is_One', () => {
    assert.equal(sig({ value: 7.3 }, target, HIGH), 'Worse');
    assert.equal(sig({ value: 12 }, target, HIGH), 'Similar');
    assert.equal(sig({ value: 41.2 }, target, HIGH), 'Better');
  });

  test('CompareAgainstTarget_Returns_SignificanceBetter / Worse _When_Polarity_Is_Zero', () => {
    assert.equal(sig({ value: 7.3 }, target, LOW), 'Better');
    assert.equal(sig({ value: 41.2 }, target, LOW), 'Worse');
  });

  test('CompareAgainstTarget_Returns_SignificanceNone_When_Polarity_Is_InValid: no judgement', () => {
    assert.equal(sig({ value: 41.2 }, target, 'no-judgement'), 'Not compared');
  });

  test('CompareAgainstTarget_Returns_SignificanceNone_When_Targets_AreNull: too few values', () => {
    assert.equal(
      sig({ value: 41.2 }, { lowerPercentile: 50, upperPercentile: 90, values: [1, 2, 3] }, HIGH),
      'Not compared',
    );
    assert.equal(
      sig({ value: 41.2 }, { lowerPercentile: 50, upperPercentile: 90, values: [NA, 1, 2, 3, NA] }, HIGH),
      'Not compared',
    );
  });

  test('on the percentiles: the lower one is in the middle band, the upper one on the high side', () => {
    assert.equal(sig({ value: 9.3 }, target, HIGH), 'Similar');
    assert.equal(sig({ value: 37.2 }, target, HIGH), 'Better');
  });

  test('invalid percentiles throw', () => {
    assertCode(
      () => compareToTarget({ value: 1 }, { lowerPercentile: -1, upperPercentile: 90, values }, HIGH),
      'INVALID_TARGET',
    );
    assertCode(
      () => compareToTarget({ value: 1 }, { lowerPercentile: 50, upperPercentile: 101, values }, HIGH),
      'INVALID_TARGET',
    );
  });
});

describe('compareToTarget: general', () => {
  test('an unrecognised target or polarity throws', () => {
    assertCode(() => compareToTarget({ value: 1 }, {} as CompareTarget, HIGH), 'INVALID_TARGET');
    assertCode(() => compareToTarget({ value: 1 }, { value: NA }, HIGH), 'INVALID_TARGET');
    assertCode(() => compareToTarget({ value: 1 }, { lower: 1 } as CompareTarget, HIGH), 'INVALID_TARGET');
    assertCode(
      () => compareToTarget({ value: 1 }, { value: 1 }, 'good' as ComparePolarity),
      'INVALID_POLARITY',
    );
  });

  test('result columns', () => {
    assert.deepEqual(compareToTarget({ value: 1.5 }, { lower: 1, upper: 2 }, HIGH), {
      significance: 'Similar',
      significance_code: 2,
      method: 'Target: range',
      confidence: '',
    });
  });

  test('property: swapping polarity swaps Better and Worse for every kind of goal (except exactly meeting a value)', () => {
    const swap: Record<string, string> = {
      Better: 'Worse',
      Worse: 'Better',
      Similar: 'Similar',
      'Not compared': 'Not compared',
    };
    const x = fc.integer({ min: -1000, max: 1000 }).map((i) => i / 10);
    fc.assert(
      fc.property(x, x, x, fc.array(x, { minLength: 4, maxLength: 20 }), (value, a, b, values) => {
        const lower = Math.min(a, b);
        const upper = Math.max(a, b);
        const targets: CompareTarget[] = [
          { value: a },
          { lower, upper },
          { lowerPercentile: 25, upperPercentile: 75, values },
          { value: a, useConfidenceIntervals: true },
        ];
        const area = { value, lowercl: value - 1, uppercl: value + 1 };
        for (const target of targets) {
          if ('value' in target && target.useConfidenceIntervals === undefined && value === a) {
            // Meeting a single-value goal exactly is Better whichever way is good.
            assert.equal(sig(area, target, LOW), 'Better');
            assert.equal(sig(area, target, HIGH), 'Better');
            continue;
          }
          assert.equal(sig(area, target, LOW), swap[sig(area, target, HIGH)]);
        }
      }),
    );
  });
});
