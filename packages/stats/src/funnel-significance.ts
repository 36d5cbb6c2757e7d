import { StatsInputError } from './errors.js';
import { funnelDerivedDenominator } from './funnel-derived-denominator.js';
import { type FunnelInput, funnelRateChecks } from './funnel-rate-checks.js';
import { funnelRatioSignificance } from './funnel-ratio-significance.js';
import { funnelSigmaAdjustment } from './funnel-sigma-adjustment.js';

/** R's significance levels (the factor levels of assign_funnel_significance's `significance` column). */
export type FunnelSignificanceLabel =
  | 'High (0.001)'
  | 'High (0.025)'
  | 'Low (0.001)'
  | 'Low (0.025)'
  | 'Not significant'
  | 'Not applicable for events less than 10 for dsrs';

/** Options of {@link funnelSignificance}, named after assign_funnel_significance's arguments. */
export interface FunnelSignificanceOptions {
  /** "proportion", "ratio" or "rate" (required). */
  readonly statistic: 'proportion' | 'ratio' | 'rate';
  /** For rates: "dsr" or "crude". */
  readonly rateType?: 'dsr' | 'crude';
  /** For rates: the rates' multiplier (e.g. 100000). */
  readonly multiplier?: number;
}

/** One row's result: R's appended column. */
export interface FunnelSignificanceRow {
  significance: FunnelSignificanceLabel;
}

function oneOf(arg: unknown, choices: readonly string[], code: string): void {
  if (!choices.includes(arg as string)) {
    throw new StatsInputError(code, `'arg' should be one of ${choices.map((c) => `“${c}”`).join(', ')}`);
  }
}

/**
 * Whether each area lies outside the 95% (0.025 each side) or 99.8% (0.001) funnel-plot control limits around
 * the average of all areas given.
 *
 * Method: assign_funnel_significance. Proportions: the area's proportion against the Wilson-score limits
 * around the average proportion (sum of numerators / sum of denominators) at the area's denominator. Ratios:
 * 1 against the exact-Poisson (fewer than 10 events) or Byar's confidence limits of observed / expected.
 * Rates: the weighted average (sum of events / sum of derived denominators) against the same limits of events
 * / derived denominator (dsr: multiplier × events / rate, none for 0 events; crude: likewise, or the given
 * denominator for 0 events); DSRs with fewer than 10 events are "Not applicable for events less than 10 for
 * dsrs". Tests run from the most extreme: Low (0.001), Low (0.025), High (0.001), High (0.025) for proportions;
 * High (0.001), High (0.025), Low (0.001), Low (0.025) for ratios and rates; otherwise "Not significant".
 * Reference: PHEindicatormethods 2.1 assign_funnel_significance (R/Funnels.R, R/utils.R); Fingertips Public
 * Health Technical Guidance, funnel plots.
 * Cost: O(n), with up to four chi-squared quantiles per row of fewer than 10 events.
 *
 * @param input the rows: numerator and denominator (expected for ratios); rates also need `rate`
 * @param options see {@link FunnelSignificanceOptions}
 * @returns one `{ significance }` per input row, in input order
 * @throws StatsInputError MISSING_STATISTIC, MISSING_ARGUMENT, MISSING_NUMERATOR, MISSING_RATE,
 *   MISSING_DENOMINATOR_FIELD, MISSING_DENOMINATOR, MISSING_VALUE, INVALID_RATE_TYPE, INVALID_STATISTIC,
 *   NEGATIVE_NUMERATOR, NON_POSITIVE_DENOMINATOR, NUMERATOR_EXCEEDS_DENOMINATOR, LENGTH_MISMATCH
 * @example
 * funnelSignificance({ numerator: [10232, 12321, 15123, 13213], denominator: [15232, 16123, 17932, 18475] },
 *   { statistic: 'proportion' }); // [{ significance: 'Low (0.001)' }, …]
 */
export function funnelSignificance(
  input: FunnelInput,
  options: FunnelSignificanceOptions,
): FunnelSignificanceRow[] {
  const { statistic, rateType, multiplier } = options;
  if (statistic === undefined || statistic === null) {
    throw new StatsInputError('MISSING_STATISTIC', 'statistic must be provided as proportion, rate or ratio');
  }
  const { numerator, denominator, rate } = input;
  const n = numerator?.length ?? 0;
  for (const [name, values] of [
    ['denominator', denominator],
    ['rate', rate],
  ] as const) {
    if (values && values.length !== n) {
      throw new StatsInputError(
        'LENGTH_MISMATCH',
        `${name} has ${values.length} elements but numerator has ${n}`,
      );
    }
  }
  if (statistic === 'rate') {
    if (!numerator || !rate || rateType === undefined || multiplier === undefined) {
      throw new StatsInputError(
        'MISSING_ARGUMENT',
        'the following arguments are required for rates: data, numerator, rate, rate_type, multiplier',
      );
    }
    funnelRateChecks(input);
    oneOf(rateType, ['dsr', 'crude'], 'INVALID_RATE_TYPE');
  } else if (statistic === 'proportion' || statistic === 'ratio') {
    if (!numerator || !denominator) {
      throw new StatsInputError(
        'MISSING_ARGUMENT',
        'the following arguments are required for ratios and proportions: data, numerator, denominator',
      );
    }
    if (statistic === 'proportion') {
      for (let i = 0; i < n; i++) {
        if (Number.isNaN(numerator[i] as number) || Number.isNaN(denominator[i] as number)) {
          throw new StatsInputError(
            'MISSING_VALUE',
            'for proportions, numerators and denominators must be provided for all records, even when their values are zero',
            i,
          );
        }
      }
    }
  } else {
    oneOf(statistic, ['proportion', 'ratio', 'rate'], 'INVALID_STATISTIC');
  }
  for (let i = 0; i < n; i++) {
    if ((numerator[i] as number) < 0) {
      throw new StatsInputError('NEGATIVE_NUMERATOR', 'numerators must be greater than or equal to zero', i);
    }
  }
  // R reads the denominator column here even for rates; without one there is nothing to check.
  if (denominator) {
    for (let i = 0; i < n; i++) {
      if ((denominator[i] as number) <= 0) {
        throw new StatsInputError('NON_POSITIVE_DENOMINATOR', 'denominators must be greater than zero', i);
      }
    }
  }
  if (statistic === 'proportion') {
    const den = denominator as ArrayLike<number>;
    for (let i = 0; i < n; i++) {
      if ((numerator[i] as number) > (den[i] as number)) {
        throw new StatsInputError(
          'NUMERATOR_EXCEEDS_DENOMINATOR',
          'numerators must be less than or equal to denominator for a proportion statistic',
          i,
        );
      }
    }
  }

  const out: FunnelSignificanceRow[] = new Array(n);
  if (statistic === 'proportion') {
    const den = denominator as ArrayLike<number>;
    let sumX = 0;
    let sumN = 0;
    for (let i = 0; i < n; i++) {
      sumX += numerator[i] as number;
      sumN += den[i] as number;
    }
    const average = sumX / sumN;
    for (let i = 0; i < n; i++) {
      const d = den[i] as number;
      const p = (numerator[i] as number) / d;
      let label: FunnelSignificanceLabel = 'Not significant';
      if (p < funnelSigmaAdjustment(0.999, d, average, 'low', 1)) label = 'Low (0.001)';
      else if (p < funnelSigmaAdjustment(0.975, d, average, 'low', 1)) label = 'Low (0.025)';
      else if (p > funnelSigmaAdjustment(0.999, d, average, 'high', 1)) label = 'High (0.001)';
      else if (p > funnelSigmaAdjustment(0.975, d, average, 'high', 1)) label = 'High (0.025)';
      out[i] = { significance: label };
    }
    return out;
  }

  let expected: ArrayLike<number>;
  let reference: number;
  if (statistic === 'ratio') {
    expected = denominator as ArrayLike<number>;
    reference = 1;
    for (let i = 0; i < n; i++) {
      if (Number.isNaN(numerator[i] as number) || Number.isNaN(expected[i] as number)) {
        // R stops with "missing value where TRUE/FALSE needed".
        throw new StatsInputError(
          'MISSING_VALUE',
          'for ratios, observed and expected counts must be provided for all records',
          i,
        );
      }
    }
  } else {
    const derived = funnelDerivedDenominator(
      numerator,
      rate as ArrayLike<number>,
      denominator,
      rateType as 'dsr' | 'crude',
      multiplier as number,
      true,
    );
    let sumX = 0;
    let sumD = 0;
    for (let i = 0; i < n; i++) {
      sumX += numerator[i] as number;
      const d = derived[i] as number;
      if (!Number.isNaN(d)) sumD += d;
    }
    expected = derived;
    reference = sumX / sumD;
  }
  for (let i = 0; i < n; i++) {
    const x = numerator[i] as number;
    const e = expected[i] as number;
    let label: FunnelSignificanceLabel = 'Not significant';
    if (reference < funnelRatioSignificance(x, e, 0.998, 'low')) label = 'High (0.001)';
    else if (reference < funnelRatioSignificance(x, e, 0.95, 'low')) label = 'High (0.025)';
    else if (reference > funnelRatioSignificance(x, e, 0.998, 'high')) label = 'Low (0.001)';
    else if (reference > funnelRatioSignificance(x, e, 0.95, 'high')) label = 'Low (0.025)';
    if (statistic === 'rate' && rateType === 'dsr' && x < 10) {
      label = 'Not applicable for events less than 10 for dsrs';
    }
    out[i] = { significance: label };
  }
  return out;
}
