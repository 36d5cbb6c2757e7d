import { sql } from 'drizzle-orm';
import type { Db } from '../../db/db.js';
import { type BulkColumn, bulkInsert } from '../bulk-insert.js';
import type { LineRow } from '../importer.js';
import type { LongTableRow } from './long-table-row.js';
import { keyColumnsOf, type LongTableTarget } from './long-table-target.js';

/** The temporary table a population or event-count import stages its rows in, dropped when it ends. */
export const LONG_TABLE_STAGE = 'long_table_stage';

const columns: readonly BulkColumn[] = [
  ['line', 'integer'],
  ['measure', 'text'],
  ['area_code', 'text'],
  ['area_name', 'text'],
  ['area_type', 'text'],
  ['year', 'integer'],
  ['sex', 'text'],
  ['age_from', 'integer'],
  ['age_to', 'integer'],
  ['is_total', 'boolean'],
  ['amount', 'double precision'],
];

/** Creates the staging table (temporary, dropped at commit or rollback). */
export async function createLongTableStage(db: Db): Promise<void> {
  const definitions = columns.map(([name, type]) => `"${name}" ${type}`).join(', ');
  await db.execute(sql.raw(`create temp table ${LONG_TABLE_STAGE} (${definitions}) on commit drop`));
}

/** Writes a batch of valid rows into the staging table. */
export async function stageLongTableRows(db: Db, rows: readonly LineRow<LongTableRow>[]): Promise<void> {
  await bulkInsert(
    db,
    LONG_TABLE_STAGE,
    columns,
    rows.map(({ line, row: r }) => [
      line,
      r.measure,
      r.areaCode,
      r.areaName,
      r.areaType,
      r.year,
      r.sex,
      r.ageFrom,
      r.ageTo,
      r.isTotal,
      r.amount,
    ]),
  );
}

/**
 * Indexes the staged rows as the target table's primary key orders them, and gathers the planner's
 * statistics: the checks and the merge join the stage with itself and with the target by these columns.
 */
export async function indexLongTableStage(db: Db, target: LongTableTarget): Promise<void> {
  const key = [...keyColumnsOf(target), 'age_from'].join(', ');
  await db.execute(sql.raw(`create index on ${LONG_TABLE_STAGE} (${key})`));
  await db.execute(sql.raw(`analyze ${LONG_TABLE_STAGE}`));
}
