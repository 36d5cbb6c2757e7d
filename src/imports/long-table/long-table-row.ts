import type { PopulationSex } from '../../populations/population-sex.js';

/**
 * One valid row of a long ONS-style table (a population or an event count by area, year, sex and age band),
 * ready for the staging table.
 */
export interface LongTableRow {
  /** The event counted (deaths-all-causes, ...); '' for populations. */
  readonly measure: string;
  readonly areaCode: string;
  readonly areaName: string;
  /** areas.area_type from the code's prefix (see gssAreaType), for areas not yet known. */
  readonly areaType: string;
  readonly year: number;
  readonly sex: PopulationSex;
  readonly ageFrom: number;
  /** null: and over. */
  readonly ageTo: number | null;
  /** An "All ages" row: the total of the area, year and sex (ageFrom 0, ageTo null). */
  readonly isTotal: boolean;
  /** The population or the count. */
  readonly amount: number;
}
