/** The PostgreSQL types CopyBinaryWriter can write, as BulkColumn names them. */
export type CopyBinaryType = 'integer' | 'bigint' | 'double precision' | 'text' | 'boolean';

const types: ReadonlySet<string> = new Set(['integer', 'bigint', 'double precision', 'text', 'boolean']);

// PGCOPY\n\377\r\n\0, then 32-bit flags and header-extension length, both zero.
const HEADER = [0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];

/**
 * Rows in the binary format of PostgreSQL's COPY ... FROM STDIN WITH (FORMAT binary): a header, each row as
 * its field count and each field's length and bytes (-1 for NULL), then a trailer. Numbers go as their
 * bytes, so nothing is formatted as text and parsed back: a double as text costs about 350 ns each way, and
 * a Fingertips row has seven. Each column's PostgreSQL type must be exactly the target column's (an integer
 * column is int4, not int8), which COPY checks. Pure, so that a reading thread can encode the rows it
 * validates; what `take` gives is a fresh ArrayBuffer, so it can be transferred rather than copied.
 */
export class CopyBinaryWriter {
  private buffer = new Uint8Array(1 << 16);
  private view = new DataView(this.buffer.buffer);
  private length = 0;
  private count = 0;

  constructor(private readonly columns: readonly string[]) {
    for (const type of columns) {
      if (!types.has(type)) throw new Error(`COPY's binary format is not written here for type ${type}`);
    }
    this.reset();
  }

  /** Rows written since the last take. */
  get rows(): number {
    return this.count;
  }

  /** Adds a row: one value per column, in order; null or undefined for NULL. */
  row(values: readonly unknown[]): void {
    const columns = this.columns;
    if (values.length !== columns.length) {
      throw new Error(`a row of ${values.length} values for ${columns.length} columns`);
    }
    this.reserve(2);
    this.view.setInt16(this.length, columns.length);
    this.length += 2;
    for (let c = 0; c < columns.length; c++) {
      const value = values[c];
      if (value === null || value === undefined) {
        this.reserve(4);
        this.view.setInt32(this.length, -1);
        this.length += 4;
        continue;
      }
      switch (columns[c]) {
        case 'double precision':
          this.reserve(12);
          this.view.setInt32(this.length, 8);
          // -0 as 0, as every other way of writing rows gives it (String(-0) is '0').
          this.view.setFloat64(this.length + 4, (value as number) === 0 ? 0 : (value as number));
          this.length += 12;
          break;
        case 'integer':
          if (!Number.isInteger(value) || (value as number) < -2147483648 || (value as number) > 2147483647) {
            throw new Error(`${String(value)} is not an integer`);
          }
          this.reserve(8);
          this.view.setInt32(this.length, 4);
          this.view.setInt32(this.length + 4, value as number);
          this.length += 8;
          break;
        case 'bigint':
          this.reserve(12);
          this.view.setInt32(this.length, 8);
          this.view.setBigInt64(this.length + 4, BigInt(value as number | bigint | string));
          this.length += 12;
          break;
        case 'boolean':
          this.reserve(5);
          this.view.setInt32(this.length, 1);
          this.buffer[this.length + 4] = value ? 1 : 0;
          this.length += 5;
          break;
        default:
          this.text(String(value));
      }
    }
    this.count++;
  }

  /** The rows written so far as a whole COPY stream (header, rows, trailer); starts afresh. */
  take(): Uint8Array {
    this.reserve(2);
    this.view.setInt16(this.length, -1);
    this.length += 2;
    const taken = this.buffer.slice(0, this.length);
    this.reset();
    return taken;
  }

  private reset(): void {
    this.buffer.set(HEADER, 0);
    this.length = HEADER.length;
    this.count = 0;
  }

  private text(value: string): void {
    // UTF-8 takes at most three bytes per UTF-16 unit.
    this.reserve(4 + value.length * 3);
    const start = this.length + 4;
    const buffer = this.buffer;
    // Most text is short and ASCII: copied a byte at a time, it skips a call into the encoder.
    let written = 0;
    for (; written < value.length; written++) {
      const code = value.charCodeAt(written);
      if (code >= 0x80) break;
      buffer[start + written] = code;
    }
    if (written < value.length) written = encoder.encodeInto(value, buffer.subarray(start)).written;
    this.view.setInt32(this.length, written);
    this.length = start + written;
  }

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + bytes) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
    this.view = new DataView(grown.buffer);
  }
}

const encoder = new TextEncoder();
