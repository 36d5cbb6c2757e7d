import type { Importer } from '../importer.js';
import { longTableImporter } from '../long-table/long-table-importer.js';
import type { LongTableRow } from '../long-table/long-table-row.js';
import { POPULATIONS_TARGET } from '../long-table/long-table-target.js';
import { type PopulationColumn, populationColumns } from './population-columns.js';
import { populationRowParser } from './population-row.js';

/** What `healthhub import population` is told on the command line. */
export interface PopulationImportOptions {
  /** The year of every row, for files without a year column (ONS's mid-year estimates). */
  readonly year?: number;
}

/**
 * `healthhub import population FILE.csv [--year YYYY]`: a long population table
 * (`area_code,area_name,sex,age,population[,year]`, one row per area, sex and single year of age or age band,
 * as ONS's mid-year estimates reshaped long) into populations. Areas the database does not know are added.
 *
 * The importer's name, and so the identity of its loads, includes the year given: the same file loaded
 * again with the same --year changes nothing, and with another --year it is loaded again (for that year).
 */
export function createPopulationImporter(
  options: PopulationImportOptions = {},
): Importer<PopulationColumn, LongTableRow> {
  return longTableImporter({
    name: options.year === undefined ? 'population' : `population --year ${options.year}`,
    columns: populationColumns({ yearGiven: options.year !== undefined }),
    parse: populationRowParser(options),
    target: POPULATIONS_TARGET,
  });
}
