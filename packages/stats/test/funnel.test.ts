import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { sharedPath } from '../../../test/support/shared-data.js';
import { qchisq } from '../src/distributions/qchisq.js';
import { funnelAxis } from '../src/funnel-axis.js';
import { funnelPoissonLimit } from '../src/funnel-poisson-limit.js';
import { funnelRatioSignificance } from '../src/funnel-ratio-significance.js';
import { funnelSigmaAdjustment } from '../src/funnel-sigma-adjustment.js';
import {
  type FunnelLimitsRow,
  funnelLimits,
  funnelPoints,
  funnelSignificance,
  StatsInputError,
} from '../src/index.js';
import { assertClose } from './support/assert-close.js';
import { type CsvRecord, num, readCsv } from './support/read-csv.js';

type Ctx = Parameters<typeof sharedPath>[0];

function load(t: Ctx, ...parts: string[]): CsvRecord[] | null {
  const file = sharedPath(t, 'validation', 'phe-indicator-methods', ...parts);
  return file ? readCsv(file) : null;
}

const col = (rows: CsvRecord[], name: string): number[] => rows.map((r) => num(r[name]));

/** Every column of `expected` against the same-named value of `actual`, element by element. */
function compareTable(
  actual: FunnelLimitsRow[],
  expected: CsvRecord[],
  label: string,
  tolerance: { rel?: number; abs?: number },
  rename: (column: string) => string = (c) => c,
): void {
  assert.equal(actual.length, expected.length, `${label}: row count`);
  const columns = Object.keys(expected[0] as CsvRecord);
  for (const column of columns) {
    const key = rename(column);
    const diffs: number[] = [];
    const scales: number[] = [];
    expected.forEach((row, i) => {
      const a = (actual[i] as FunnelLimitsRow)[key];
      assert.ok(a !== undefined, `${label}: no column ${key}`);
      if (typeof a === 'string') {
        assert.equal(a, row[column], `${label} ${column} row ${i + 1}`);
        return;
      }
      const e = num(row[column]);
      if (tolerance.abs !== undefined) {
        assert.ok(Math.abs(a - e) <= tolerance.abs, `${label} ${column} row ${i + 1}: ${a} vs ${e}`);
      } else {
        assertClose(a, e, tolerance.rel, `${label} ${column} row ${i + 1}`);
      }
      if (a !== e) {
        diffs.push(Math.abs(a - e));
        scales.push(Math.abs(e));
      }
    });
    // R's own test: waldo's mean relative difference over the differing elements, per column.
    const sumD = diffs.reduce((s, d) => s + d, 0);
    const sumS = scales.reduce((s, d) => s + d, 0);
    const mrd = sumS === 0 ? sumD : sumD / sumS;
    assert.ok(mrd <= 1.49e-8, `${label} ${column}: mean relative difference ${mrd}`);
  }
  assert.deepEqual(Object.keys(actual[0] as FunnelLimitsRow), columns.map(rename), `${label}: column order`);
}

function proportionInput(rows: CsvRecord[]) {
  return { numerator: col(rows, 'numerator'), denominator: col(rows, 'denominator') };
}

function ratioInput(rows: CsvRecord[]) {
  return { numerator: col(rows, 'obs'), denominator: col(rows, 'expected') };
}

/** testFunnels.R's zero-event input: pop = 1e5 * ev / rate; the largest ev and its rate set to 0; big pops kept. */
function zeroEventInput(rows: CsvRecord[]) {
  const ev = col(rows, 'ev');
  const rate = col(rows, 'rate');
  const pop = ev.map((e, i) => (1e5 * e) / (rate[i] as number));
  const max = Math.max(...ev);
  const maxPop = Math.max(...pop);
  const keep = pop.map((p, i) => (p > maxPop / 2 ? i : -1)).filter((i) => i >= 0);
  return {
    numerator: keep.map((i) => (ev[i] === max ? 0 : (ev[i] as number))),
    rate: keep.map((i) => (ev[i] === max ? 0 : (rate[i] as number))),
    denominator: keep.map((i) => pop[i] as number),
  };
}

function withMaxEventsSetTo(ev: number[], to: number): number[] {
  const max = Math.max(...ev);
  return ev.map((e) => (e === max ? to : e));
}

// ---------------------------------------------------------------------------------------------------------
// calculate_funnel_limits
// ---------------------------------------------------------------------------------------------------------

test('funnel limits, proportions (standard): R to 1e-9 and the 6 dp expected file', (t) => {
  const input = load(t, 'funnel', 'funnel_proportion_input_and_significance.csv');
  const r = load(t, 'r_computed', 'funnel_proportion_limits.csv');
  const rounded = load(t, 'funnel', 'funnel_proportion_limits_expected.csv');
  if (!input || !r || !rounded) return;
  const limits = funnelLimits(proportionInput(input), {
    statistic: 'proportion',
    multiplier: 100,
    type: 'standard',
  });
  compareTable(limits, r, 'r_computed proportion', { rel: 1e-9 });
  compareTable(limits, rounded, 'expected proportion', { abs: 5.0001e-7 });
});

test('funnel limits, proportions with axis variation (denominator < 31000, type full)', (t) => {
  const input = load(t, 'funnel', 'funnel_proportion_input_and_significance.csv');
  const r = load(t, 'r_computed', 'funnel_proportion_limits_axis_variation.csv');
  const rounded = load(t, 'funnel', 'funnel_proportion_limits_axis_variation_expected.csv');
  if (!input || !r || !rounded) return;
  const small = input.filter((row) => num(row['denominator']) < 31000);
  const limits = funnelLimits(proportionInput(small), { statistic: 'proportion', multiplier: 100 });
  compareTable(limits, r, 'r_computed axis variation', { rel: 1e-9 });
  compareTable(limits, rounded, 'expected axis variation', { rel: 1e-9 });
  assert.equal(limits[0]?.['Population'], 10000);
});

test('funnel limits, ratios (count, full; isr, standard)', (t) => {
  const input = load(t, 'funnel', 'funnel_ratio_input_and_significance.csv');
  const rCount = load(t, 'r_computed', 'funnel_ratio_limits_count.csv');
  const rIsr = load(t, 'r_computed', 'funnel_ratio_limits_isr.csv');
  const rounded = load(t, 'funnel', 'funnel_ratio_limits_expected.csv');
  if (!input || !rCount || !rIsr || !rounded) return;
  const count = funnelLimits(ratioInput(input), { statistic: 'ratio', multiplier: 100, ratioType: 'count' });
  const isr = funnelLimits(ratioInput(input), {
    statistic: 'ratio',
    multiplier: 100,
    ratioType: 'isr',
    type: 'standard',
  });
  compareTable(count, rCount, 'r_computed ratio count', { rel: 1e-9 });
  compareTable(isr, rIsr, 'r_computed ratio isr', { rel: 1e-9 });
  // The expected file holds both variants: *_count and *_isr columns share the *_exp_events columns.
  const countColumns = Object.keys(rounded[0] as CsvRecord).filter((c) => !c.endsWith('_isr'));
  const isrColumns = Object.keys(rounded[0] as CsvRecord).filter((c) => !c.endsWith('_count'));
  const pickColumns = (rows: CsvRecord[], columns: string[]) =>
    rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c] as string])));
  const toLimit = (c: string) => c.replace(/_(count|isr)$/, '_limit');
  compareTable(
    count.map(({ statistic: _s, method: _m, ...rest }) => rest),
    pickColumns(rounded, countColumns),
    'expected ratio count',
    { rel: 3e-8 },
    toLimit,
  );
  compareTable(isr, pickColumns(rounded, isrColumns), 'expected ratio isr', { rel: 3e-8 }, toLimit);
  assert.equal(count[0]?.['statistic'], 'ratio (count)');
  assert.equal(count[0]?.['method'], 'Poisson');
});

test('funnel limits, rates: dsr; crude with fewer than 10 events; crude with 0 events and denominators', (t) => {
  const input = load(t, 'funnel', 'funnel_rate_input_and_points_expected.csv');
  const rDsr = load(t, 'r_computed', 'funnel_rate_limits_dsr.csv');
  const rLt10 = load(t, 'r_computed', 'funnel_rate_limits_crude_lt10.csv');
  const rZero = load(t, 'r_computed', 'funnel_rate_limits_crude_zero_with_denominator.csv');
  const rZeroInput = load(t, 'r_computed', 'funnel_rate_crude_zero_with_denominator_INPUT.csv');
  const eDsr = load(t, 'funnel', 'funnel_rate_limits_dsr_expected.csv');
  const eLt10 = load(t, 'funnel', 'funnel_rate_limits_crude_lt10_expected.csv');
  const eZero = load(t, 'funnel', 'funnel_rate_limits_crude_zero_with_denominator_expected.csv');
  if (!input || !rDsr || !rLt10 || !rZero || !rZeroInput || !eDsr || !eLt10 || !eZero) return;
  const ev = col(input, 'ev');
  const rate = col(input, 'rate');
  const common = { statistic: 'rate', multiplier: 1e5, yearsOfData: 3 } as const;

  const dsr = funnelLimits({ numerator: ev, rate }, { ...common, rateType: 'dsr' });
  compareTable(dsr, rDsr, 'r_computed dsr', { rel: 1e-9 });
  compareTable(dsr, eDsr, 'expected dsr', { rel: 2e-9 });
  assert.equal(dsr[0]?.['statistic'], 'rate (dsr per 100,000)');

  const lt10 = funnelLimits({ numerator: withMaxEventsSetTo(ev, 5), rate }, { ...common, rateType: 'crude' });
  compareTable(lt10, rLt10, 'r_computed crude < 10', { rel: 1e-9 });
  compareTable(lt10, eLt10, 'expected crude < 10', { rel: 2e-9 });

  const zeroInput = zeroEventInput(input);
  // The derivation matches the saved R input.
  assert.deepEqual(zeroInput.numerator, col(rZeroInput, 'ev'));
  zeroInput.denominator.forEach((p, i) => {
    assertClose(p, num(rZeroInput[i]?.['pop']), 1e-15, 'pop');
  });
  const zero = funnelLimits(zeroInput, { ...common, rateType: 'crude' });
  compareTable(zero, rZero, 'r_computed crude zero', { rel: 1e-9 });
  compareTable(zero, eZero, 'expected crude zero', { rel: 2e-9 });
});

// ---------------------------------------------------------------------------------------------------------
// assign_funnel_significance
// ---------------------------------------------------------------------------------------------------------

test('funnel significance, proportions and ratios: every row as R', (t) => {
  const prop = load(t, 'funnel', 'funnel_proportion_input_and_significance.csv');
  const ratio = load(t, 'funnel', 'funnel_ratio_input_and_significance.csv');
  if (!prop || !ratio) return;
  const ps = funnelSignificance(proportionInput(prop), { statistic: 'proportion' });
  assert.deepEqual(
    ps.map((r) => r.significance),
    prop.map((r) => r['significance']),
  );
  const rs = funnelSignificance(ratioInput(ratio), { statistic: 'ratio' });
  assert.deepEqual(
    rs.map((r) => r.significance),
    ratio.map((r) => r['significance']),
  );
});

test('funnel significance, rates: all eight reference columns (dsr / crude, per 100,000 / 100, with / without 0)', (t) => {
  const rows = load(t, 'funnel', 'funnel_rate_significance_reference.csv');
  if (!rows) return;
  const variants = [
    ['dsr_per_100000', 'rate_dsr', 'dsr', 1e5],
    ['dsr_per_100', 'rate_dsr', 'dsr', 100],
    ['crude_per_100000', 'rate_crude_per_100000', 'crude', 1e5],
    ['crude_per_100', 'rate_crude_per_100', 'crude', 100],
  ] as const;
  for (const [name, rateColumn, rateType, multiplier] of variants) {
    for (const which of ['with_0', 'without_0'] as const) {
      const data: CsvRecord[] = which === 'with_0' ? rows : rows.filter((r) => num(r['count']) !== 0);
      const out = funnelSignificance(
        { numerator: col(data, 'count'), denominator: col(data, 'pop'), rate: col(data, rateColumn) },
        { statistic: 'rate', rateType, multiplier },
      );
      assert.deepEqual(
        out.map((r) => r.significance),
        data.map((r) => r[`${name}_${which}`]),
        `${name}_${which}`,
      );
    }
  }
});

// ---------------------------------------------------------------------------------------------------------
// calculate_funnel_points
// ---------------------------------------------------------------------------------------------------------

test('funnel points: dsr (max events set to 5), crude, crude with 0 events and denominators', (t) => {
  const rows = load(t, 'funnel', 'funnel_rate_input_and_points_expected.csv');
  if (!rows) return;
  const ev = col(rows, 'ev');
  const rate = col(rows, 'rate');
  const check = (out: { rate_chart: number; denominator_derived: number }[], c1: string, c2: string) => {
    out.forEach((o, i) => {
      // The expected file carries about 10 significant digits.
      assertClose(o.rate_chart, num(rows[i]?.[c1]), 1e-9, `${c1} row ${i + 1}`);
      assertClose(o.denominator_derived, num(rows[i]?.[c2]), 1e-9, `${c2} row ${i + 1}`);
    });
  };
  check(
    funnelPoints(
      { numerator: withMaxEventsSetTo(ev, 5), rate },
      { rateType: 'dsr', yearsOfData: 3, multiplier: 1e5 },
    ),
    'rate_chart',
    'denominator_derived',
  );
  check(
    funnelPoints({ numerator: ev, rate }, { rateType: 'crude', yearsOfData: 3, multiplier: 1e5 }),
    'rate_chart_crude',
    'denominator_derived_crude',
  );
  check(
    funnelPoints(
      { numerator: withMaxEventsSetTo(ev, 0), rate, denominator: col(rows, 'pop') },
      { rateType: 'crude', yearsOfData: 5, multiplier: 1e5 },
    ),
    'rate_chart_crude_with_denom',
    'denominator_derived_crude_with_denom',
  );
});

// ---------------------------------------------------------------------------------------------------------
// Errors (testFunnels.R)
// ---------------------------------------------------------------------------------------------------------

function assertStatsError(fn: () => unknown, code: string, message: string): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof StatsInputError, `expected StatsInputError, got ${String(e)}`);
    assert.equal(e.code, code);
    assert.ok(e.message.includes(message), `message "${e.message}" lacks "${message}"`);
    return true;
  });
}

test('funnel errors: arguments', () => {
  const data = { numerator: [65, 80, 30], denominator: [100, 100, 200] };
  const limits = (input: unknown, options: unknown) => () => funnelLimits(input as never, options as never);
  assertStatsError(
    limits(data, { multiplier: 100 }),
    'MISSING_STATISTIC',
    'statistic must be provided as proportion, rate or ratio',
  );
  assertStatsError(
    limits(data, { statistic: 'pop', multiplier: 100 }),
    'INVALID_STATISTIC',
    'should be one of',
  );
  assertStatsError(
    limits(data, { statistic: 'proportion', multiplier: 100, type: 'srtd' }),
    'INVALID_TYPE',
    'should be one of',
  );
  assertStatsError(
    limits({ numerator: [100, 100, 20] }, { statistic: 'proportion', multiplier: 100 }),
    'MISSING_ARGUMENT',
    'the following arguments are required for proportions: data, numerator, denominator, multiplier',
  );
  assertStatsError(
    limits({ numerator: [100, 100, 20] }, { statistic: 'ratio', multiplier: 100 }),
    'MISSING_ARGUMENT',
    'the following arguments are required for ratios: data, numerator, denominator, ratio_type, multiplier',
  );
  assertStatsError(
    limits(data, { statistic: 'ratio', multiplier: 100, ratioType: 'smr' }),
    'INVALID_RATIO_TYPE',
    'should be one of',
  );
  const rates =
    'the following arguments are required for rates: data, numerator, rate, rate_type, multiplier, years_of_data';
  assertStatsError(limits({ numerator: [100, 100, 20] }, { statistic: 'rate' }), 'MISSING_ARGUMENT', rates);
  assertStatsError(
    limits(
      { numerator: [100, 100, 50], rate: [50, 25, 15], denominator: [2000, 4000, 3333] },
      { statistic: 'rate', rateType: 'crude', multiplier: 100 },
    ),
    'MISSING_ARGUMENT',
    rates,
  );
  assertStatsError(
    limits(
      { numerator: [100, 100, 0], rate: [50, 25, 0] },
      { statistic: 'rate', rateType: 'dsr', multiplier: 100, yearsOfData: 1 },
    ),
    'MISSING_DENOMINATOR_FIELD',
    'for rates, where there are 0 events for a record, the denominator field needs to be provided using the denominator argument',
  );
  assertStatsError(
    limits(
      { numerator: [100, 100, 50], rate: [50, 25, 15] },
      { statistic: 'rate', rateType: 'direct', multiplier: 100, yearsOfData: 1 },
    ),
    'INVALID_RATE_TYPE',
    'should be one of',
  );
  assertStatsError(
    limits({ numerator: [1, 2], denominator: [3, 4, 5] }, { statistic: 'proportion', multiplier: 100 }),
    'LENGTH_MISMATCH',
    'denominator has 3 elements',
  );

  const sig = (input: unknown, options: unknown) => () =>
    funnelSignificance(input as never, options as never);
  assertStatsError(
    sig({ numerator: [65, 80, 30], denominator: [100, 100, 0] }, { statistic: 'proportion' }),
    'NON_POSITIVE_DENOMINATOR',
    'denominators must be greater than zero',
  );
  assertStatsError(
    sig({ numerator: [65, -80, 30], denominator: [100, 100, 200] }, { statistic: 'proportion' }),
    'NEGATIVE_NUMERATOR',
    'numerators must be greater than or equal to zero',
  );
  assertStatsError(
    sig({ numerator: [65, 80, 30], denominator: [100, 100, 20] }, { statistic: 'proportion' }),
    'NUMERATOR_EXCEEDS_DENOMINATOR',
    'numerators must be less than or equal to denominator for a proportion statistic',
  );
  assertStatsError(
    sig({ numerator: [65, 80, 30] }, { statistic: 'proportion' }),
    'MISSING_ARGUMENT',
    'the following arguments are required for ratios and proportions: data, numerator, denominator',
  );
  assertStatsError(
    sig({ numerator: [100, 100, 20] }, { rateType: 'dsr', multiplier: 100 }),
    'MISSING_STATISTIC',
    'statistic must be provided as proportion, rate or ratio',
  );
  const sigRates =
    'the following arguments are required for rates: data, numerator, rate, rate_type, multiplier';
  assertStatsError(
    sig({ numerator: [100, 100, 20] }, { statistic: 'rate', rateType: 'dsr', multiplier: 100 }),
    'MISSING_ARGUMENT',
    sigRates,
  );
  assertStatsError(
    sig({ numerator: [50, 100, 20], rate: [100, 142, 111] }, { statistic: 'rate', rateType: 'crude' }),
    'MISSING_ARGUMENT',
    sigRates,
  );
  assertStatsError(
    sig(
      { numerator: [0, 100, 20], rate: [0, 142, 111] },
      { statistic: 'rate', rateType: 'crude', multiplier: 100 },
    ),
    'MISSING_DENOMINATOR_FIELD',
    'the denominator field needs to be provided using the denominator argument',
  );
  assertStatsError(
    sig({ numerator: [5, Number.NaN], denominator: [5, 6] }, { statistic: 'ratio' }),
    'MISSING_VALUE',
    'observed and expected counts must be provided',
  );

  const points = (input: unknown, options: unknown) => () => funnelPoints(input as never, options as never);
  const pointArgs =
    'the following arguments are required for rates: data, numerator, rate, rate_type, years_of_data, multiplier';
  assertStatsError(
    points({ numerator: [1, 2] }, { rateType: 'dsr', yearsOfData: 3, multiplier: 1e5 }),
    'MISSING_ARGUMENT',
    pointArgs,
  );
  assertStatsError(
    points({ numerator: [1, 2], rate: [3, 4] }, { rateType: 'dsr', yearsOfData: 3 }),
    'MISSING_ARGUMENT',
    pointArgs,
  );
});

test('funnel errors: missing values (testFunnels.R NA and NA2 inputs)', (t) => {
  const rows = load(t, 'funnel', 'funnel_rate_input_and_points_expected.csv');
  if (!rows) return;
  const ev = col(rows, 'ev');
  const rate = col(rows, 'rate');
  const pop = col(rows, 'pop');
  const hit = pop.map((p) => p >= 5710 && p <= 5715);
  assert.ok(hit.some(Boolean));
  // NA: ev, rate and pop missing in the hit rows. NA2: ev 0, rate and pop missing.
  const na = {
    numerator: ev.map((e, i) => (hit[i] ? Number.NaN : e)),
    rate: rate.map((r, i) => (hit[i] ? Number.NaN : r)),
    denominator: pop.map((p, i) => (hit[i] ? Number.NaN : p)),
  };
  const na2 = { ...na, numerator: ev.map((e, i) => (hit[i] ? 0 : e)) };
  const noDen = <T extends { denominator?: unknown }>({ denominator: _d, ...rest }: T) => rest;
  const rateOpts = { statistic: 'rate', multiplier: 1e5, yearsOfData: 1 } as const;
  const numerators =
    'for rates, numerators must be provided for all records, even when their values are zero';
  const ratesMissing =
    'for rates, rates must be provided for all records, or a denominator must be provided if the rate is zero';
  const zeroNeedsDen = 'for rates, where there are 0 events for a record, the denominator must be provided';
  const proportions =
    'for proportions, numerators and denominators must be provided for all records, even when their values are zero';

  assertStatsError(
    () => funnelLimits(noDen(na), { ...rateOpts, rateType: 'crude' }),
    'MISSING_NUMERATOR',
    numerators,
  );
  assertStatsError(
    () => funnelLimits(noDen(na2), { ...rateOpts, rateType: 'dsr' }),
    'MISSING_RATE',
    ratesMissing,
  );
  assertStatsError(
    () =>
      funnelLimits(
        { ...na2, denominator: na2.numerator.map((e) => (e === 0 ? 0 : e)) },
        { ...rateOpts, rateType: 'dsr' },
      ),
    'MISSING_DENOMINATOR',
    zeroNeedsDen,
  );
  assertStatsError(() => funnelLimits(na2, { ...rateOpts, rateType: 'dsr' }), 'MISSING_RATE', ratesMissing);
  assertStatsError(
    () => funnelLimits(na, { statistic: 'proportion', multiplier: 1e5 }),
    'MISSING_VALUE',
    proportions,
  );

  const sigOpts = { statistic: 'rate', multiplier: 1e5 } as const;
  assertStatsError(
    () => funnelSignificance(noDen(na2), { ...sigOpts, rateType: 'crude' }),
    'MISSING_RATE',
    ratesMissing,
  );
  assertStatsError(
    () =>
      funnelSignificance(
        { ...na2, denominator: na2.numerator.map((e) => (e === 0 ? 0 : e)) },
        { ...sigOpts, rateType: 'crude' },
      ),
    'MISSING_DENOMINATOR',
    zeroNeedsDen,
  );
  assertStatsError(
    () => funnelSignificance(na2, { ...sigOpts, rateType: 'crude' }),
    'MISSING_RATE',
    ratesMissing,
  );
  assertStatsError(
    () => funnelSignificance(noDen(na), { ...sigOpts, rateType: 'crude' }),
    'MISSING_NUMERATOR',
    numerators,
  );
  assertStatsError(
    () => funnelSignificance(noDen(na), { ...sigOpts, rateType: 'dsr' }),
    'MISSING_NUMERATOR',
    numerators,
  );
  assertStatsError(
    () => funnelSignificance(na, { statistic: 'proportion', multiplier: 1e5 }),
    'MISSING_VALUE',
    proportions,
  );

  const pointOpts = { rateType: 'dsr', yearsOfData: 3, multiplier: 1e5 } as const;
  assertStatsError(
    () => funnelPoints(noDen(na2), pointOpts),
    'MISSING_DENOMINATOR_FIELD',
    'the denominator field needs to be provided using the denominator argument',
  );
  assertStatsError(() => funnelPoints(na2, pointOpts), 'MISSING_DENOMINATOR', zeroNeedsDen);
});

// ---------------------------------------------------------------------------------------------------------
// Unit tests and properties
// ---------------------------------------------------------------------------------------------------------

test('Poisson funnel limits agree with the exact chi-squared limits to the bisection tolerance', () => {
  for (const obs of [1, 2, 5, 10, 37, 250]) {
    for (const p of [0.025, 0.001]) {
      // P(K >= obs | mean) = p at mean qchisq(p, 2 obs) / 2; P(K <= obs | mean) = p at qchisq(1 - p, 2 obs + 2) / 2.
      // The bisection is on v = mean / (1 + obs + mean) and stops once its step is below 1e-7.
      const v = (mean: number) => mean / (1 + obs + mean);
      const low = funnelPoissonLimit(obs, p, 'low');
      const high = funnelPoissonLimit(obs, p, 'high');
      assert.ok(Math.abs(v(low) - v(qchisq(p, 2 * obs) / 2)) < 1.2e-7, `low ${obs} ${p}`);
      assert.ok(Math.abs(v(high) - v(qchisq(p, 2 * obs + 2, false) / 2)) < 1.2e-7, `high ${obs} ${p}`);
    }
  }
});

test('ratio significance limits: exact below 10 events, Byar above', () => {
  assert.equal(funnelRatioSignificance(0, 5, 0.95, 'low'), 0);
  assertClose(funnelRatioSignificance(0, 1, 0.95, 'high'), -Math.log(0.025), 1e-12, 'upper for 0 events');
  assertClose(funnelRatioSignificance(4, 2, 0.95, 'low'), qchisq(0.025, 8) / 2 / 2, 1e-12, 'exact lower');
  const z = 1.959963984540054;
  const byarLower = 20 * (1 - 1 / 180 - z / 3 / Math.sqrt(20)) ** 3;
  assertClose(funnelRatioSignificance(20, 10, 0.95, 'low'), byarLower / 10, 1e-12, 'Byar lower');
  const byarUpper = 21 * (1 - 1 / 189 + z / 3 / Math.sqrt(21)) ** 3;
  assertClose(funnelRatioSignificance(20, 10, 0.95, 'high'), byarUpper / 10, 1e-12, 'Byar upper');
});

test('Wilson funnel limits: at the limit the Wilson interval of the limit touches the average', () => {
  const average = 0.3;
  const n = 400;
  const z = 1.959963984540054;
  for (const side of ['low', 'high'] as const) {
    const p = funnelSigmaAdjustment(0.975, n, average, side, 1);
    const x = p * n;
    const centre = (2 * x + z * z) / (2 * (n + z * z));
    const half = (z * Math.sqrt(z * z + 4 * x * (1 - x / n))) / (2 * (n + z * z));
    assertClose(side === 'low' ? centre + half : centre - half, average, 1e-12, side);
  }
});

test('funnel axis: starts at 0 (or 1) for a wide spread, else just below the smallest denominator', () => {
  const wide = funnelAxis({
    statistic: 'proportion',
    minDenominator: 100,
    maxDenominator: 1000,
    average: 0,
    yearsOfData: 1,
  });
  assert.equal(wide[0], 1);
  assert.equal(wide[99], 1100); // 1000 * 1.05 rounded up to two significant digits
  // 11000 * 0.95 = 10450 rounds down to 10000; 20000 * 1.05 = 21000 keeps two digits.
  const narrow = funnelAxis({
    statistic: 'proportion',
    minDenominator: 11000,
    maxDenominator: 20000,
    average: 0,
    yearsOfData: 1,
  });
  assert.equal(narrow[0], 10000);
  assert.equal(narrow[99], 21000);
  // 10526 * 0.95 = 9999.7 has four digits before the point: 9000.
  const below = funnelAxis({
    statistic: 'proportion',
    minDenominator: 10526,
    maxDenominator: 12000,
    average: 0,
    yearsOfData: 1,
  });
  assert.equal(below[0], 9000);
  assert.equal(below[99], 13000);
  // Rates: per year, then converted to events with the average rate.
  const rate = funnelAxis({
    statistic: 'rate',
    minDenominator: 30000,
    maxDenominator: 45000,
    average: 0.001,
    yearsOfData: 3,
  });
  // 30000 / 3 = 10000 -> 9500 -> 9000 per year -> 27000 -> 27 events; the end, 16000 * 3 * 0.001 = 48 events,
  // is passed because every step adds at least one event: 27 + 99 = 126.
  assert.equal(rate[0], 27);
  assert.equal(rate[99], 126);
  for (const a of [wide, narrow, below, rate])
    for (let i = 1; i < 100; i++) assert.ok((a[i] as number) > (a[i - 1] as number));
});

test('rate statistic label uses R big-mark formatting', () => {
  const input = { numerator: [20, 30, 40], rate: [10, 12, 8] };
  const label = (multiplier: number) =>
    funnelLimits(input, { statistic: 'rate', rateType: 'crude', multiplier, yearsOfData: 1 })[0]?.[
      'statistic'
    ];
  assert.equal(label(1e5), 'rate (crude per 100,000)');
  assert.equal(label(100), 'rate (crude per 100)');
  assert.equal(label(1000), 'rate (crude per 1,000)');
  assert.equal(label(1e6), 'rate (crude per 1,000,000)');
});

test('significance of a DSR with fewer than 10 events is "Not applicable"; zero events use the denominator', () => {
  const out = funnelSignificance(
    { numerator: [5, 0, 500, 800], rate: [10, 0, 100, 200], denominator: [50000, 10000, 500000, 400000] },
    { statistic: 'rate', rateType: 'dsr', multiplier: 1e5 },
  );
  assert.equal(out[0]?.significance, 'Not applicable for events less than 10 for dsrs');
  assert.equal(out[1]?.significance, 'Not applicable for events less than 10 for dsrs');
  assert.equal(out[3]?.significance, 'High (0.001)');
  const crude = funnelSignificance(
    { numerator: [0, 500, 800], rate: [0, 100, 200], denominator: [100000, 500000, 400000] },
    { statistic: 'rate', rateType: 'crude', multiplier: 1e5 },
  );
  assert.equal(crude[0]?.significance, 'Low (0.001)');
});

test('property: proportion limits are ordered around the baseline', () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.tuple(fc.integer({ min: 50, max: 100000 }), fc.double({ min: 0.01, max: 0.99, noNaN: true })),
        {
          minLength: 2,
          maxLength: 30,
        },
      ),
      (areas) => {
        const denominator = areas.map(([n]) => n);
        const numerator = areas.map(([n, p]) => Math.round(n * p));
        for (const row of funnelLimits(
          { numerator, denominator },
          { statistic: 'proportion', multiplier: 100 },
        )) {
          const l3 = row['lower_3s_limit'] as number;
          const l2 = row['lower_2s_limit'] as number;
          const b = row['baseline'] as number;
          const u2 = row['upper_2s_limit'] as number;
          const u3 = row['upper_3s_limit'] as number;
          assert.ok(l3 <= l2 && l2 <= b && b <= u2 && u2 <= u3, JSON.stringify(row));
        }
      },
    ),
    { numRuns: 40 },
  );
});

test('property: ratio limits widen with confidence and bracket 0 (count) or 100 (isr)', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.double({ min: 1, max: 400, noNaN: true })), {
        minLength: 2,
        maxLength: 20,
      }),
      (areas) => {
        const input = { numerator: areas.map(([o]) => o), denominator: areas.map(([, e]) => e) };
        const rows = funnelLimits(input, {
          statistic: 'ratio',
          multiplier: 100,
          ratioType: 'isr',
          type: 'standard',
        });
        for (const row of rows) {
          const l3 = row['lower_3s_limit'] as number;
          const l2 = row['lower_2s_limit'] as number;
          const u2 = row['upper_2s_limit'] as number;
          const u3 = row['upper_3s_limit'] as number;
          assert.ok(l3 < l2 && l2 < 100 && 100 < u2 && u2 < u3, JSON.stringify(row));
        }
      },
    ),
    { numRuns: 10 },
  );
});

test('property: significance agrees with the limits for proportions', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.integer({ min: 20, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true })), {
        minLength: 2,
        maxLength: 40,
      }),
      (areas) => {
        const denominator = areas.map(([n]) => n);
        const numerator = areas.map(([n, p]) => Math.round(n * p));
        const sig = funnelSignificance({ numerator, denominator }, { statistic: 'proportion' });
        const average = numerator.reduce((s, x) => s + x, 0) / denominator.reduce((s, x) => s + x, 0);
        // Every area at 0% or 100%: the limits collapse onto the average and which side of it rounding puts
        // each one is noise, in R as here.
        fc.pre(average > 0 && average < 1);
        sig.forEach(({ significance }, i) => {
          const n = denominator[i] as number;
          const p = (numerator[i] as number) / n;
          const inside =
            p >= funnelSigmaAdjustment(0.975, n, average, 'low', 1) &&
            p <= funnelSigmaAdjustment(0.975, n, average, 'high', 1);
          assert.equal(significance === 'Not significant', inside);
        });
      },
    ),
    { numRuns: 50 },
  );
});
