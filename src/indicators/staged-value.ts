import type { BulkColumn } from '../imports/bulk-insert.js';

/** The temporary table indicator-value importers stage their rows in, dropped when the transaction ends. */
export const INDICATOR_VALUES_STAGE = 'indicator_values_stage';

/**
 * One value as an importer stages it: the key and figures of indicator_values, what the source said about
 * comparisons and trend (kept for reference), and the names an unknown area or indicator is added with.
 */
export interface StagedValue {
  /** The line of the file the value came from, for the report. */
  readonly line: number;
  readonly indicatorId: number;
  readonly areaCode: string;
  readonly period: string;
  readonly periodSort: number;
  readonly sex: string;
  readonly age: string;
  readonly categoryType: string;
  readonly category: string;
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
  /** For an area the database does not know yet: its name and type (areas.area_type). */
  readonly areaName: string | null;
  readonly areaType: string | null;
  /** For an indicator the database does not know yet: its name. */
  readonly indicatorName: string | null;
}

const columns: readonly (readonly [keyof StagedValue, string, string])[] = [
  ['line', 'line', 'integer'],
  ['indicatorId', 'indicator_id', 'integer'],
  ['areaCode', 'area_code', 'text'],
  ['period', 'period', 'text'],
  ['periodSort', 'period_sort', 'integer'],
  ['sex', 'sex', 'text'],
  ['age', 'age', 'text'],
  ['categoryType', 'category_type', 'text'],
  ['category', 'category', 'text'],
  ['value', 'value', 'double precision'],
  ['lower95', 'lower95', 'double precision'],
  ['upper95', 'upper95', 'double precision'],
  ['lower998', 'lower998', 'double precision'],
  ['upper998', 'upper998', 'double precision'],
  ['count', 'count', 'double precision'],
  ['denominator', 'denominator', 'double precision'],
  ['valueNote', 'value_note', 'text'],
  ['sourceTrend', 'source_trend', 'text'],
  ['sourceComparedToEngland', 'source_compared_to_england', 'text'],
  ['sourceComparedToRegion', 'source_compared_to_region', 'text'],
  ['areaName', 'area_name', 'text'],
  ['areaType', 'area_type', 'text'],
  ['indicatorName', 'indicator_name', 'text'],
];
/** The staging table's columns, in the order stagedValueFields gives. */
export const stagedValueColumns: readonly BulkColumn[] = columns.map(([, name, type]) => [name, type]);

const valueKeys = columns.slice(1).map(([key]) => key as Exclude<keyof StagedValue, 'line'>);

/**
 * The fields of a staged value from `line` of the file, in the order of stagedValueColumns, as bulkInsert
 * and copyText take them.
 */
export function stagedValueFields(line: number, value: Omit<StagedValue, 'line'>): unknown[] {
  const fields: unknown[] = [line];
  for (const key of valueKeys) fields.push(value[key]);
  return fields;
}
