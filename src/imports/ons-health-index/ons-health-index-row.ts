import { createRowValidator } from '../create-row-validator.js';
import { integerCell, optionalNumberCell, requiredTextCell } from '../csv-fields.js';
import { areaCodeCell, areaCodeKinds } from '../formats/area-code-cell.js';
import type { OnsHealthIndexColumn } from './ons-health-index-columns.js';
import { onsHealthIndexIndicator } from './ons-health-index-indicators.js';

/** One valid row of the Health Index underlying data, ready for the staging table. */
export interface OnsHealthIndexRow {
  readonly areaCode: string;
  readonly year: number;
  /** The indicator's name as listed (onsHealthIndexIndicators), or as the file writes it when not listed. */
  readonly indicatorName: string;
  /** The listed indicator's id; null for a name not listed, given an id when the import is applied. */
  readonly indicatorId: number | null;
  readonly value: number | null;
}

const validate = createRowValidator(
  {
    areaCode: areaCodeCell(areaCodeKinds.localAuthorityEngland),
    year: integerCell({ min: 1990, max: 2100 }),
    indicator: requiredTextCell(),
    // R writes a missing value as NA.
    value: optionalNumberCell({ missing: ['NA'] }),
  },
  {
    build: ({ areaCode, year, indicator, value }): OnsHealthIndexRow => {
      const listed = onsHealthIndexIndicator(indicator);
      return {
        areaCode,
        year,
        indicatorName: listed?.name ?? indicator,
        indicatorId: listed?.id ?? null,
        value,
      };
    },
  },
);

/**
 * Validates one record. Refused: an area code that is not an English local authority district's, a year that
 * is not a whole number from 1990 to 2100, an empty indicator name, a value that is not a number (empty or NA
 * is a missing value, kept as NULL).
 */
export function parseOnsHealthIndexRow(
  fields: Readonly<Record<OnsHealthIndexColumn, string>>,
  names: Readonly<Record<OnsHealthIndexColumn, string>>,
) {
  return validate(fields, names);
}
