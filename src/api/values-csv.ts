import { neutraliseFormula } from '../app/neutralise-formula.js';
import { formatCsv } from '../calc/csv-output.js';
import type { ValueRow } from '../indicators/value-queries.js';

/** Fingertips' column names where a column has one, then healthhub's demonstration flag. */
const header = [
  'Indicator ID',
  'Indicator Name',
  'Area Code',
  'Area Name',
  'Area Type',
  'Sex',
  'Age',
  'Category Type',
  'Category',
  'Time period',
  'Value',
  'Lower CI 95.0 limit',
  'Upper CI 95.0 limit',
  'Lower CI 99.8 limit',
  'Upper CI 99.8 limit',
  'Count',
  'Denominator',
  'Value note',
  'Recent Trend',
  'Compared to England value or percentiles',
  'Compared to London value',
  'Time period Sortable',
  'Demonstration data',
] as const;

/**
 * Values as CSV in Fingertips' column layout (RFC 4180 quoting, LF line endings), so tools that read
 * Fingertips exports read these. Every row says whether it is demonstration data: a row copied out of the
 * file on its own still says so.
 */
export function valuesCsv(values: readonly ValueRow[]): string {
  return formatCsv(
    header,
    values.map((v) =>
      [
        v.indicatorId,
        v.indicatorName,
        v.areaCode,
        v.areaName,
        v.areaType,
        v.sex,
        v.age,
        v.categoryType,
        v.category,
        v.period,
        v.value,
        v.lower95,
        v.upper95,
        v.lower998,
        v.upper998,
        v.count,
        v.denominator,
        v.note,
        v.trend,
        v.comparedToEngland,
        v.comparedToLondon,
        v.periodSort,
        v.demo ? 'yes' : 'no',
      ].map(neutraliseFormula),
    ),
  );
}
