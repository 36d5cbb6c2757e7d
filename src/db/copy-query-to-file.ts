import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';

/**
 * Writes a query's whole result to `file` with PostgreSQL's COPY (query) TO STDOUT, in COPY's binary format
 * (see readCopyBinaryRows), so that reading it back parses no numbers from text. The query must have no
 * parameters: COPY takes none. Used where a large result must be read while the same connection writes: the
 * connection is free again as soon as this returns, and the file is read at the client's pace. Cost: one
 * pass over the result on the server, and its size on disk.
 */
export async function copyQueryToFile(client: PoolClient, query: string, file: string): Promise<void> {
  await pipeline(
    client.query(copyTo(`copy (${query}) to stdout with (format binary)`)),
    createWriteStream(file),
  );
}
