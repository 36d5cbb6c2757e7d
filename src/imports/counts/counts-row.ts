import { createRowValidator } from '../create-row-validator.js';
import { gssCodeCell, requiredTextCell } from '../csv-fields.js';
import { gssAreaType } from '../long-table/gss-area-type.js';
import { ageBandCell, amountCell, measureCell, sexCell, yearCell } from '../long-table/long-table-cells.js';
import type { LongTableRow } from '../long-table/long-table-row.js';
import type { RowResult } from '../validate-row.js';
import type { CountsColumn } from './counts-columns.js';

/**
 * Validates the records of an event-count table, with the measure and year given on the command line (if
 * any). Refused: an area code that is not an ONS code (an empty one, or two joined such as
 * "E06000052+E06000053"), an empty area name, a sex other than Males/Females/Persons, an age band that is not
 * one, a count that is not a number of 0 or more, a year or measure that is not one (or differs from the
 * one given), no year or measure at all.
 */
export function countsRowParser(options: { year?: number; measure?: string }) {
  const validate = createRowValidator(
    {
      areaCode: gssCodeCell(),
      areaName: requiredTextCell(),
      sex: sexCell(),
      age: ageBandCell(),
      year: yearCell(options.year),
      measure: measureCell(options.measure),
      count: amountCell(),
    },
    {
      build: ({ areaCode, areaName, sex, age, year, measure, count }): LongTableRow => ({
        measure,
        areaCode,
        areaName,
        areaType: gssAreaType(areaCode),
        year,
        sex,
        ...age,
        amount: count,
      }),
    },
  );
  return (
    fields: Readonly<Record<CountsColumn, string>>,
    names: Readonly<Record<CountsColumn, string>>,
  ): RowResult<LongTableRow> => validate(fields, names);
}
