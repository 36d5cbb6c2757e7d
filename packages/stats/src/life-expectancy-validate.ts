import { normaliseConfidence } from './confidence.js';
import { StatsInputError } from './errors.js';
import { lifeExpectancyStartAge, rNumberText } from './life-expectancy-start-age.js';

/**
 * R's default `age_contents`: the start ages of the 20 bands 0, 1-4, 5-9, ..., 85-89, 90+.
 *
 * @example
 * LIFE_EXPECTANCY_DEFAULT_AGE_CONTENTS.length; // 20
 */
export const LIFE_EXPECTANCY_DEFAULT_AGE_CONTENTS: readonly number[] = [
  0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90,
];

/** Options for {@link lifeExpectancyValidate}. */
export interface LifeExpectancyValidateOptions {
  /** The age bands in ascending order (R's `age_contents`); default {@link LIFE_EXPECTANCY_DEFAULT_AGE_CONTENTS}. */
  readonly ageContents?: readonly (number | string)[];
  /** One or more confidence levels, 0.95 or 95 style; default 0.95. */
  readonly confidence?: number | readonly number[];
}

function bandText(band: number | string): string {
  return typeof band === 'number' ? rNumberText(band) : band;
}

/**
 * Runs `phe_life_expectancy`'s argument checks, in R's order, and returns the confidence levels as fractions.
 *
 * Method: (1) the first of `ageContents` must start at age 0 ("first age band in age_contents must be 0");
 * (2) the start ages read from `ageContents` must be ascending ("age_contents doesn't appear to be in
 * ascending order; the following age bands appear out of position: ..."); (3) every confidence level must lie
 * in [0.9, 1] or every level in [90, 100] ("all confidence levels must be between 90 and 100 or between 0.9 and
 * 1"; any number of levels, unlike the other methods); (4) unless `startage` is null, the distinct non-missing
 * values of `startage` must be exactly `ageContents` ("the contents in the startage field do not match the
 * contents of the age_contents vector"). R runs check (4) on the WHOLE data, not per group: for grouped data
 * call this once on the full startage column, then call `lifeExpectancy` per group with `checkAgeBands: false`.
 * Values are compared as R's `as.character` text.
 * Reference: PHEindicatormethods 2.1 `phe_life_expectancy` (R/LifeExpectancy.R).
 * Cost: O(n + k) for n startage values and k age bands.
 *
 * @param startage every row's age band (number or text; NaN is missing), or null to skip check (4)
 * @param options see {@link LifeExpectancyValidateOptions}
 * @returns the confidence levels as fractions, in the order given
 * @throws StatsInputError AGE_CONTENTS_FIRST_NOT_ZERO, AGE_CONTENTS_NOT_ASCENDING, NO_CONFIDENCE_LEVEL,
 *   CONFIDENCE_OUT_OF_RANGE, AGE_BANDS_MISMATCH
 * @example
 * lifeExpectancyValidate(['0', '1-4'], { ageContents: ['0', '1-4'], confidence: [95, 99.8] }); // [0.95, 0.998]
 */
export function lifeExpectancyValidate(
  startage: ArrayLike<number | string> | null,
  options: LifeExpectancyValidateOptions = {},
): number[] {
  const ageContents = options.ageContents ?? LIFE_EXPECTANCY_DEFAULT_AGE_CONTENTS;
  const stripped = ageContents.map(lifeExpectancyStartAge);
  if (stripped[0] !== 0) {
    throw new StatsInputError('AGE_CONTENTS_FIRST_NOT_ZERO', 'first age band in age_contents must be 0');
  }
  // R compares the vector with its sorted self; sort() drops NA, so any unreadable band is out of position.
  const sorted = stripped.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  const misplaced: string[] = [];
  for (let i = 0; i < stripped.length; i++) {
    if (stripped[i] !== sorted[i]) misplaced.push(bandText(ageContents[i] as number | string));
  }
  if (misplaced.length > 0) {
    throw new StatsInputError(
      'AGE_CONTENTS_NOT_ASCENDING',
      `age_contents doesn't appear to be in ascending order; the following age bands appear out of position: ${misplaced.join(', ')}`,
    );
  }

  const given: readonly number[] =
    typeof options.confidence === 'number' ? [options.confidence] : (options.confidence ?? [0.95]);
  if (given.length === 0) {
    throw new StatsInputError('NO_CONFIDENCE_LEVEL', 'at least one confidence level must be provided');
  }
  // R's test mixes the levels: c(0.95, 95) fails because one level is above 1 and another below 90.
  let below = false;
  let above1 = false;
  let below90 = false;
  let above100 = false;
  for (const c of given) {
    if (Number.isNaN(c) || c < 0.9) below = true;
    if (c > 1) above1 = true;
    if (c < 90) below90 = true;
    if (c > 100) above100 = true;
  }
  if (below || (above1 && below90) || above100) {
    throw new StatsInputError(
      'CONFIDENCE_OUT_OF_RANGE',
      'all confidence levels must be between 90 and 100 or between 0.9 and 1',
    );
  }
  // One level at a time: phe_life_expectancy accepts any number of levels, the shared helper at most two.
  const levels = given.map((c) => normaliseConfidence(c)[0] as number);

  if (startage !== null) {
    const contents = new Set<string>();
    let duplicated = false;
    for (const band of ageContents) {
      const key = bandText(band);
      if (contents.has(key)) duplicated = true;
      contents.add(key);
    }
    const seen = new Set<string>();
    let mismatch = duplicated;
    for (let i = 0; i < startage.length && !mismatch; i++) {
      const band = startage[i] as number | string;
      if (typeof band === 'number' && Number.isNaN(band)) continue;
      const key = bandText(band);
      if (!contents.has(key)) mismatch = true;
      seen.add(key);
    }
    if (mismatch || seen.size !== contents.size) {
      throw new StatsInputError(
        'AGE_BANDS_MISMATCH',
        'the contents in the startage field do not match the contents of the age_contents vector',
      );
    }
  }
  return levels;
}
