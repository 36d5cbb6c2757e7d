import { sql } from 'drizzle-orm';
import type { Db } from '../../db/db.js';
import { type BulkColumn, bulkInsert } from '../bulk-insert.js';
import type { LineRow } from '../importer.js';
import type { AreaLookupFormat } from './area-lookup-formats.js';
import type { AreaLookupRow } from './area-lookup-row.js';

/** The temporary table a lookup import stages its lines in, dropped when the transaction ends. */
export const AREA_LOOKUP_STAGE = 'area_lookup_stage';

/** The staging table's columns: line, then code_i, name_i, nhs_i for each level i of the format. */
export function areaLookupStageColumns(format: AreaLookupFormat): BulkColumn[] {
  const columns: BulkColumn[] = [['line', 'integer']];
  format.levels.forEach((_, i) => {
    columns.push([`code_${i}`, 'text'], [`name_${i}`, 'text'], [`nhs_${i}`, 'text']);
  });
  return columns;
}

/** Creates the staging table (temporary, dropped at commit or rollback). */
export async function createAreaLookupStage(db: Db, format: AreaLookupFormat): Promise<void> {
  const definitions = areaLookupStageColumns(format)
    .map(([name, type]) => `"${name}" ${type}`)
    .join(', ');
  await db.execute(sql.raw(`create temp table ${AREA_LOOKUP_STAGE} (${definitions}) on commit drop`));
}

/** Writes a batch of valid lines into the staging table. */
export async function stageAreaLookupRows(
  db: Db,
  format: AreaLookupFormat,
  rows: readonly LineRow<AreaLookupRow>[],
): Promise<void> {
  await bulkInsert(
    db,
    AREA_LOOKUP_STAGE,
    areaLookupStageColumns(format),
    rows.map(({ line, row }) => {
      const values: unknown[] = [line];
      format.levels.forEach((_, i) => {
        values.push(row.codes[i], row.names[i], row.nhsCodes[i]);
      });
      return values;
    }),
  );
}
