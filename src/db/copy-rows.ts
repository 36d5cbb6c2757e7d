import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyText } from './copy-text.js';
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

/**
 * Writes rows into a table with PostgreSQL's COPY ... FROM STDIN (CSV, see copyText), the fastest way in:
 * used by the importers on a PostgreSQL server. Cost: one round trip for the whole batch, streamed in chunks.
 */
export async function copyRows(
  client: PoolClient,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  if (rows.length === 0) return;
  const chunkRows = 1000;
  function* chunks(): Generator<string> {
    for (let start = 0; start < rows.length; start += chunkRows) {
      yield copyText(rows, start, Math.min(rows.length, start + chunkRows));
    }
  }
  await copyChunks(client, table, columns, chunks());
}

/**
 * COPY ... FROM STDIN of rows already encoded, one chunk (a whole number of rows) at a time: CSV as copyText
 * writes it, or a whole binary stream as CopyBinaryWriter.take gives it.
 */
export async function copyChunks(
  client: PoolClient,
  table: string,
  columns: readonly string[],
  chunks: Iterable<string | Uint8Array>,
  format: 'csv' | 'binary' = 'csv',
): Promise<void> {
  const names = columns.map((c) => `"${c.replaceAll('"', '""')}"`).join(', ');
  const target = table
    .split('.')
    .map((part) => `"${part.replaceAll('"', '""')}"`)
    .join('.');
  const stream = client.query(copyFrom(`copy ${target} (${names}) from stdin with (format ${format})`));
  const buffers = function* () {
    for (const chunk of chunks) {
      yield typeof chunk === 'string' ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    }
  };
  await pipeline(Readable.from(buffers()), stream);
}
