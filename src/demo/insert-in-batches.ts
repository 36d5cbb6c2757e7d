import { getTableColumns, type SQL, type SQLChunk, sql } from 'drizzle-orm';
import type { PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/db.js';

/**
 * Inserts rows in batches of `size`, each batch one multi-row INSERT ... SELECT from json_to_recordset over a
 * single JSON parameter, on the handle given (pass a transaction to make them one unit). The columns are the
 * keys of the first row, typed as the table declares them. One parameter per batch keeps the statement small
 * and skips Drizzle's per-value query building, which costs more than the insert itself for tens of thousands
 * of rows; PostgreSQL and PGlite run it alike. Numbers round-trip exactly (shortest decimal text in, float8
 * out); NaN and undefined become null. Returns how many rows were inserted.
 */
export async function insertInBatches<T extends PgTable>(
  db: Db,
  table: T,
  rows: readonly PgInsertValue<T>[],
  size = 5000,
): Promise<number> {
  const first = rows[0];
  if (first === undefined) return 0;
  const columns = getTableColumns(table);
  const keys = Object.keys(first);
  const typed: SQL[] = [];
  const fields: SQLChunk[] = [];
  const targets: SQLChunk[] = [];
  for (const key of keys) {
    const column = columns[key];
    if (column === undefined) throw new Error(`${key} is not a column of the table`);
    typed.push(sql`${sql.identifier(key)} ${sql.raw(column.getSQLType())}`);
    fields.push(sql.identifier(key));
    targets.push(sql.identifier(column.name));
  }
  for (let start = 0; start < rows.length; start += size) {
    const json = JSON.stringify(rows.slice(start, start + size));
    await db.execute(
      sql`insert into ${table} (${sql.join(targets, sql`, `)}) select ${sql.join(fields, sql`, `)} from json_to_recordset(${json}::json) as r(${sql.join(typed, sql`, `)})`,
    );
  }
  return rows.length;
}
