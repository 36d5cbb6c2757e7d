import type { HeaderColumn } from '../check-header.js';
import { type LongTableColumn, longTableColumns } from '../long-table/long-table-columns.js';

/** The names a count column may have: the events it counts, or just `count`. */
export const COUNT_COLUMN_NAMES = [
  'count',
  'deaths',
  'births',
  'events',
  'cases',
  'admissions',
  'diagnoses',
  'registrations',
] as const;

/**
 * The columns of an event-count table: `area_code,area_name,sex,age_band,<count>[,measure][,year]` in any
 * order (see longTableColumns; `age_band` may be named `age`), the count column named for what it counts
 * (COUNT_COLUMN_NAMES: deaths, births, ..., or count). The measure and year columns are required unless
 * --measure and --year are given.
 */
export function countsColumns(options: { yearGiven: boolean; measureGiven: boolean }) {
  return [
    ...longTableColumns({ yearGiven: options.yearGiven, ageName: 'age_band' }),
    { key: 'count', name: 'count', pattern: new RegExp(`^(${COUNT_COLUMN_NAMES.join('|')})$`) },
    { key: 'measure', name: 'measure', optional: options.measureGiven },
  ] as const satisfies readonly HeaderColumn[];
}

export type CountsColumn = LongTableColumn | 'count' | 'measure';
