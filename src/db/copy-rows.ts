import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db } from './db.js';

/**
 * The node-postgres client under a Drizzle transaction, when the database is a PostgreSQL server: COPY needs
 * the connection itself. Null on PGlite, or outside a transaction (a pool, not one connection).
 */
export function postgresClientOf(db: Db): PoolClient | null {
  const client = (db as unknown as { session?: { client?: unknown } }).session?.client as
    | (PoolClient & { totalCount?: number })
    | undefined;
  if (!client || typeof client.query !== 'function' || typeof client.release !== 'function') return null;
  // A Pool has totalCount; a checked-out client has not.
  return client.totalCount === undefined ? client : null;
}

/** One value as COPY's CSV format wants it: NULL unquoted and empty, text quoted, numbers as they are. */
function csvField(value: unknown): string {
  switch (typeof value) {
    case 'string':
      // Most text has no quote to double: skip replaceAll's scan and copy.
      return value.indexOf('"') < 0 ? `"${value}"` : `"${value.replaceAll('"', '""')}"`;
    case 'number':
      if (Number.isFinite(value)) return String(value);
      return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
    case 'bigint':
      return String(value);
    case 'boolean':
      return value ? 't' : 'f';
    case 'undefined':
      return '';
    default:
      return value === null ? '' : `"${JSON.stringify(value).replaceAll('"', '""')}"`;
  }
}

/**
 * Writes rows into a table with PostgreSQL's COPY ... FROM STDIN (CSV), the fastest way in: used by the
 * importers on a PostgreSQL server. Empty text must be quoted ("") so that it stays distinct from NULL.
 * Cost: one round trip for the whole batch, streamed in chunks.
 */
export async function copyRows(
  client: PoolClient,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  if (rows.length === 0) return;
  const names = columns.map((c) => `"${c.replaceAll('"', '""')}"`).join(', ');
  const target = table
    .split('.')
    .map((part) => `"${part.replaceAll('"', '""')}"`)
    .join('.');
  const stream = client.query(copyFrom(`copy ${target} (${names}) from stdin with (format csv)`));
  const chunkRows = 1000;
  function* chunks(): Generator<string> {
    for (let start = 0; start < rows.length; start += chunkRows) {
      let text = '';
      const end = Math.min(rows.length, start + chunkRows);
      for (let r = start; r < end; r++) {
        const row = rows[r]!;
        let line = csvField(row[0]);
        for (let c = 1; c < row.length; c++) line += `,${csvField(row[c])}`;
        text += `${line}\n`;
      }
      yield text;
    }
  }
  await pipeline(Readable.from(chunks()), stream);
}
