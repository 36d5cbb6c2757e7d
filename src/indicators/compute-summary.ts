/** An area and sex a computation could not compute, and why. */
export interface SkippedValue {
  readonly areaCode: string;
  readonly sex: string;
  readonly reason: string;
}

/** What `healthhub compute` did. */
export interface ComputeSummary {
  readonly method: string;
  readonly indicatorId: number;
  readonly period: string;
  /** 'unchanged': the same inputs gave the same values and definition; nothing was written. */
  readonly status: 'computed' | 'unchanged';
  /** The data_loads row of the computation (none when unchanged). */
  readonly loadId: number | undefined;
  /** Values computed (including those with no value: fewer than 10 events for a DSR). */
  readonly values: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly skipped: readonly SkippedValue[];
}

/** The summary as the command line prints it: one line, then a line per value skipped. */
export function formatComputeSummary(s: ComputeSummary): string {
  const head = `compute ${s.method}: indicator ${s.indicatorId}, ${s.period}`;
  const counts = `${s.values} values: ${s.inserted} inserted, ${s.updated} updated, ${s.unchanged} unchanged; ${s.skipped.length} skipped`;
  const line =
    s.status === 'unchanged'
      ? `${head}: ${counts}: nothing changed`
      : `${head} (load ${s.loadId}): ${counts}`;
  return [line, ...s.skipped.map((k) => `  skipped ${k.areaCode} ${k.sex}: ${k.reason}`)].join('\n');
}
