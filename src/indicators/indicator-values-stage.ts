import { sql } from 'drizzle-orm';
import type { Db } from '../db/db.js';
import { queryRows } from '../db/query-rows.js';
import { type BulkColumn, bulkInsert } from '../imports/bulk-insert.js';

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
const bulkColumns: readonly BulkColumn[] = columns.map(([, name, type]) => [name, type]);

/** Creates the staging table (temporary: dropped at commit or rollback). */
export async function createIndicatorValuesStage(db: Db): Promise<void> {
  const definitions = columns.map(([, name, type]) => `"${name}" ${type}`).join(', ');
  await db.execute(sql.raw(`create temp table ${INDICATOR_VALUES_STAGE} (${definitions}) on commit drop`));
}

/** Writes a batch of values into the staging table. */
export async function stageIndicatorValues(db: Db, values: readonly StagedValue[]): Promise<void> {
  await bulkInsert(
    db,
    INDICATOR_VALUES_STAGE,
    bulkColumns,
    values.map((v) => columns.map(([key]) => v[key])),
  );
}

/**
 * Gathers the stage's statistics and, when values of the staged indicators are stored already, indexes the
 * stage by its key, before the merge joins the two. Without them PostgreSQL estimates the stage's joins with
 * indicator_values at one row and plans nested loops over the unindexed stage: re-importing the ONS Health
 * Index (120,344 rows) ran for over ten minutes; with them, seconds. A first import of its indicators has
 * nothing to join, and is spared the index (2 s of a million rows).
 */
export async function indexIndicatorValuesStage(db: Db): Promise<void> {
  await db.execute(sql.raw(`analyze ${INDICATOR_VALUES_STAGE}`));
  const [found] = await queryRows<{ stored: boolean }>(
    db,
    sql.raw(`select exists (select 1 from indicator_values
                             where indicator_id in (select distinct indicator_id from ${INDICATOR_VALUES_STAGE})) as stored`),
  );
  if (!found?.stored) return;
  await db.execute(
    sql.raw(
      `create index on ${INDICATOR_VALUES_STAGE} (indicator_id, area_code, period, sex, age, category_type, category)`,
    ),
  );
}
