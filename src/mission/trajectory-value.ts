/** A target: where an indicator stood in the baseline year and where it is aimed to be by the target year. */
export interface TargetLine {
  readonly baselineYear: number;
  readonly baselineValue: number;
  readonly targetYear: number;
  readonly targetValue: number;
}

/**
 * The value the straight line from baseline to target reaches in a year: the baseline before the baseline year
 * and the target from the target year on, since the partnership committed to neither an earlier path nor a
 * further one. A target year at or before the baseline year is the target throughout.
 */
export function trajectoryValue(line: TargetLine, year: number): number {
  const span = line.targetYear - line.baselineYear;
  if (span <= 0) return line.targetValue;
  const share = Math.min(1, Math.max(0, (year - line.baselineYear) / span));
  return line.baselineValue + (line.targetValue - line.baselineValue) * share;
}
