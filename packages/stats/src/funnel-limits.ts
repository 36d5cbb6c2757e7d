import { StatsInputError } from './errors.js';
import { funnelAxis } from './funnel-axis.js';
import { funnelDerivedDenominator } from './funnel-derived-denominator.js';
import { funnelPoissonLimit } from './funnel-poisson-limit.js';
import { type FunnelInput, funnelRateChecks } from './funnel-rate-checks.js';
import { funnelSigmaAdjustment } from './funnel-sigma-adjustment.js';

/** Options of {@link funnelLimits}, named after calculate_funnel_limits' arguments. */
export interface FunnelLimitsOptions {
  /** "proportion", "ratio" or "rate" (required). */
  readonly statistic: 'proportion' | 'ratio' | 'rate';
  /** Scale of the limits, e.g. 100 for percentages or 100000 for rates (required). */
  readonly multiplier?: number;
  /** "full" (default) adds the `statistic` and `method` columns. */
  readonly type?: 'full' | 'standard';
  /** For ratios: "count" (limits of observed / expected − 1) or "isr" (× 100). */
  readonly ratioType?: 'count' | 'isr';
  /** For rates: "dsr" or "crude". */
  readonly rateType?: 'dsr' | 'crude';
  /** For rates: years of data the counts cover. */
  readonly yearsOfData?: number;
}

/**
 * One of the 100 rows of funnel-plot control limits, keys in R's column order.
 * Proportion: `Population`, `lower_2s_limit`, `upper_2s_limit`, `lower_3s_limit`, `upper_3s_limit`, `baseline`.
 * Ratio: `Observed_events`, then for each of lower_2s, upper_2s, lower_3s, upper_3s: `<x>_exp_events`,
 * `<x>_limit`. Rate: `Events`, then for each: `<x>_population_1_year`, `<x>_limit`; then `baseline`.
 * Type "full" appends `statistic` (e.g. "rate (dsr per 100,000)") and `method` ("Wilson" or "Poisson").
 */
export type FunnelLimitsRow = Record<string, number | string>;

function oneOf(arg: unknown, choices: readonly string[], code: string): void {
  if (!choices.includes(arg as string)) {
    throw new StatsInputError(code, `'arg' should be one of ${choices.map((c) => `“${c}”`).join(', ')}`);
  }
}

/** R's format(x, big.mark = ",", scientific = FALSE): 7 significant digits, thousands separated. */
function formatBigMark(x: number): string {
  const rounded = Number(x.toPrecision(7));
  const [mantissa, exponent] = Math.abs(rounded).toExponential(6).split('e') as [string, string];
  const nsig = mantissa.replace('.', '').replace(/0+$/, '').length;
  const decimals = Math.max(0, nsig - Number(exponent) - 1);
  const [intPart, frac] = Math.abs(rounded).toFixed(decimals).split('.') as [string, string | undefined];
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (rounded < 0 ? '-' : '') + grouped + (frac ? `.${frac}` : '');
}

/**
 * Control limits for a funnel plot: 95% ("2s") and 99.8% ("3s") limits around the average, at 100 points
 * along the x axis.
 *
 * Method: calculate_funnel_limits. Proportions: Wilson-score limits around the average proportion
 * (sum of numerators / sum of denominators), floored at 0 and capped at 100, at 100 populations. Ratios: for
 * 100 observed counts, the expected counts that put the count on each Poisson limit (exact Poisson by bisection,
 * as the Fingertips macro), limit = observed / expected − 1 ("count") or × 100 ("isr"). Rates: the same Poisson
 * limits for 100 event counts, turned into one-year populations (expected / average / years) and rates
 * (× multiplier), with denominators derived from the rates (dsr: multiplier × events / rate, rows with 0 events
 * left out; crude: the same, or the given denominator for 0 events). The x axis runs from 0 (or, when the
 * denominators span less than a factor of 2, 95% of the smallest) to 105% of the largest, in 100 geometric steps.
 * Reference: PHEindicatormethods 2.1 calculate_funnel_limits (R/Funnels.R, R/utils.R); Fingertips Public
 * Health Technical Guidance, funnel plots.
 * Cost: O(n) over the rows plus 400 Poisson bisections for ratios and rates, each O(23 × events).
 *
 * @param input numerators, and denominators (proportion, ratio) or rates (and optional denominators) for rates
 * @param options see {@link FunnelLimitsOptions}
 * @returns 100 rows of limits
 * @throws StatsInputError MISSING_STATISTIC, MISSING_ARGUMENT, MISSING_NUMERATOR, MISSING_RATE,
 *   MISSING_DENOMINATOR_FIELD, MISSING_DENOMINATOR, MISSING_VALUE, INVALID_TYPE, INVALID_STATISTIC,
 *   INVALID_RATIO_TYPE, INVALID_RATE_TYPE, LENGTH_MISMATCH, NO_DENOMINATORS
 * @example
 * funnelLimits({ numerator: [65, 80, 30], denominator: [100, 120, 50] },
 *   { statistic: 'proportion', multiplier: 100, type: 'standard' })[0];
 * // { Population: 1, lower_2s_limit: 0, upper_2s_limit: 100, lower_3s_limit: 0, upper_3s_limit: 100, baseline: 64.81481481481481 }
 */
export function funnelLimits(input: FunnelInput, options: FunnelLimitsOptions): FunnelLimitsRow[] {
  const { statistic, multiplier, ratioType, rateType, yearsOfData } = options;
  const type = options.type ?? 'full';
  if (statistic === undefined || statistic === null) {
    throw new StatsInputError('MISSING_STATISTIC', 'statistic must be provided as proportion, rate or ratio');
  }
  const { numerator, denominator, rate } = input;
  if (statistic === 'rate') {
    if (
      !numerator ||
      !rate ||
      rateType === undefined ||
      yearsOfData === undefined ||
      multiplier === undefined
    ) {
      throw new StatsInputError(
        'MISSING_ARGUMENT',
        'the following arguments are required for rates: data, numerator, rate, rate_type, multiplier, years_of_data',
      );
    }
    checkLengths(input);
    funnelRateChecks(input);
    oneOf(rateType, ['dsr', 'crude'], 'INVALID_RATE_TYPE');
  } else if (statistic === 'ratio') {
    if (!numerator || !denominator || ratioType === undefined || multiplier === undefined) {
      throw new StatsInputError(
        'MISSING_ARGUMENT',
        'the following arguments are required for ratios: data, numerator, denominator, ratio_type, multiplier',
      );
    }
    oneOf(ratioType, ['count', 'isr'], 'INVALID_RATIO_TYPE');
  } else if (statistic === 'proportion') {
    if (!numerator || !denominator || multiplier === undefined) {
      throw new StatsInputError(
        'MISSING_ARGUMENT',
        'the following arguments are required for proportions: data, numerator, denominator, multiplier',
      );
    }
    checkLengths(input);
    for (let i = 0; i < numerator.length; i++) {
      if (Number.isNaN(numerator[i] as number) || Number.isNaN(denominator[i] as number)) {
        throw new StatsInputError(
          'MISSING_VALUE',
          'for proportions, numerators and denominators must be provided for all records, even when their values are zero',
          i,
        );
      }
    }
  }
  oneOf(type, ['full', 'standard'], 'INVALID_TYPE');
  oneOf(statistic, ['proportion', 'ratio', 'rate'], 'INVALID_STATISTIC');
  checkLengths(input);
  const mult = multiplier as number;

  const derived =
    statistic === 'rate'
      ? funnelDerivedDenominator(
          numerator,
          rate as ArrayLike<number>,
          denominator,
          rateType as 'dsr' | 'crude',
          mult,
          false,
        )
      : Float64Array.from(denominator as ArrayLike<number>);
  let sumNumerator = 0;
  for (let i = 0; i < numerator.length; i++) sumNumerator += numerator[i] as number;
  let sumDenominator = 0;
  let minDenominator = Number.POSITIVE_INFINITY;
  let maxDenominator = Number.NEGATIVE_INFINITY;
  let present = 0;
  for (let i = 0; i < derived.length; i++) {
    const d = derived[i] as number;
    if (Number.isNaN(d)) continue;
    present++;
    sumDenominator += d;
    if (d < minDenominator) minDenominator = d;
    if (d > maxDenominator) maxDenominator = d;
  }
  if (present === 0) {
    throw new StatsInputError('NO_DENOMINATORS', 'no denominators are available to set the funnel plot axis');
  }
  const average = sumNumerator / sumDenominator;
  const years = yearsOfData ?? 1;
  const axis = funnelAxis({ statistic, minDenominator, maxDenominator, average, yearsOfData: years });

  const rows: FunnelLimitsRow[] = [];
  for (let j = 0; j < axis.length; j++) {
    const x = axis[j] as number;
    let row: FunnelLimitsRow;
    if (statistic === 'proportion') {
      row = {
        Population: x,
        lower_2s_limit: Math.max(0, funnelSigmaAdjustment(0.975, x, average, 'low', mult)),
        upper_2s_limit: Math.min(100, funnelSigmaAdjustment(0.975, x, average, 'high', mult)),
        lower_3s_limit: Math.max(0, funnelSigmaAdjustment(0.999, x, average, 'low', mult)),
        upper_3s_limit: Math.min(100, funnelSigmaAdjustment(0.999, x, average, 'high', mult)),
        baseline: average * mult,
      };
    } else if (statistic === 'ratio') {
      const scale = (limit: number): number => (ratioType === 'count' ? limit - 1 : limit * 100);
      const l2 = funnelPoissonLimit(x, 0.025, 'high');
      const u2 = funnelPoissonLimit(x, 0.025, 'low');
      const l3 = funnelPoissonLimit(x, 0.001, 'high');
      const u3 = funnelPoissonLimit(x, 0.001, 'low');
      row = {
        Observed_events: x,
        lower_2s_exp_events: l2,
        lower_2s_limit: scale(x / l2),
        upper_2s_exp_events: u2,
        upper_2s_limit: scale(x / u2),
        lower_3s_exp_events: l3,
        lower_3s_limit: scale(x / l3),
        upper_3s_exp_events: u3,
        upper_3s_limit: scale(x / u3),
      };
    } else {
      const l2 = funnelPoissonLimit(x, 0.025, 'high') / average;
      const u2 = funnelPoissonLimit(x, 0.025, 'low') / average;
      const l3 = funnelPoissonLimit(x, 0.001, 'high') / average;
      const u3 = funnelPoissonLimit(x, 0.001, 'low') / average;
      row = {
        Events: x,
        lower_2s_population_1_year: l2 / years,
        lower_2s_limit: (x / l2) * mult,
        upper_2s_population_1_year: u2 / years,
        upper_2s_limit: (x / u2) * mult,
        lower_3s_population_1_year: l3 / years,
        lower_3s_limit: (x / l3) * mult,
        upper_3s_population_1_year: u3 / years,
        upper_3s_limit: (x / u3) * mult,
        baseline: average * mult,
      };
    }
    if (type === 'full') {
      row['statistic'] =
        statistic === 'ratio'
          ? `ratio (${ratioType})`
          : statistic === 'rate'
            ? `rate (${rateType} per ${formatBigMark(mult)})`
            : 'proportion';
      row['method'] = statistic === 'proportion' ? 'Wilson' : 'Poisson';
    }
    rows.push(row);
  }
  return rows;
}

function checkLengths(input: FunnelInput): void {
  const n = input.numerator.length;
  for (const [name, values] of [
    ['denominator', input.denominator],
    ['rate', input.rate],
  ] as const) {
    if (values && values.length !== n) {
      throw new StatsInputError(
        'LENGTH_MISMATCH',
        `${name} has ${values.length} elements but numerator has ${n}`,
      );
    }
  }
}
