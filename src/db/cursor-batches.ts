import { type SQL, sql } from 'drizzle-orm';
import type { Db } from './db.js';
import { queryRows } from './query-rows.js';

let cursors = 0;

/**
 * A query's rows through a server-side cursor, a batch at a time, so a result of any size is read with flat
 * memory. Must run inside a transaction (db is a transaction handle). The cursor sees the data as it was
 * when it was opened, whatever is written meanwhile.
 */
export async function* cursorBatches<T>(db: Db, query: SQL, batchSize: number): AsyncGenerator<T[]> {
  const name = sql.identifier(`healthhub_cursor_${++cursors}`);
  await db.execute(sql`declare ${name} no scroll cursor for ${query}`);
  for (;;) {
    const rows = await queryRows<T>(
      db,
      sql`fetch forward ${sql.raw(String(Math.max(1, batchSize)))} from ${name}`,
    );
    if (rows.length > 0) yield rows;
    if (rows.length < batchSize) break;
  }
  await db.execute(sql`close ${name}`);
}

/** Hands each batch of cursorBatches to `each`, in turn. */
export async function forEachBatch<T>(
  db: Db,
  query: SQL,
  batchSize: number,
  each: (rows: T[]) => Promise<void>,
): Promise<void> {
  for await (const rows of cursorBatches<T>(db, query, batchSize)) await each(rows);
}
