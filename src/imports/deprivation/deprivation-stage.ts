import { sql } from 'drizzle-orm';
import type { Db } from '../../db/db.js';
import { type BulkColumn, bulkInsert } from '../bulk-insert.js';
import type { LineRow } from '../importer.js';
import type { DeprivationRow } from './deprivation-row.js';

/** The temporary table a deprivation import stages its rows in, dropped when the transaction ends. */
export const DEPRIVATION_STAGE = 'deprivation_stage';

const columns: readonly BulkColumn[] = [
  ['line', 'integer'],
  ['area_code', 'text'],
  ['area_name', 'text'],
  ['score', 'double precision'],
  ['rank', 'integer'],
  ['decile', 'smallint'],
];

/** Creates the staging table (temporary, dropped at commit or rollback). */
export async function createDeprivationStage(db: Db): Promise<void> {
  const definitions = columns.map(([name, type]) => `"${name}" ${type}`).join(', ');
  await db.execute(sql.raw(`create temp table ${DEPRIVATION_STAGE} (${definitions}) on commit drop`));
}

/** Writes a batch of valid rows into the staging table. */
export async function stageDeprivationRows(db: Db, rows: readonly LineRow<DeprivationRow>[]): Promise<void> {
  await bulkInsert(
    db,
    DEPRIVATION_STAGE,
    columns,
    rows.map(({ line, row: r }) => [line, r.areaCode, r.areaName, r.score, r.rank, r.decile]),
  );
}
