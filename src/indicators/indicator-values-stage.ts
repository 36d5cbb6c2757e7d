import { sql } from 'drizzle-orm';
import type { Db } from '../db/db.js';
import { queryRows } from '../db/query-rows.js';
import { bulkInsert } from '../imports/bulk-insert.js';
import {
  INDICATOR_VALUES_STAGE,
  type StagedValue,
  stagedValueColumns,
  stagedValueFields,
} from './staged-value.js';

/** Creates the staging table (temporary: dropped at commit or rollback). */
export async function createIndicatorValuesStage(db: Db): Promise<void> {
  const definitions = stagedValueColumns.map(([name, type]) => `"${name}" ${type}`).join(', ');
  await db.execute(sql.raw(`create temp table ${INDICATOR_VALUES_STAGE} (${definitions}) on commit drop`));
}

/** Writes a batch of values into the staging table. */
export async function stageIndicatorValues(db: Db, values: readonly StagedValue[]): Promise<void> {
  await bulkInsert(
    db,
    INDICATOR_VALUES_STAGE,
    stagedValueColumns,
    values.map((v) => stagedValueFields(v.line, v)),
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
