import { createReadStream } from 'node:fs';
import type { CopyBinaryType } from './copy-binary-writer.js';

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
/** The bytes of each fixed-size type: a field of another size is another type than the column's. */
const SIZES: Partial<Record<CopyBinaryType, number>> = {
  integer: 4,
  bigint: 8,
  'double precision': 8,
  boolean: 1,
};

/**
 * The rows of a file in COPY's binary format (`COPY ... TO STDOUT WITH (FORMAT binary)`, or what
 * CopyBinaryWriter writes), `batchSize` at a time: each row an array of its values, decoded by `columns` as
 * node-postgres would give them: integers and doubles as numbers, bigint as text, booleans, text; null for
 * NULL. Nothing is parsed from text: a double is its eight bytes. Memory stays flat whatever the file's size.
 * Throws if the file is not such a stream, a row has another number of fields, or the file ends early.
 */
export async function* readCopyBinaryRows(
  file: string,
  columns: readonly CopyBinaryType[],
  batchSize: number,
): AsyncGenerator<unknown[][]> {
  let buffer: Buffer = Buffer.alloc(0);
  let at = 0;
  let started = false;
  let ended = false;
  let batch: unknown[][] = [];
  const fail = (why: string): never => {
    throw new Error(`${file} is not a COPY binary stream: ${why}`);
  };
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 18 })) {
    if (ended) fail('data after its trailer');
    buffer = at < buffer.length ? Buffer.concat([buffer.subarray(at), chunk as Buffer]) : (chunk as Buffer);
    at = 0;
    if (!started) {
      if (buffer.length < SIGNATURE.length + 8) continue;
      if (!buffer.subarray(0, SIGNATURE.length).equals(SIGNATURE)) fail('no signature');
      at = SIGNATURE.length + 8 + buffer.readInt32BE(SIGNATURE.length + 4);
      started = true;
    }
    for (;;) {
      const row = readRow(buffer, at, columns, fail);
      if (row === undefined) break;
      at = row.next;
      if (row.values === null) {
        ended = true;
        if (at < buffer.length) fail('data after its trailer');
        break;
      }
      batch.push(row.values);
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
  }
  if (!ended) fail(started ? 'it ends inside a row' : 'no signature');
  if (batch.length > 0) yield batch;
}

/** The row at `at`: its values (null for the trailer) and where the next starts; undefined if incomplete. */
function readRow(
  buffer: Buffer,
  at: number,
  columns: readonly CopyBinaryType[],
  fail: (why: string) => never,
): { values: unknown[] | null; next: number } | undefined {
  if (at + 2 > buffer.length) return undefined;
  const count = buffer.readInt16BE(at);
  if (count === -1) return { values: null, next: at + 2 };
  if (count !== columns.length) fail(`a row of ${count} fields, not ${columns.length}`);
  let p = at + 2;
  const values = new Array<unknown>(count);
  for (let c = 0; c < count; c++) {
    if (p + 4 > buffer.length) return undefined;
    const length = buffer.readInt32BE(p);
    p += 4;
    if (length === -1) {
      values[c] = null;
      continue;
    }
    if (p + length > buffer.length) return undefined;
    const type = columns[c]!;
    const size = SIZES[type];
    if (size !== undefined && length !== size) fail(`a ${type} field of ${length} bytes`);
    switch (type) {
      case 'integer':
        values[c] = buffer.readInt32BE(p);
        break;
      case 'double precision':
        values[c] = buffer.readDoubleBE(p);
        break;
      case 'bigint':
        values[c] = buffer.readBigInt64BE(p).toString();
        break;
      case 'boolean':
        values[c] = buffer[p] !== 0;
        break;
      default:
        values[c] = buffer.toString('utf8', p, p + length);
    }
    p += length;
  }
  return { values, next: p };
}
