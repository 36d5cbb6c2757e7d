import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/db.js';
import { queryRows } from '../../src/db/query-rows.js';
import type { ImportError, ImportErrorCode } from '../../src/imports/import-error.js';
import { assertRefused, snapshot } from './import-assertions.js';

/**
 * Everything the population and count importers and `healthhub compute` can change: the tables of
 * snapshot() with populations and event_counts, each as a row count and a digest of its rows.
 */
export async function longTableSnapshot(db: Db): Promise<Record<string, number | string>> {
  const [row] = await queryRows<Record<string, number | string>>(
    db,
    sql`select (select count(*)::int from populations) as populations,
               (select count(*)::int from event_counts) as event_counts,
               (select md5(coalesce(string_agg(t::text, '|' order by t.area_code, t.year, t.sex, t.age_from), ''))
                  from populations t) as populations_digest,
               (select md5(coalesce(string_agg(t::text, '|'
                         order by t.measure, t.area_code, t.year, t.sex, t.age_from), ''))
                  from event_counts t) as event_counts_digest,
               (select md5(coalesce(string_agg(t::text, '|' order by t.id), '')) from data_loads t) as loads_digest,
               (select md5(coalesce(string_agg(t::text, '|' order by t.id), ''))
                  from indicator_value_history t) as history_digest`,
  );
  return { ...(await snapshot(db)), ...row! };
}

/**
 * Runs an import that must be refused with `code`, checks that no table changed (longTableSnapshot), and
 * returns the error and the report's lines (line,reason) without its header.
 */
export function assertImportRefused(
  db: Db,
  run: () => Promise<unknown>,
  code: ImportErrorCode,
): Promise<{ error: ImportError; report: string[] }> {
  return assertRefused(db, run, code, longTableSnapshot);
}
