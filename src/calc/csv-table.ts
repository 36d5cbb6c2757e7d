import { Buffer } from 'node:buffer';
import { CalcInputError } from './calc-input-error.js';

/**
 * A CSV file held as its bytes and the offsets of every field, so that a column is turned into numbers or
 * strings only when a method asks for it, with no string per field in between.
 */
export interface CsvTable {
  readonly header: readonly string[];
  readonly rowCount: number;
  /** lines[i] is the 1-based line of the file on which data record i starts (the header is line 1). */
  readonly lines: Int32Array;
  /** Field j of record i as text (UTF-8 decoded, quotes removed, doubled quotes undone). */
  field(row: number, column: number): string;
  /** The file's bytes; field j of record i is bytes[starts[k]..ends[k]) with k = i * header.length + j. */
  readonly bytes: Buffer;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** 1 where a field was quoted and held doubled quotes, which `field` must undo. */
  readonly escaped: Uint8Array;
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * Parses RFC 4180 CSV in UTF-8: quoted fields with doubled quotes and line breaks inside, CRLF or LF, a
 * BOM, a final line with or without its line break, blank lines skipped (as R's read.csv does). Every record
 * must have as many fields as the header, or one fewer (the last read as empty, as Fingertips' exports need).
 *
 * Why not csv-parse: `healthhub calc` is timed as a whole process against R, and one pass over the bytes
 * that records offsets, with no string or array per field, is many times faster and spares the garbage
 * collector. Importers, which stream files larger than memory, use csv-parse.
 * Cost: one pass over the bytes; 9 bytes of offsets per field.
 */
export function parseCsvTable(input: Uint8Array): CsvTable {
  const bytes = Buffer.isBuffer(input)
    ? input
    : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const end = bytes.length;
  let pos = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let line = 1;

  // The header: one record, scanned into growable arrays.
  const hStarts: number[] = [];
  const hEnds: number[] = [];
  const hEscaped: number[] = [];
  while (pos < end) {
    let fieldEnd: number;
    if (bytes[pos] === QUOTE) {
      const close = closingQuote(bytes, pos, end, 1);
      hStarts.push(pos + 1);
      hEnds.push(close);
      hEscaped.push(quoteScan.escaped);
      fieldEnd = close + 1;
    } else {
      let q = pos;
      while (q < end && bytes[q] !== COMMA && bytes[q] !== LF && bytes[q] !== CR) q++;
      hStarts.push(pos);
      hEnds.push(q);
      hEscaped.push(0);
      fieldEnd = q;
    }
    if (fieldEnd >= end) {
      pos = end;
      break;
    }
    const d = bytes[fieldEnd];
    pos = fieldEnd + 1;
    if (d === COMMA) continue;
    if (d === CR && bytes[pos] === LF) pos++;
    line++;
    break;
  }
  if (hStarts.length === 0)
    throw new CalcInputError('CSV_EMPTY', 'the input file is empty: it needs a header line');
  const header = hStarts.map((s, j) => decodeField(bytes, s, hEnds[j]!, hEscaped[j]!));
  const width = header.length;

  // Size the offset arrays from the line length of the first 64 KB, so a large file needs no regrowth and
  // no more than about a tenth of unused space (zeroed pages cost time too).
  const sample = Math.min(end - pos, 65536);
  let sampleLines = 0;
  for (let k = pos; k < pos + sample; k++) if (bytes[k] === LF) sampleLines++;
  const bytesPerRow = sampleLines > 0 ? sample / sampleLines : Math.max(1, sample);
  let capacity = Math.max(16, Math.ceil(((end - pos) / bytesPerRow) * 1.1) + 1);
  let starts: Int32Array = new Int32Array(capacity * width);
  let ends: Int32Array = new Int32Array(capacity * width);
  let escaped: Uint8Array = new Uint8Array(capacity * width);
  let lines: Int32Array = new Int32Array(capacity);
  let rowCount = 0;

  while (pos < end) {
    const c = bytes[pos];
    if (c === LF || c === CR) {
      pos += c === CR && bytes[pos + 1] === LF ? 2 : 1;
      line++;
      continue;
    }
    if (rowCount === capacity) {
      capacity *= 2;
      starts = grow(starts, capacity * width);
      ends = grow(ends, capacity * width);
      escaped = growBytes(escaped, capacity * width);
      lines = grow(lines, capacity);
    }
    const recordLine = line;
    const base = rowCount * width;
    let j = 0;
    for (;;) {
      if (j === width)
        throw new CalcInputError(
          'CSV_FIELD_COUNT',
          `expected ${width} fields as in the header, found more`,
          recordLine,
        );
      let fieldEnd: number;
      if (bytes[pos] === QUOTE) {
        // Inlined closingQuote: this runs for every quoted field of a large file.
        let close = pos + 1;
        let hasEscape = 0;
        for (;;) {
          if (close >= end) {
            throw new CalcInputError(
              'CSV_UNTERMINATED_QUOTE',
              'a quoted field is not closed before the end of the file',
              recordLine,
            );
          }
          const b = bytes[close];
          if (b === QUOTE) {
            if (bytes[close + 1] !== QUOTE) break;
            hasEscape = 1;
            close += 2;
          } else {
            if (b === LF) line++;
            close++;
          }
        }
        starts[base + j] = pos + 1;
        ends[base + j] = close;
        escaped[base + j] = hasEscape;
        fieldEnd = close + 1;
        if (fieldEnd < end) {
          const next = bytes[fieldEnd];
          if (next !== COMMA && next !== LF && next !== CR) {
            throw new CalcInputError('CSV_BAD_QUOTE', 'unexpected text after a closing quote', line);
          }
        }
      } else {
        let q = pos;
        while (q < end) {
          const d = bytes[q];
          if (d === COMMA || d === LF || d === CR) break;
          q++;
        }
        starts[base + j] = pos;
        ends[base + j] = q;
        fieldEnd = q;
      }
      j++;
      if (fieldEnd >= end) {
        pos = end;
        break;
      }
      if (bytes[fieldEnd] === COMMA) {
        pos = fieldEnd + 1;
        if (pos < end && bytes[pos] !== LF && bytes[pos] !== CR) continue;
        // A comma at the end of a line or of the file: one more, empty, field.
        if (j === width)
          throw new CalcInputError(
            'CSV_FIELD_COUNT',
            `expected ${width} fields as in the header, found more`,
            recordLine,
          );
        starts[base + j] = pos;
        ends[base + j] = pos;
        j++;
        if (pos >= end) break;
        fieldEnd = pos;
      }
      pos = fieldEnd + (bytes[fieldEnd] === CR && bytes[fieldEnd + 1] === LF ? 2 : 1);
      line++;
      break;
    }
    if (j === width - 1 && width > 1) {
      // Fingertips' exports leave the last field off their data rows: read it as empty, as R's fill = TRUE does.
      starts[base + j] = 0;
      ends[base + j] = 0;
      j++;
    }
    if (j !== width)
      throw new CalcInputError(
        'CSV_FIELD_COUNT',
        `expected ${width} fields as in the header, found ${j}`,
        recordLine,
      );
    lines[rowCount++] = recordLine;
  }

  return {
    header,
    rowCount,
    lines: lines.subarray(0, rowCount),
    bytes,
    starts,
    ends,
    escaped,
    field: (row, column) => {
      const k = row * width + column;
      return decodeField(bytes, starts[k]!, ends[k]!, escaped[k]!);
    },
  };
}

// What the last closingQuote call saw besides the offset it returns (no tuple per field: less garbage).
const quoteScan = { escaped: 0, breaks: 0 };

/** From an opening quote: the closing quote's offset; whether "" occurred and the line breaks inside go to quoteScan. */
function closingQuote(bytes: Uint8Array, open: number, end: number, line: number): number {
  quoteScan.escaped = 0;
  quoteScan.breaks = 0;
  for (let q = open + 1; q < end; q++) {
    const c = bytes[q];
    if (c === QUOTE) {
      if (bytes[q + 1] === QUOTE) {
        quoteScan.escaped = 1;
        q++;
      } else return q;
    } else if (c === LF) quoteScan.breaks++;
  }
  throw new CalcInputError(
    'CSV_UNTERMINATED_QUOTE',
    'a quoted field is not closed before the end of the file',
    line,
  );
}

function decodeField(bytes: Buffer, start: number, end: number, escaped: number): string {
  // Buffer's own UTF-8 slice: one native call, no intermediate view.
  const raw = bytes.toString('utf8', start, end);
  return escaped ? raw.replaceAll('""', '"') : raw;
}

function grow(array: Int32Array, size: number): Int32Array {
  const out = new Int32Array(size);
  out.set(array);
  return out;
}

function growBytes(array: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(size);
  out.set(array);
  return out;
}
