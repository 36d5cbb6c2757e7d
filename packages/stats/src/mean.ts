import { accurateSum } from './accurate-sum.js';
import type { ConfidenceLimits } from './confidence-limits.js';
import { qt } from './distributions/qt.js';
import { resolveConfidence } from './resolved-confidence.js';

/** Options of {@link mean}. */
export interface MeanOptions {
  /** 0.95 or 95 style, or [0.95, 0.998]. Default 0.95. */
  readonly confidence?: number | readonly number[];
  /**
   * Receives R's warning text. R's `qt` warns "NaNs produced" for a group of one value (0 degrees of freedom);
   * the limits are then NaN.
   */
  readonly onWarning?: (message: string) => void;
}

/**
 * One row of phe_mean output, columns in R's order: `value_sum, value_count, stdev, value`, the limits
 * (`lowercl, uppercl` or `lower95_0cl, upper95_0cl, lower99_8cl, upper99_8cl`), `confidence`, `statistic`
 * ("mean"), `method` ("Student's t-distribution").
 */
export type MeanResult = {
  value_sum: number;
  value_count: number;
  stdev: number;
  value: number;
} & ConfidenceLimits & {
    confidence: string;
    statistic: string;
    method: string;
  };

/** Sample standard deviation as R's `sd`: two passes, the mean corrected by the mean residual. */
function sampleSd(values: ArrayLike<number>, total: number): number {
  const n = values.length;
  if (n < 2 || Number.isNaN(total)) return Number.NaN;
  let m = total / n;
  let residual = 0;
  for (let i = 0; i < n; i++) residual += (values[i] as number) - m;
  m += residual / n;
  let squares = 0;
  let compensation = 0;
  for (let i = 0; i < n; i++) {
    const d = (values[i] as number) - m;
    const v = d * d;
    const t = squares + v;
    if (squares >= v) compensation += squares - t + v;
    else compensation += v - t + squares;
    squares = t;
  }
  return Math.sqrt((squares + compensation) / (n - 1));
}

/**
 * The mean of a group of values with Student's t confidence limits, as R's `phe_mean` computes it for one
 * group (the caller splits the data into groups).
 *
 * Method: value_sum = sum, value_count = number of values (missing ones included, as R's `length`),
 * stdev = sample standard deviation, value = value_sum / value_count; limits
 * value -/+ |qt((1 - c) / 2, value_count - 1)| stdev / sqrt(value_count). A NaN value makes value_sum, stdev,
 * value and the limits NaN (R's `sum` and `sd` without na.rm); one value gives NaN stdev and limits.
 * Reference: W. S. Gosset ("Student", 1908), The probable error of a mean, Biometrika 6, 1-25;
 * PHEindicatormethods 2.1 `phe_mean`.
 * Cost: O(n) plus one t quantile per level.
 *
 * @param values the group's values
 * @param options confidence
 * @returns sum, count, standard deviation, mean, limits and metadata columns (see {@link MeanResult})
 * @throws StatsInputError TOO_MANY_CONFIDENCE_LEVELS, INVALID_CONFIDENCE_PAIR, CONFIDENCE_OUT_OF_RANGE
 * @example
 * mean([30, 40, 50, 60]); // value 45, stdev 12.909944487358056, lowercl 24.457..., uppercl 65.542...
 */
export function mean(values: ArrayLike<number>, options: MeanOptions = {}): MeanResult {
  const resolved = resolveConfidence(options.confidence ?? 0.95);
  const levels = resolved.levels;
  const count = values.length;
  const total = accurateSum(values);
  const stdev = sampleSd(values, total);
  const value = total / count;
  const se = stdev / Math.sqrt(count);
  if (count < 2) options.onWarning?.('NaNs produced');
  const half0 = Math.abs(qt((1 - (levels[0] as number)) / 2, count - 1)) * se;
  const head = { value_sum: total, value_count: count, stdev, value };
  if (levels.length === 1) {
    return {
      ...head,
      lowercl: value - half0,
      uppercl: value + half0,
      confidence: resolved.label,
      statistic: 'mean',
      method: "Student's t-distribution",
    };
  }
  const half1 = Math.abs(qt((1 - (levels[1] as number)) / 2, count - 1)) * se;
  return {
    ...head,
    lower95_0cl: value - half0,
    upper95_0cl: value + half0,
    lower99_8cl: value - half1,
    upper99_8cl: value + half1,
    confidence: resolved.label,
    statistic: 'mean',
    method: "Student's t-distribution",
  };
}
