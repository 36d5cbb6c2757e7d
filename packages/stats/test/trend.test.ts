import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { sharedPath } from '../../../test/support/shared-data.js';
import {
  type ComparePolarity,
  type RecentTrendMethod,
  type RecentTrendValueType,
  recentTrend,
  StatsInputError,
  type TrendPoint,
} from '../src/index.js';
import { assertClose } from './support/assert-close.js';
import { num, readCsv } from './support/read-csv.js';

const NA = Number.NaN;

function assertCode(fn: () => unknown, code: string): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof StatsInputError, `expected StatsInputError, got ${String(e)}`);
    assert.equal(e.code, code);
    return true;
  });
}

/** Points from [count, denominator] pairs, value as a percentage, no limits. */
function fromCounts(pairs: readonly (readonly [number, number])[]): TrendPoint[] {
  return pairs.map(([count, denominator]) => ({ count, denominator, value: (count / denominator) * 100 }));
}

// Fingertips TrendMarkerCalculatorTest, GetTrendData_Set1 / GetTrendDataForProportion_Set1 (oldest first).
const SET_1: TrendPoint[] = [
  { count: 994, denominator: 40299, value: 24.67, lowercl: 23.16, uppercl: 26.25 },
  { count: 1023, denominator: 41527, value: 24.6, lowercl: 23.15, uppercl: 26.19 },
  { count: 1199, denominator: 42811, value: 28, lowercl: 26.44, uppercl: 29.64 },
  { count: 1332, denominator: 44064, value: 30.2, lowercl: 28.63, uppercl: 31.9 },
  { count: 1367, denominator: 44701, value: 30.6, lowercl: 28.98, uppercl: 32.25 },
];

// GetTrendData_Set2 (given by Fingertips in year order 2014..2018).
const SET_2: TrendPoint[] = [
  { count: 209, denominator: 1017, value: 20.5506, lowercl: 18.1803, uppercl: 23.1427 },
  { count: 213, denominator: 1087, value: 19.5952, lowercl: 17.3444, uppercl: 22.0602 },
  { count: 213, denominator: 1119, value: 19.0349, lowercl: 16.8421, uppercl: 21.4394 },
  { count: 239, denominator: 1117, value: 21.3966, lowercl: 19.0918, uppercl: 23.8975 },
  { count: 210, denominator: 1139, value: 18.4372, lowercl: 16.2925, uppercl: 20.7941 },
];

describe('recentTrend: Fingertips TrendMarkerCalculatorTest', () => {
  test('TestCalculateTrendInvalidTrendRequest: a year range of 3 gives a message and no trend', () => {
    const r = recentTrend(SET_1, { yearRange: 3 });
    assert.equal(r.trend, 'Cannot be calculated');
    assert.equal(r.reason_code, 'YEAR_RANGE_NOT_1');
    assert.equal(r.reason, 'The recent trend cannot be calculated for this year range');
  });

  test('TestIsSignificantReturnsTrue: chi-squared 46.77 (weighted regression)', () => {
    const r = recentTrend(SET_1);
    assert.equal(Math.round(r.chi_squared * 100) / 100, 46.77);
    assert.equal(r.trend, 'Increasing');
    assert.equal(r.points_used, 5);
  });

  test('TestIsSignificantReturnsFalse', () => {
    const r = recentTrend(SET_2);
    assert.equal(r.trend, 'No significant change');
    assert.equal(r.trend_code, 3);
  });

  test('TestIsSignificantForProportionsReturnsTrue: chi-squared 47.9 (logit / SPC for proportions)', () => {
    const r = recentTrend(SET_1, { method: 'logit' });
    assert.equal(Math.round(r.chi_squared * 100) / 100, 47.9);
    // Fingertips' logit path never sets its slope and so calls this Decreasing; the values rise 24.67 -> 30.6.
    assert.equal(r.trend, 'Increasing');
    assert.ok(r.slope > 0);
  });

  test('TestIsSignificantForProportionsCannotBeCalculated: a count equal to its denominator', () => {
    const points: TrendPoint[] = [
      { count: 5, denominator: 5, value: 100, lowercl: 0, uppercl: 0 },
      { count: 3, denominator: 5, value: 60, lowercl: 0, uppercl: 0 },
      { count: 1, denominator: 5, value: 20, lowercl: 0, uppercl: 0 },
      { count: 1, denominator: 4, value: 25, lowercl: 0, uppercl: 0 },
      { count: 2, denominator: 4, value: 50, lowercl: 0, uppercl: 0 },
    ];
    const r = recentTrend(points, { method: 'logit' });
    assert.equal(r.trend, 'Cannot be calculated');
    assert.equal(r.trend_code, 0);
    assert.equal(r.reason_code, 'COUNT_EQUALS_DENOMINATOR');
    assert.equal(r.reason, 'The recent trend cannot be calculated');
    // Fingertips reports chi-squared 0 here; not calculated is NaN (R's NA) in this package.
    assert.ok(Number.isNaN(r.chi_squared));
  });
});

describe('recentTrend: Fingertips TrendRequestTest', () => {
  // Value 2, count 8, denominator 4 for 2001..2005: valid although the count exceeds the denominator.
  const dataList = (): TrendPoint[] =>
    Array.from({ length: 5 }, () => ({ value: 2, denominator: 4, count: 8 }));

  test('TestTrendRequest_IsValid_True: calculated (no limits, so no significant change)', () => {
    const r = recentTrend(dataList());
    assert.equal(r.trend, 'No significant change');
    assert.equal(r.reason_code, '');
  });

  test('TestTrendRequest_IsValid_True_If_Enough_Valid_Values: an invalid point before five valid ones', () => {
    const r = recentTrend([{ value: NA, denominator: 4, count: 8 }, ...dataList()]);
    assert.notEqual(r.trend, 'Cannot be calculated');
  });

  test('TestTrendRequest_IsValid_False_If_Value_Invalid: the oldest of five missing', () => {
    const points = dataList();
    points[0] = { value: NA, denominator: 4, count: 8 };
    const r = recentTrend(points);
    assert.equal(r.reason, 'Not enough data points with valid values to calculate recent trend');
    assert.equal(r.reason_code, 'FEWER_THAN_5_VALID_POINTS');
  });

  test('TestTrendRequestIsInvalidForYearRangeGreaterThan1', () => {
    assert.equal(
      recentTrend(dataList(), { yearRange: 3 }).reason,
      'The recent trend cannot be calculated for this year range',
    );
  });

  test('TestTrendRequestIsInvalidForNonRelevantValueType: counts are not trended', () => {
    const r = recentTrend(dataList(), { valueType: 'count' });
    assert.equal(r.trend, 'Cannot be calculated');
    assert.equal(r.reason, 'The recent trend cannot be calculated for this value type');
    for (const valueType of ['proportion', 'crude-rate', 'dsr'] as const) {
      assert.notEqual(recentTrend(dataList(), { valueType }).trend, 'Cannot be calculated', valueType);
    }
  });
});

describe('recentTrend: Fingertips WhenUsingTrendMarkerCalculator (earlier calculator, same chi-squared)', () => {
  test('GetResults_Return_No_SignificanceValue_For_InsufficientTrendData: 4 points', () => {
    const r = recentTrend(
      fromCounts([
        [5, 22],
        [7, 35],
        [6, 42],
        [7, 48],
      ]),
      { method: 'logit' },
    );
    assert.equal(r.trend, 'Cannot be calculated');
    assert.equal(r.reason, 'Not enough data points to calculate recent trend');
    assert.equal(r.points_used, 0);
  });

  test('GetResults_Return_SignificanceValue_For_SufficientTrendData: 5 points, no significant change', () => {
    const r = recentTrend(
      fromCounts([
        [5, 22],
        [7, 35],
        [6, 42],
        [7, 48],
        [8, 54],
      ]),
      { method: 'logit' },
    );
    assert.equal(r.trend, 'No significant change');
    assert.equal(r.points_used, 5);
  });

  test('GetResults_Return_IncreasingTrend_For_Proportion_And_TrendData_5: chi-squared 0.018', () => {
    const points = fromCounts([
      [5405, 18095],
      [5500, 18170],
      [5435, 18005],
      [5480, 17890],
      [5315, 17860],
    ]);
    const r = recentTrend(points, { method: 'logit' });
    assert.ok(Math.abs(Math.round(r.chi_squared * 1e4) / 1e4 - 0.018) < 0.00005, String(r.chi_squared));
  });

  test('GetResults_Return_IncreasingTrend_For_Proportion_And_TrendData_5a: chi-squared 978.2845', () => {
    const points = fromCounts([
      [22435, 65880],
      [22445, 67900],
      [21365, 68705],
      [20955, 69835],
      [19055, 70910],
    ]);
    const r = recentTrend(points, { method: 'logit' });
    assert.ok(Math.abs(Math.round(r.chi_squared * 1e4) / 1e4 - 978.2845) < 0.00005, String(r.chi_squared));
    assert.equal(r.trend, 'Decreasing');
  });
});

describe('recentTrend: hand-checkable cases and edge cases', () => {
  test('equal weights reduce to ordinary least squares: y = 1..5 has slope 1 and chi-squared 10 / se²', () => {
    // Limits ±1.96 give se 1 and weight 1: slope = 1; its variance 1 / Σ(t - 3)² = 1 / 10, so chi² = 10.
    const points = [1, 2, 3, 4, 5].map((value) => ({
      value,
      count: 1,
      denominator: 10,
      lowercl: value - 1.96,
      uppercl: value + 1.96,
    }));
    const r = recentTrend(points);
    assertClose(r.slope, 1, 1e-12, 'slope');
    assertClose(r.chi_squared, 10, 1e-12, 'chi-squared');
    assert.equal(r.trend, 'Increasing');
  });

  test('the chi-squared test for trend by hand (logit method)', () => {
    const counts = [10, 12, 15, 20, 30];
    const pops = [100, 100, 100, 100, 100];
    const points = counts.map((c, i) => ({ count: c, denominator: pops[i] as number, value: c }));
    // N = 500, R = 87, Σrt = 10 + 24 + 45 + 80 + 150 = 309, Σnt = 1500, Σnt² = 5500.
    const expected = (500 * (500 * 309 - 87 * 1500) ** 2) / (87 * (500 - 87) * (500 * 5500 - 1500 ** 2));
    const r = recentTrend(points, { method: 'logit', polarity: 'low-is-good' });
    assertClose(r.chi_squared, expected, 1e-12, 'chi-squared');
    assert.equal(r.recent_trend, 'Increasing and getting worse');
  });

  test('only the five most recent points are used', () => {
    const older = { value: 1000, count: 1, denominator: 10, lowercl: 999, uppercl: 1001 };
    assert.deepEqual(recentTrend([older, older, ...SET_1]), recentTrend(SET_1));
  });

  test('fewer than five points, a broken run, and a count equal to its denominator anywhere in the run', () => {
    assert.equal(recentTrend(SET_1.slice(0, 4)).reason_code, 'FEWER_THAN_5_POINTS');
    assert.equal(recentTrend([]).reason_code, 'FEWER_THAN_5_POINTS');
    const broken = [...SET_1];
    broken[2] = { ...(SET_1[2] as TrendPoint), count: NA };
    assert.equal(recentTrend(broken).reason_code, 'FEWER_THAN_5_VALID_POINTS');
    broken[2] = { ...(SET_1[2] as TrendPoint), denominator: 0 };
    assert.equal(recentTrend(broken).reason_code, 'FEWER_THAN_5_VALID_POINTS');
    const full = { value: 100, count: 7, denominator: 7, lowercl: 60, uppercl: 100 };
    assert.equal(recentTrend([full, ...SET_1]).reason_code, 'COUNT_EQUALS_DENOMINATOR');
  });

  test('zero counts: the logit cannot be taken; the weighted regression does not need one', () => {
    const points = [...SET_1];
    points[4] = { value: 0, count: 0, denominator: 44701, lowercl: 0, uppercl: 0.0086 };
    const logit = recentTrend(points, { method: 'logit' });
    assert.equal(logit.trend, 'Cannot be calculated');
    assert.equal(logit.reason_code, 'COUNT_OUT_OF_RANGE');
    assert.notEqual(recentTrend(points).trend, 'Cannot be calculated');
  });

  test('missing limits: points without them are passed over; none at all gives no significant change', () => {
    const noLimits = SET_1.map(({ value, count, denominator }) => ({ value, count, denominator }));
    const r = recentTrend(noLimits);
    assert.equal(r.trend, 'No significant change');
    assert.ok(Number.isNaN(r.chi_squared));
    assert.equal(r.points_used, 0);
    // The logit method uses counts only.
    assert.equal(
      recentTrend(noLimits, { method: 'logit' }).chi_squared,
      recentTrend(SET_1, { method: 'logit' }).chi_squared,
    );
    const oneMissing = [...SET_1, { ...(SET_1[4] as TrendPoint), lowercl: NA }];
    assert.equal(recentTrend(oneMissing).points_used, 5);
    assert.equal(recentTrend(oneMissing).chi_squared, recentTrend(SET_1).chi_squared);
  });

  test('95% columns are preferred to lowercl / uppercl', () => {
    const points = SET_1.map((p) => ({
      ...p,
      lowercl: 0,
      uppercl: 100,
      lower95_0cl: p.lowercl,
      upper95_0cl: p.uppercl,
    }));
    assert.equal(recentTrend(points).chi_squared, recentTrend(SET_1).chi_squared);
  });

  test('a single influential point: large chi-squared but not significant', () => {
    const points = [10, 10, 10, 10, 30].map((value, i) => ({
      value: i === 0 ? 11 : value,
      count: 1,
      denominator: 10,
      lowercl: value - 0.5,
      uppercl: value + 0.5,
    }));
    // Without the last point the values fall (11, 10, 10, 10), so the slope changes sign.
    const r = recentTrend(points);
    assert.ok(r.chi_squared > 9.55);
    assert.equal(r.trend, 'No significant change');
    assert.equal(r.reason_code, 'INFLUENTIAL_POINT');
  });

  test('labels by polarity', () => {
    assert.equal(
      recentTrend(SET_1, { polarity: 'high-is-good' }).recent_trend,
      'Increasing and getting better',
    );
    assert.equal(
      recentTrend(SET_1, { polarity: 'low-is-good' }).recent_trend,
      'Increasing and getting worse',
    );
    assert.equal(recentTrend(SET_1, { polarity: 'no-judgement' }).recent_trend, 'Increasing');
    const falling = [...SET_1].reverse();
    assert.equal(
      recentTrend(falling, { polarity: 'high-is-good' }).recent_trend,
      'Decreasing and getting worse',
    );
    assert.equal(
      recentTrend(falling, { polarity: 'low-is-good' }).recent_trend,
      'Decreasing and getting better',
    );
    assert.equal(recentTrend(falling).trend_code, 2);
  });

  test('result columns and their order', () => {
    assert.deepEqual(Object.keys(recentTrend(SET_1)), [
      'trend',
      'recent_trend',
      'trend_code',
      'chi_squared',
      'slope',
      'points_used',
      'reason_code',
      'reason',
    ]);
  });

  test('invalid options throw', () => {
    assertCode(() => recentTrend(SET_1, { method: 'ols' as RecentTrendMethod }), 'INVALID_METHOD');
    assertCode(() => recentTrend(SET_1, { polarity: 'up' as ComparePolarity }), 'INVALID_POLARITY');
    assertCode(() => recentTrend(SET_1, { valueType: 'rate' as RecentTrendValueType }), 'INVALID_VALUE_TYPE');
  });
});

describe('recentTrend: properties', () => {
  const point = fc
    .tuple(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 5000 }))
    .map(([c, extra]) => {
      const denominator = c + extra;
      const p = c / denominator;
      const half = 1.96 * Math.sqrt((p * (1 - p)) / denominator) * 100;
      return { count: c, denominator, value: p * 100, lowercl: p * 100 - half, uppercl: p * 100 + half };
    });
  const series = fc.array(point, { minLength: 5, maxLength: 8 });
  const methods = fc.constantFrom<RecentTrendMethod>('weighted-regression', 'logit');
  const opposite: Record<string, string> = {
    Increasing: 'Decreasing',
    Decreasing: 'Increasing',
    'No significant change': 'No significant change',
  };

  test('reversing time reverses the trend and keeps chi-squared', () => {
    fc.assert(
      fc.property(series, methods, (points, method) => {
        const last5 = points.slice(-5);
        const forward = recentTrend(last5, { method });
        const backward = recentTrend([...last5].reverse(), { method });
        assert.equal(backward.trend, opposite[forward.trend]);
        assertClose(backward.chi_squared, forward.chi_squared, 1e-9, 'chi-squared');
      }),
    );
  });

  test('swapping polarity swaps getting better and getting worse', () => {
    fc.assert(
      fc.property(series, methods, (points, method) => {
        const high = recentTrend(points, { method, polarity: 'high-is-good' }).recent_trend;
        const low = recentTrend(points, { method, polarity: 'low-is-good' }).recent_trend;
        assert.equal(
          low,
          high.replace('better', 'BETTER').replace('worse', 'better').replace('BETTER', 'worse'),
        );
      }),
    );
  });

  test('weighted regression: adding a constant to values and limits changes neither trend nor chi-squared', () => {
    fc.assert(
      fc.property(series, fc.integer({ min: -50, max: 50 }), (points, shift) => {
        const shifted = points.map((p) => ({
          ...p,
          value: p.value + shift,
          lowercl: p.lowercl + shift,
          uppercl: p.uppercl + shift,
        }));
        const a = recentTrend(points);
        const b = recentTrend(shifted);
        assert.equal(b.trend, a.trend);
        assertClose(b.chi_squared, a.chi_squared, 1e-6, 'chi-squared');
      }),
    );
  });

  test('a flat series never shows a trend', () => {
    fc.assert(
      fc.property(point, methods, (p, method) => {
        assert.equal(recentTrend([p, p, p, p, p], { method }).trend, 'No significant change');
      }),
    );
  });
});

describe('recentTrend: trends Fingertips published (FingertipsNext sample extract)', () => {
  const VALUE_TYPES: Readonly<Record<string, RecentTrendValueType>> = {
    Proportion: 'proportion',
    'Crude rate': 'crude-rate',
    'Directly standardised rate': 'dsr',
    'Indirectly standardised ratio': 'isr',
    'Indirectly standardised proportion': 'isp',
    Count: 'count',
    'Life expectancy': 'life-expectancy',
    Score: 'score',
  };
  const POLARITIES: Readonly<Record<string, ComparePolarity>> = {
    'High is good': 'high-is-good',
    'Low is good': 'low-is-good',
    'No judgement': 'no-judgement',
    '': 'no-judgement',
  };
  // Series where the extract and Fingertips' published trend disagree although the extract's five latest
  // periods look complete, checked by hand: two ICB series without intervals that Fingertips did not trend
  // (other areas' series without intervals it published as No significant change, as here); a district whose
  // sixth-latest point has no interval in the extract; two CCG series whose values in the extract are rounded
  // to one decimal place, i.e. revised since the trend was published.
  const KNOWN_DIFFERENCES = new Set([
    '352|E54000008|4|164||',
    '352|E54000048|4|164||',
    '30302|E08000006|4|31||',
    '93085|E38000200|2|1||',
    '93085|E38000228|2|1||',
  ]);

  test('the published "Recent trend" of every complete series is reproduced', (t) => {
    const dir = sharedPath(t, 'data', 'indicators', 'fingertipsnext_sample');
    if (!dir) return;
    const indicators = new Map(readCsv(`${dir}/indicators.csv`).map((r) => [r.IndicatorID, r]));
    // One row per group and year (the extract repeats some rows), oldest first.
    const groups = new Map<string, Map<number, Record<string, string>>>();
    for (const r of readCsv(`${dir}/healthdata.csv`)) {
      const key = [r.IndicatorId, r.AreaCode, r.SexID, r.AgeID, r.CategoryTypeId, r.CategoryId].join('|');
      let byYear = groups.get(key);
      if (!byYear) {
        byYear = new Map();
        groups.set(key, byYear);
      }
      const year = Number(r.Year);
      if (!byYear.has(year)) byYear.set(year, r);
    }
    let checked = 0;
    let trended = 0;
    const differences: string[] = [];
    for (const [key, byYear] of groups) {
      const years = [...byYear.keys()].sort((a, b) => a - b);
      const latest = byYear.get(years[years.length - 1] as number) as Record<string, string>;
      const indicator = indicators.get(latest.IndicatorId as string);
      if (latest.Trend === '' || indicator === undefined) continue;
      // The extract holds 2018 onwards only and drops some periods: compare only series whose five latest
      // periods are consecutive years, each with value, count and denominator.
      const last5 = years.slice(-5);
      if (last5.length < 5 || (last5[4] as number) - (last5[0] as number) !== 4) continue;
      const points = years.map((y) => {
        const r = byYear.get(y) as Record<string, string>;
        return {
          value: num(r.Value),
          count: num(r.Count),
          denominator: num(r.Denominator),
          lowercl: num(r.LowerCI),
          uppercl: num(r.UpperCI),
        };
      });
      if (
        points.slice(-5).some((p) => Number.isNaN(p.value) || Number.isNaN(p.count) || !(p.denominator > 0))
      )
        continue;
      const result = recentTrend(points, {
        valueType: VALUE_TYPES[indicator.ValueType as string] ?? 'other',
        polarity: POLARITIES[indicator.Polarity as string] ?? 'no-judgement',
      });
      checked++;
      if (result.trend === 'Increasing' || result.trend === 'Decreasing') trended++;
      if (result.recent_trend !== latest.Trend)
        differences.push(`${key}: ${latest.Trend} / ${result.recent_trend}`);
    }
    assert.deepEqual(
      differences.filter((d) => !KNOWN_DIFFERENCES.has(d.split(':')[0] as string)),
      [],
    );
    assert.equal(differences.length, KNOWN_DIFFERENCES.size);
    assert.ok(checked > 1500, String(checked));
    assert.ok(trended > 250, String(trended));
    t.diagnostic(`${checked} series compared, ${trended} with a significant trend`);
  });
});
