import { StatsInputError } from './errors.js';

/** Options for {@link normaliseConfidence}. */
export interface NormaliseConfidenceOptions {
  /**
   * Accept any two levels that each pass the single-level range check. PHEindicatormethods' own
   * phe_proportion / phe_rate / phe_mean / calculate_dsr / calculate_ISRate / calculate_ISRatio accept a pair
   * only when it is exactly c(0.95, 0.998), which is the default here; set this for a method whose R version
   * is more permissive.
   */
  readonly anyPair?: boolean;
}

const RANGE_MESSAGE = 'confidence level must be between 90 and 100 or between 0.9 and 1';

function checkRange(level: number): void {
  // NaN fails every comparison, so it is caught by the explicit test; R would stop with a
  // "missing value where TRUE/FALSE needed" error there.
  if (Number.isNaN(level) || level < 0.9 || (level > 1 && level < 90) || level > 100) {
    throw new StatsInputError('CONFIDENCE_OUT_OF_RANGE', RANGE_MESSAGE);
  }
}

/**
 * Validates a confidence argument and returns the levels as fractions (95 → 0.95), in the order given.
 *
 * Method: PHEindicatormethods' argument checks, in R's order: at most two levels ("a maximum of two
 * confidence levels can be provided"); a pair must be exactly 0.95 and 0.998 ("two confidence levels can only
 * be produced if they are specified as 0.95 and 0.998"), unless `options.anyPair`; a single level must lie in
 * [0.9, 1] or [90, 100] ("confidence level must be between 90 and 100 or between 0.9 and 1"). Levels of 90 or
 * more are divided by 100, as R does with `confidence[confidence >= 90] / 100`.
 * Reference: the validation blocks of R's phe_proportion, phe_rate, calculate_dsr (PHEindicatormethods 2.1).
 * Cost: O(1).
 *
 * @param c one level (0.95 or 95 style) or an array of one or two levels
 * @param options see {@link NormaliseConfidenceOptions}
 * @returns the levels as fractions in (0, 1]
 * @throws StatsInputError codes NO_CONFIDENCE_LEVEL, TOO_MANY_CONFIDENCE_LEVELS, INVALID_CONFIDENCE_PAIR,
 *   CONFIDENCE_OUT_OF_RANGE
 * @example
 * normaliseConfidence(95); // [0.95]
 * normaliseConfidence([0.95, 0.998]); // [0.95, 0.998]
 */
export function normaliseConfidence(
  c: number | readonly number[],
  options: NormaliseConfidenceOptions = {},
): number[] {
  const levels: readonly number[] = typeof c === 'number' ? [c] : c;
  if (levels.length === 0) {
    throw new StatsInputError('NO_CONFIDENCE_LEVEL', 'at least one confidence level must be provided');
  }
  if (levels.length > 2) {
    throw new StatsInputError(
      'TOO_MANY_CONFIDENCE_LEVELS',
      'a maximum of two confidence levels can be provided',
    );
  }
  if (levels.length === 2) {
    const a = levels[0] as number;
    const b = levels[1] as number;
    if (options.anyPair) {
      checkRange(a);
      checkRange(b);
    } else if (!(a === 0.95 && b === 0.998)) {
      throw new StatsInputError(
        'INVALID_CONFIDENCE_PAIR',
        'two confidence levels can only be produced if they are specified as 0.95 and 0.998',
      );
    }
  } else {
    checkRange(levels[0] as number);
  }
  return levels.map((level) => (level >= 90 ? level / 100 : level));
}

/** R prints numbers with 15 significant digits, so 0.998 * 100 shows as 99.8, not 99.80000000000001. */
function percentText(level: number): string {
  return String(Number((level * 100).toPrecision(15)));
}

/**
 * Result column names for the confidence limits of each level, in R's naming.
 *
 * Method: one level gives `lowercl` / `uppercl`; two give `lower<L>cl` / `upper<L>cl` where `<L>` is the level
 * in percent with one decimal and the point replaced by an underscore (R's
 * `gsub("\\.", "_", formatC(confidence * 100, format = "f", digits = 1))`), e.g. `lower95_0cl`, `upper99_8cl`.
 * Reference: PHEindicatormethods 2.1 output columns (phe_proportion, calculate_dsr, ...).
 * Cost: O(1).
 *
 * @param levels the fractions returned by {@link normaliseConfidence}
 * @returns one `{ lower, upper }` pair per level, in the order given
 * @example
 * ciColumnNames([0.95]); // [{ lower: 'lowercl', upper: 'uppercl' }]
 * ciColumnNames([0.95, 0.998]); // [{ lower: 'lower95_0cl', upper: 'upper95_0cl' }, { lower: 'lower99_8cl', upper: 'upper99_8cl' }]
 */
export function ciColumnNames(levels: readonly number[]): { lower: string; upper: string }[] {
  if (levels.length === 1) return [{ lower: 'lowercl', upper: 'uppercl' }];
  return levels.map((level) => {
    const tag = (level * 100).toFixed(1).replace('.', '_');
    return { lower: `lower${tag}cl`, upper: `upper${tag}cl` };
  });
}

/**
 * The text of R's `confidence` result column.
 *
 * Method: each level times 100 printed as R prints numbers (15 significant digits, no trailing zeros) followed
 * by "%", joined with ", " (R's `paste(conf1*100, "%, ", conf2*100, "%", sep = "")`).
 * Reference: PHEindicatormethods 2.1 output column `confidence`.
 * Cost: O(1).
 *
 * @param levels the fractions returned by {@link normaliseConfidence}
 * @returns e.g. "95%" or "95%, 99.8%"
 * @example
 * confidenceLabel([0.95, 0.998]); // "95%, 99.8%"
 */
export function confidenceLabel(levels: readonly number[]): string {
  return levels.map((level) => `${percentText(level)}%`).join(', ');
}
