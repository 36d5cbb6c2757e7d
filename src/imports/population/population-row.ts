import { createRowValidator } from '../create-row-validator.js';
import { gssCodeCell, requiredTextCell } from '../csv-fields.js';
import { gssAreaType } from '../long-table/gss-area-type.js';
import { ageBandCell, amountCell, sexCell, yearCell } from '../long-table/long-table-cells.js';
import type { LongTableRow } from '../long-table/long-table-row.js';
import type { RowResult } from '../validate-row.js';
import type { PopulationColumn } from './population-columns.js';

/**
 * Validates the records of a population table, with the year given on the command line (if any). Refused:
 * an area code that is not an ONS code, an empty area name, a sex other than Males/Females/Persons, an age
 * that is not an age or band, a population that is not a number of 0 or more, a year that is not one (or
 * differs from --year), no year at all.
 */
export function populationRowParser(options: { year?: number }) {
  const validate = createRowValidator(
    {
      areaCode: gssCodeCell(),
      areaName: requiredTextCell(),
      sex: sexCell(),
      age: ageBandCell(),
      year: yearCell(options.year),
      population: amountCell(),
    },
    {
      build: ({ areaCode, areaName, sex, age, year, population }): LongTableRow => ({
        measure: '',
        areaCode,
        areaName,
        areaType: gssAreaType(areaCode),
        year,
        sex,
        ...age,
        amount: population,
      }),
    },
  );
  return (
    fields: Readonly<Record<PopulationColumn, string>>,
    names: Readonly<Record<PopulationColumn, string>>,
  ): RowResult<LongTableRow> => validate(fields, names);
}
