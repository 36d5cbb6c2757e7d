import { CalcInputError } from './calc-input-error.js';

/**
 * A CSV file held as its text and the offsets of every field, so that a column is turned into numbers or
 * strings only when a method asks for it, without a string per field in between.
 */
export interface CsvTable {
  readonly header: readonly string[];
  readonly rowCount: number;
  /** lines[i] is the 1-based line of the file on which data record i starts (the header is line 1). */
  readonly lines: Int32Array;
  /** Field j of record i as text (quotes removed, doubled quotes undone). */
  field(row: number, column: number): string;
  /** The offsets of field j of record i in `text`: [start, end). */
  readonly text: string;
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
 * Parses RFC 4180 CSV text: quoted fields with doubled quotes and line breaks inside, CRLF or LF, a BOM, a
 * final line with or without its line break, blank lines skipped (as R's read.csv does). Every record must
 * have as many fields as the header.
 *
 * Why not csv-parse: `healthhub calc` is timed as a whole process against R, and one pass that records
 * offsets, with no string or array per field, is many times faster and lighter on the garbage collector.
 * Importers, which stream files larger than memory, use csv-parse.
 */
export function parseCsvTable(text: string): CsvTable {
  const end = text.length;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;

  // The header, parsed the simple way: it is one record.
  const header: string[] = [];
  const headerStarts: number[] = [];
  const headerEnds: number[] = [];
  const headerEscaped: number[] = [];
  pos = scanRecord(text, pos, end, headerStarts, headerEnds, headerEscaped, () => line++);
  if (headerStarts.length === 0)
    throw new CalcInputError('CSV_EMPTY', 'the input file is empty: it needs a header line');
  for (let j = 0; j < headerStarts.length; j++)
    header.push(unquoteField(text, headerStarts[j]!, headerEnds[j]!, headerEscaped[j]!));
  const width = header.length;

  let capacity = Math.max(16, Math.ceil((end - pos) / Math.max(8, width * 4)));
  let starts: Int32Array = new Int32Array(capacity * width);
  let ends: Int32Array = new Int32Array(capacity * width);
  let escaped: Uint8Array = new Uint8Array(capacity * width);
  let lines: Int32Array = new Int32Array(capacity);
  let rowCount = 0;

  while (pos < end) {
    const recordLine = line;
    const c = text.charCodeAt(pos);
    if (c === LF || c === CR) {
      // A blank line.
      pos += c === CR && text.charCodeAt(pos + 1) === LF ? 2 : 1;
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
    const base = rowCount * width;
    let j = 0;
    // Fields of one record.
    for (;;) {
      if (j === width)
        throw new CalcInputError(
          'CSV_FIELD_COUNT',
          `expected ${width} fields as in the header, found more`,
          recordLine,
        );
      let fieldEnd: number;
      if (text.charCodeAt(pos) === QUOTE) {
        let q = pos + 1;
        let hasEscape = 0;
        for (;;) {
          q = text.indexOf('"', q);
          if (q === -1)
            throw new CalcInputError(
              'CSV_UNTERMINATED_QUOTE',
              'a quoted field is not closed before the end of the file',
              recordLine,
            );
          if (text.charCodeAt(q + 1) === QUOTE) {
            hasEscape = 1;
            q += 2;
          } else break;
        }
        for (let k = text.indexOf('\n', pos); k !== -1 && k < q; k = text.indexOf('\n', k + 1)) line++;
        starts[base + j] = pos + 1;
        ends[base + j] = q;
        escaped[base + j] = hasEscape;
        fieldEnd = q + 1;
        const next = text.charCodeAt(fieldEnd);
        if (fieldEnd < end && next !== COMMA && next !== LF && next !== CR) {
          throw new CalcInputError('CSV_BAD_QUOTE', 'unexpected text after a closing quote', line);
        }
      } else {
        let q = pos;
        let d = text.charCodeAt(q);
        while (q < end && d !== COMMA && d !== LF && d !== CR) d = text.charCodeAt(++q);
        starts[base + j] = pos;
        ends[base + j] = q;
        fieldEnd = q;
      }
      j++;
      if (fieldEnd >= end) {
        pos = end;
        break;
      }
      const d = text.charCodeAt(fieldEnd);
      if (d === COMMA) {
        pos = fieldEnd + 1;
        if (pos >= end) {
          // A trailing comma at the very end: one more empty field.
          if (j === width)
            throw new CalcInputError(
              'CSV_FIELD_COUNT',
              `expected ${width} fields as in the header, found more`,
              recordLine,
            );
          starts[base + j] = pos;
          ends[base + j] = pos;
          j++;
          break;
        }
        continue;
      }
      pos = fieldEnd + (d === CR && text.charCodeAt(fieldEnd + 1) === LF ? 2 : 1);
      line++;
      break;
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
    text,
    starts,
    ends,
    escaped,
    field: (row, column) => {
      const k = row * width + column;
      return unquoteField(text, starts[k]!, ends[k]!, escaped[k]!);
    },
  };
}

/** Scans one record the simple way (for the header), pushing field offsets; returns the position after it. */
function scanRecord(
  text: string,
  pos: number,
  end: number,
  starts: number[],
  ends: number[],
  escaped: number[],
  newline: () => void,
): number {
  if (pos >= end) return pos;
  for (;;) {
    if (text.charCodeAt(pos) === QUOTE) {
      let q = pos + 1;
      let hasEscape = 0;
      for (;;) {
        q = text.indexOf('"', q);
        if (q === -1)
          throw new CalcInputError('CSV_UNTERMINATED_QUOTE', 'a quoted field in the header is not closed', 1);
        if (text.charCodeAt(q + 1) === QUOTE) {
          hasEscape = 1;
          q += 2;
        } else break;
      }
      starts.push(pos + 1);
      ends.push(q);
      escaped.push(hasEscape);
      pos = q + 1;
    } else {
      let q = pos;
      while (
        q < end &&
        text.charCodeAt(q) !== COMMA &&
        text.charCodeAt(q) !== LF &&
        text.charCodeAt(q) !== CR
      )
        q++;
      starts.push(pos);
      ends.push(q);
      escaped.push(0);
      pos = q;
    }
    if (pos >= end) return pos;
    const d = text.charCodeAt(pos);
    if (d === COMMA) {
      pos++;
      continue;
    }
    newline();
    return pos + (d === CR && text.charCodeAt(pos + 1) === LF ? 2 : 1);
  }
}

function unquoteField(text: string, start: number, end: number, escaped: number): string {
  const raw = text.slice(start, end);
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
