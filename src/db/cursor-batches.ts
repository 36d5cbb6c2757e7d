import { type SQL, sql } from 'drizzle-orm';
import { postgresClientOf } from './copy-rows.js';
import type { Db } from './db.js';
import { queryRows } from './query-rows.js';

const asText = { getTypeParser: () => (value: string) => value };

let cursors = 0;

/**
 * Runs a query through a server-side cursor and hands its rows to `each` a batch at a time, so a result of
 * any size is read with flat memory. Must run inside a transaction (db is a transaction handle). The cursor
 * sees the data as it was when it was opened, whatever `each` writes meanwhile.
 */
export async function forEachBatch<T>(
  db: Db,
  query: SQL,
  batchSize: number,
  each: (rows: T[]) => Promise<void>,
  options: {
    /**
     * On a PostgreSQL server, give every value as PostgreSQL's text (numbers as strings, booleans as 't'
     * and 'f'), unparsed: for rows that are mostly passed on to COPY, whose parsing would be wasted. PGlite
     * gives typed values whatever this says, so `T` must allow both.
     */
    readonly asText?: boolean;
  } = {},
): Promise<void> {
  const cursor = `healthhub_cursor_${++cursors}`;
  const name = sql.identifier(cursor);
  await db.execute(sql`declare ${name} no scroll cursor for ${query}`);
  const client = options.asText ? postgresClientOf(db) : null;
  const fetch = `fetch forward ${Math.max(1, batchSize)} from "${cursor}"`;
  for (;;) {
    const rows = client
      ? ((await client.query({ text: fetch, types: asText })).rows as T[])
      : await queryRows<T>(db, sql.raw(fetch));
    if (rows.length > 0) await each(rows);
    if (rows.length < batchSize) break;
  }
  await db.execute(sql`close ${name}`);
}
