import { createRowValidator, type RowIssue } from '../create-row-validator.js';
import {
  CellIssue,
  gssCodeCell,
  integerCell,
  optionalNumberCell,
  optionalTextCell,
  refineCell,
  requiredTextCell,
  textCell,
} from '../csv-fields.js';
import { fingertipsAreaType } from './fingertips-area-type.js';
import type { FingertipsColumn } from './fingertips-columns.js';

/** One valid row of a Fingertips CSV, ready for the staging table. */
export interface FingertipsRow {
  readonly indicatorId: number;
  readonly indicatorName: string;
  readonly areaCode: string;
  readonly areaName: string;
  /** areas.area_type, from the file's Area Type (see fingertipsAreaType). */
  readonly areaType: string;
  readonly sex: string;
  readonly age: string;
  readonly categoryType: string;
  readonly category: string;
  readonly period: string;
  readonly periodSort: number;
  readonly value: number | null;
  readonly lower95: number | null;
  readonly upper95: number | null;
  readonly lower998: number | null;
  readonly upper998: number | null;
  readonly count: number | null;
  readonly denominator: number | null;
  readonly valueNote: string | null;
  readonly sourceTrend: string | null;
  readonly sourceComparedToEngland: string | null;
  readonly sourceComparedToRegion: string | null;
}

const areaTypeCell = () =>
  refineCell(requiredTextCell(), (name) => {
    const type = fingertipsAreaType(name);
    return type === undefined ? new CellIssue(`'${name}' is not an area type healthhub can name`) : type;
  });

type Figures = Record<
  'lower95' | 'upper95' | 'lower998' | 'upper998' | 'count' | 'denominator',
  number | null
>;

/** A lower limit above its upper limit, a negative count or denominator. */
function checkLimitsAndCounts(row: Figures): RowIssue[] {
  const issues: RowIssue[] = [];
  if (row.lower95 !== null && row.upper95 !== null && row.lower95 > row.upper95) {
    issues.push({ key: 'lower95', message: `${row.lower95} is above the upper limit ${row.upper95}` });
  }
  if (row.lower998 !== null && row.upper998 !== null && row.lower998 > row.upper998) {
    issues.push({ key: 'lower998', message: `${row.lower998} is above the upper limit ${row.upper998}` });
  }
  if (row.count !== null && row.count < 0) {
    issues.push({ key: 'count', message: `${row.count} is negative` });
  }
  if (row.denominator !== null && row.denominator < 0) {
    issues.push({ key: 'denominator', message: `${row.denominator} is negative` });
  }
  return issues;
}

const validate = createRowValidator(
  {
    indicatorId: integerCell({ min: 1 }),
    indicatorName: requiredTextCell(),
    areaCode: gssCodeCell(),
    areaName: requiredTextCell(),
    areaType: areaTypeCell(),
    sex: requiredTextCell(),
    age: requiredTextCell(),
    categoryType: textCell(),
    category: textCell(),
    period: requiredTextCell(),
    periodSort: integerCell({ min: 0 }),
    value: optionalNumberCell(),
    lower95: optionalNumberCell(),
    upper95: optionalNumberCell(),
    lower998: optionalNumberCell(),
    upper998: optionalNumberCell(),
    count: optionalNumberCell(),
    denominator: optionalNumberCell(),
    valueNote: optionalTextCell(),
    recentTrend: optionalTextCell(),
    comparedToEngland: optionalTextCell(),
    comparedToParent: optionalTextCell(),
  },
  {
    check: checkLimitsAndCounts,
    build: (r): FingertipsRow => ({
      indicatorId: r.indicatorId,
      indicatorName: r.indicatorName,
      areaCode: r.areaCode,
      areaName: r.areaName,
      areaType: r.areaType,
      sex: r.sex,
      age: r.age,
      categoryType: r.categoryType,
      category: r.category,
      period: r.period,
      periodSort: r.periodSort,
      value: r.value,
      lower95: r.lower95,
      upper95: r.upper95,
      lower998: r.lower998,
      upper998: r.upper998,
      count: r.count,
      denominator: r.denominator,
      valueNote: r.valueNote,
      sourceTrend: r.recentTrend,
      sourceComparedToEngland: r.comparedToEngland,
      sourceComparedToRegion: r.comparedToParent,
    }),
  },
);

/**
 * Validates one record of a Fingertips CSV. Empty numbers are NULL; a value without limits, a City of London
 * row with no value and the note "Value for Hackney and City of London combined", are ordinary rows. Refused:
 * a missing indicator id, area code, sex, age, period or sortable period; a number that is not one; a lower
 * limit above its upper limit; a negative count or denominator; an area code that is not an ONS code.
 */
export function parseFingertipsRow(
  fields: Readonly<Record<FingertipsColumn, string>>,
  names: Readonly<Record<FingertipsColumn, string>>,
) {
  return validate(fields, names);
}
