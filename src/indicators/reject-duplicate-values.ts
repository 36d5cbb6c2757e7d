import { sql } from 'drizzle-orm';
import { forEachBatch } from '../db/cursor-batches.js';
import type { ImportContext } from '../imports/importer.js';
import { INDICATOR_VALUES_STAGE } from './staged-value.js';

const stage = sql.raw(INDICATOR_VALUES_STAGE);
const firstLine = sql`
  select line, min(line) over (partition by indicator_id, area_code, period, sex, age, category_type, category)
         as first_line
    from ${stage}`;

/**
 * Rejects every staged value whose key (indicator, area, period, sex, age, category type, category) an
 * earlier line of the file already has, naming that line, and drops it from the stage: a file must not say
 * two things about one value.
 */
export async function rejectDuplicateValues(context: ImportContext): Promise<void> {
  const { db } = context;
  let found = false;
  await forEachBatch<{ line: number; first_line: number }>(
    db,
    sql`select line, first_line from (${firstLine}) d where line <> first_line order by line`,
    5000,
    async (rows) => {
      found = true;
      for (const r of rows) {
        await context.reject(
          r.line,
          `duplicate: line ${r.first_line} has the same indicator, area, time period, sex, age and category`,
        );
      }
    },
  );
  if (found) {
    await db.execute(
      sql`delete from ${stage} s using (${firstLine}) d where s.line = d.line and d.line <> d.first_line`,
    );
  }
}
