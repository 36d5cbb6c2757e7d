/**
 * Where the rows of a long ONS-style table go: populations (keyed by area, year, sex and age band) or
 * event_counts (by measure too), and the column holding the number.
 */
export interface LongTableTarget {
  readonly table: 'populations' | 'event_counts';
  readonly amountColumn: 'population' | 'count';
  /** Rows are keyed by measure as well (event_counts). */
  readonly hasMeasure: boolean;
}

export const POPULATIONS_TARGET: LongTableTarget = {
  table: 'populations',
  amountColumn: 'population',
  hasMeasure: false,
};

export const EVENT_COUNTS_TARGET: LongTableTarget = {
  table: 'event_counts',
  amountColumn: 'count',
  hasMeasure: true,
};

/** The columns that, with age_from, key a row of the target (its primary key, in order). */
export function keyColumnsOf(target: LongTableTarget): readonly string[] {
  return [...(target.hasMeasure ? ['measure'] : []), 'area_code', 'year', 'sex'];
}
