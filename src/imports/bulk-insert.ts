import { type SQL, sql } from 'drizzle-orm';
import { type CopyBinaryType, CopyBinaryWriter } from '../db/copy-binary-writer.js';
import { copyChunks, copyRows, postgresClientOf } from '../db/copy-rows.js';
import type { Db } from '../db/db.js';

/** A column written by bulkInsert and its PostgreSQL type, e.g. `['value', 'double precision']`. */
export type BulkColumn = readonly [name: string, type: string];

/**
 * Writes rows (one array of values per row, in the order of `columns`; null for NULL) into a table in one
 * statement: `insert ... select * from unnest($1::type[], $2::type[], ...)`, one array parameter per column,
 * so the statement's size and parameter count do not grow with the rows. Works on PGlite and PostgreSQL
 * alike, and on a PostgreSQL server COPY ... FROM STDIN instead. The one place imports write rows in bulk.
 */
export async function bulkInsert(
  db: Db,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly (readonly unknown[])[],
  options: {
    /**
     * On a PostgreSQL server, COPY in its binary format (CopyBinaryWriter): numbers go as their bytes, not
     * formatted and parsed again. The columns' types must then be exactly the table's.
     */
    readonly binary?: boolean;
  } = {},
): Promise<void> {
  if (rows.length === 0) return;
  // On a PostgreSQL server, COPY is the fastest way in.
  const client = postgresClientOf(db);
  if (client && options.binary) {
    const writer = new CopyBinaryWriter(columns.map(([, type]) => type as CopyBinaryType));
    for (const row of rows) writer.row(row);
    await copyChunks(
      client,
      table,
      columns.map(([name]) => name),
      [writer.take()],
      'binary',
    );
    return;
  }
  if (client) {
    await copyRows(
      client,
      table,
      columns.map(([name]) => name),
      rows,
    );
    return;
  }
  const arrays: unknown[][] = columns.map(() => new Array(rows.length));
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    for (let c = 0; c < columns.length; c++) arrays[c]![r] = row[c] ?? null;
  }
  const names = sql.join(
    columns.map(([name]) => sql.identifier(name)),
    sql`, `,
  );
  const unnested: SQL[] = columns.map(([, type], c) => sql`${sql.param(arrays[c])}::${sql.raw(type)}[]`);
  await db.execute(
    sql`insert into ${sql.identifier(table)} (${names}) select * from unnest(${sql.join(unnested, sql`, `)})`,
  );
}
