import type { Importer } from '../importer.js';
import { longTableImporter } from '../long-table/long-table-importer.js';
import type { LongTableRow } from '../long-table/long-table-row.js';
import { EVENT_COUNTS_TARGET } from '../long-table/long-table-target.js';
import { type CountsColumn, countsColumns } from './counts-columns.js';
import { countsRowParser } from './counts-row.js';

/** What `healthhub import counts` is told on the command line. */
export interface CountsImportOptions {
  /** The measure of every row (deaths-all-causes, ...), for files without a measure column. */
  readonly measure?: string;
  /** The year of every row, for files without a year column. */
  readonly year?: number;
}

/**
 * `healthhub import counts FILE.csv [--measure NAME] [--year YYYY]`: a long table of event counts
 * (`area_code,area_name,sex,age_band,<count>[,measure][,year]`, one row per area, sex and age band, as ONS's
 * death registrations by area) into event_counts, so that indicators can be computed from them with
 * populations (`healthhub compute`). Areas the database does not know are added.
 *
 * The importer's name, and so the identity of its loads, includes the measure and year given: the same file
 * loaded again with the same options changes nothing; with others it is loaded again.
 */
export function createCountsImporter(
  options: CountsImportOptions = {},
): Importer<CountsColumn, LongTableRow> {
  const given = [
    ...(options.measure === undefined ? [] : [`--measure ${options.measure}`]),
    ...(options.year === undefined ? [] : [`--year ${options.year}`]),
  ];
  return longTableImporter({
    name: ['counts', ...given].join(' '),
    columns: countsColumns({
      yearGiven: options.year !== undefined,
      measureGiven: options.measure !== undefined,
    }),
    parse: countsRowParser(options),
    target: EVENT_COUNTS_TARGET,
  });
}
