import { StatsInputError } from './errors.js';

/**
 * Validates phe_sii's `confidence` argument and returns the levels as fractions, in the order given.
 *
 * Method: phe_sii's own check, which differs from the other methods': any number of levels is allowed, and the
 * call fails when any level is below 0.9, when any level is above 1 while any level is below 90 (so a level in
 * (1, 90), or fractions mixed with percentages, fail), or when any level is above 100. Levels of 90 or more are
 * then divided by 100 (`confidence[confidence >= 90] / 100`).
 * Reference: R/SII_function.R, PHEindicatormethods 2.1.
 * Cost: O(k) for k levels.
 *
 * @param confidence one level (0.95 or 95 style) or an array of levels
 * @returns the levels as fractions
 * @throws StatsInputError NON_NUMERIC_ARGUMENT, NO_CONFIDENCE_LEVEL, CONFIDENCE_OUT_OF_RANGE
 * @example
 * siiConfidence([95, 99]); // [0.95, 0.99]
 */
export function siiConfidence(confidence: number | readonly number[]): number[] {
  const levels: readonly number[] = typeof confidence === 'number' ? [confidence] : confidence;
  if (levels.length === 0) {
    throw new StatsInputError('NO_CONFIDENCE_LEVEL', 'at least one confidence level must be provided');
  }
  let below = false;
  let aboveOne = false;
  let below90 = false;
  let above100 = false;
  for (let i = 0; i < levels.length; i++) {
    const c = levels[i] as number;
    if (typeof c !== 'number') {
      throw new StatsInputError(
        'NON_NUMERIC_ARGUMENT',
        'multiplier, repetitions and confidence inputs should be numeric',
      );
    }
    // R stops with "missing value where TRUE/FALSE needed" on NA; it is reported as out of range here.
    if (Number.isNaN(c)) below = true;
    if (c < 0.9) below = true;
    if (c > 1) aboveOne = true;
    if (c < 90) below90 = true;
    if (c > 100) above100 = true;
  }
  if (below || (aboveOne && below90) || above100) {
    throw new StatsInputError(
      'CONFIDENCE_OUT_OF_RANGE',
      'all confidence levels must be between 90 and 100 or between 0.9 and 1',
    );
  }
  return levels.map((c) => (c >= 90 ? c / 100 : c));
}

/**
 * The level as phe_sii tags its columns: percent with one decimal, point as underscore (0.95 → "95_0").
 *
 * @example
 * siiConfidenceTag(0.95); // '95_0'
 */
export function siiConfidenceTag(level: number): string {
  return (level * 100).toFixed(1).replace('.', '_');
}
