import { ciColumnNames, confidenceLabel, normaliseConfidence } from './confidence.js';
import { confidenceZ } from './confidence-z.js';

/** A validated confidence argument with what every method derives from it. */
export interface ResolvedConfidence {
  /** Levels as fractions, e.g. [0.95] or [0.95, 0.998]. */
  readonly levels: readonly number[];
  /** qnorm(level + (1 - level) / 2) for each level. */
  readonly z: readonly number[];
  /** R's `confidence` column text, e.g. "95%, 99.8%". */
  readonly label: string;
  /** Result column names for each level's limits. */
  readonly names: readonly { lower: string; upper: string }[];
}

let lastInput: number | readonly number[] | undefined;
let lastFirst = Number.NaN;
let lastSecond = Number.NaN;
let lastResolved: ResolvedConfidence | undefined;

/**
 * Validates a confidence argument ({@link normaliseConfidence}) and derives the normal critical values, the
 * `confidence` label and the limit column names, remembering the last argument so that calling a
 * per-group method a million times with the same confidence does the work once.
 *
 * Method: memoisation of the most recent argument (by value), then normaliseConfidence, confidenceZ,
 * confidenceLabel and ciColumnNames.
 * Reference: PHEindicatormethods 2.1 argument checks and column naming.
 * Cost: O(1); a handful of comparisons when the argument repeats.
 *
 * @param confidence one level or [0.95, 0.998]
 * @returns the resolved levels (shared, do not modify)
 * @throws StatsInputError as {@link normaliseConfidence}
 * @example
 * resolveConfidence(95).z[0]; // 1.959963984540054
 */
export function resolveConfidence(confidence: number | readonly number[]): ResolvedConfidence {
  if (lastResolved !== undefined) {
    if (typeof confidence === 'number') {
      if (typeof lastInput === 'number' && confidence === lastFirst) return lastResolved;
    } else if (
      typeof lastInput !== 'number' &&
      confidence.length === lastResolved.levels.length &&
      confidence[0] === lastFirst &&
      (confidence.length < 2 || confidence[1] === lastSecond)
    ) {
      return lastResolved;
    }
  }
  const levels = normaliseConfidence(confidence);
  const resolved: ResolvedConfidence = {
    levels,
    z: levels.map(confidenceZ),
    label: confidenceLabel(levels),
    names: ciColumnNames(levels),
  };
  lastInput = confidence;
  lastFirst = typeof confidence === 'number' ? confidence : (confidence[0] as number);
  lastSecond = typeof confidence === 'number' ? Number.NaN : (confidence[1] ?? Number.NaN);
  lastResolved = resolved;
  return resolved;
}
