import { StatsInputError } from './errors.js';
import type { FunnelInput } from './funnel-rate-checks.js';

/** Options of {@link funnelPoints}, named after calculate_funnel_points' arguments (all required). */
export interface FunnelPointsOptions {
  /** "dsr" or "crude". */
  readonly rateType: 'dsr' | 'crude';
  /** Years of data the counts cover. */
  readonly yearsOfData: number;
  /** The rates' multiplier (e.g. 100000). */
  readonly multiplier: number;
}

/**
 * One row's chart values. R names the first column after the rate column, `<rate>_chart`; it is `rate_chart`
 * here (R's name when the rate column is called `rate`), and the caller renames it if needed.
 */
export interface FunnelPointsRow {
  rate_chart: number;
  denominator_derived: number;
}

/**
 * The point to plot for each area on a rate funnel plot: its rate and its average annual population.
 *
 * Method: calculate_funnel_points. dsr: rate and (multiplier × events / rate) / years, both NA (NaN) when
 * there are fewer than 10 events; crude: the rate, and (multiplier × events / rate) / years, or the given
 * denominator / years for rows with 0 events.
 * Reference: PHEindicatormethods 2.1 calculate_funnel_points (R/Funnels.R).
 * Cost: O(n).
 *
 * @param input `numerator` (events), `rate` and, where some rows have 0 events, `denominator`
 * @param options see {@link FunnelPointsOptions}
 * @returns one row per input row, in input order
 * @throws StatsInputError MISSING_ARGUMENT, MISSING_NUMERATOR, MISSING_DENOMINATOR_FIELD, MISSING_DENOMINATOR,
 *   INVALID_RATE_TYPE, LENGTH_MISMATCH
 * @example
 * funnelPoints({ numerator: [414], rate: [184] }, { rateType: 'dsr', yearsOfData: 3, multiplier: 1e5 });
 * // [{ rate_chart: 184, denominator_derived: 75000 }]
 */
export function funnelPoints(input: FunnelInput, options: FunnelPointsOptions): FunnelPointsRow[] {
  const { numerator, denominator, rate } = input;
  const { rateType, yearsOfData, multiplier } = options;
  if (
    !numerator ||
    !rate ||
    rateType === undefined ||
    yearsOfData === undefined ||
    multiplier === undefined
  ) {
    throw new StatsInputError(
      'MISSING_ARGUMENT',
      'the following arguments are required for rates: data, numerator, rate, rate_type, years_of_data, multiplier',
    );
  }
  const n = numerator.length;
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
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(numerator[i] as number)) {
      // R's zero-event test returns NA here and stops ("missing value where TRUE/FALSE needed").
      throw new StatsInputError(
        'MISSING_NUMERATOR',
        'for rates, numerators must be provided for all records, even when their values are zero',
        i,
      );
    }
  }
  for (let i = 0; i < n; i++) {
    if (numerator[i] !== 0) continue;
    if (!denominator) {
      throw new StatsInputError(
        'MISSING_DENOMINATOR_FIELD',
        'for rates, where there are 0 events for a record, the denominator field needs to be provided using the denominator argument',
        i,
      );
    }
    const d = denominator[i] as number;
    if (d === 0 || Number.isNaN(d)) {
      throw new StatsInputError(
        'MISSING_DENOMINATOR',
        'for rates, where there are 0 events for a record, the denominator must be provided',
        i,
      );
    }
  }
  if (rateType !== 'dsr' && rateType !== 'crude') {
    throw new StatsInputError('INVALID_RATE_TYPE', `'arg' should be one of “dsr”, “crude”`);
  }
  const out: FunnelPointsRow[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const x = numerator[i] as number;
    const r = rate[i] as number;
    if (rateType === 'dsr') {
      out[i] =
        x < 10
          ? { rate_chart: Number.NaN, denominator_derived: Number.NaN }
          : { rate_chart: r, denominator_derived: (multiplier * x) / r / yearsOfData };
    } else {
      const derived =
        denominator && x === 0
          ? (denominator[i] as number) / yearsOfData
          : (multiplier * x) / r / yearsOfData;
      out[i] = { rate_chart: r, denominator_derived: derived };
    }
  }
  return out;
}
