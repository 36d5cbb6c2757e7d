import { StatsInputError } from './errors.js';

/** The columns of a funnel-plot data set: one element per area (row). */
export interface FunnelInput {
  /** Observed events (proportion numerator, ratio observed count, rate events). */
  readonly numerator: ArrayLike<number>;
  /** Proportion / rate denominator, or the expected count of a ratio. */
  readonly denominator?: ArrayLike<number>;
  /** The rate of each row (rates only), per `multiplier` of population. */
  readonly rate?: ArrayLike<number>;
}

/**
 * The data checks that calculate_funnel_limits and assign_funnel_significance make for rates, in R's order and
 * wording.
 *
 * Method: every numerator present; every rate present unless a denominator is given for that row; where a
 * numerator is 0 a denominator field must be given and be > 0 for that row.
 * Reference: PHEindicatormethods 2.1, R/Funnels.R.
 * Cost: O(n).
 *
 * @param input the rows; `rate` must be present
 * @throws StatsInputError MISSING_NUMERATOR, MISSING_RATE, MISSING_DENOMINATOR_FIELD, MISSING_DENOMINATOR
 * @example
 * funnelRateChecks({ numerator: [5, 0], rate: [10, 0], denominator: [50000, 1000] }); // passes
 */
export function funnelRateChecks(input: FunnelInput): void {
  const { numerator, denominator } = input;
  const rate = input.rate as ArrayLike<number>;
  const n = numerator.length;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(numerator[i] as number)) {
      throw new StatsInputError(
        'MISSING_NUMERATOR',
        'for rates, numerators must be provided for all records, even when their values are zero',
        i,
      );
    }
  }
  for (let i = 0; i < n; i++) {
    const noDenominator = denominator ? Number.isNaN(denominator[i] as number) : true;
    if (noDenominator && Number.isNaN(rate[i] as number)) {
      throw new StatsInputError(
        'MISSING_RATE',
        'for rates, rates must be provided for all records, or a denominator must be provided if the rate is zero',
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
    if (!(d > 0)) {
      throw new StatsInputError(
        'MISSING_DENOMINATOR',
        'for rates, where there are 0 events for a record, the denominator must be provided',
        i,
      );
    }
  }
}
