/**
 * A streaming RFC 4180 record parser that reproduces, quirk for quirk, what csv-parse 7 did for
 * readCsvRecords (options relax_column_count, max_record_size, skip_records_with_error), so that replacing
 * it changed no import's outcome: csv-parse was the import's largest CPU cost.
 *
 * The quirks kept, because files parsed by csv-parse parsed this way before:
 * - The record delimiter is the first line ending met outside quotes (\r\n, \n or \r); after that the
 *   other line-ending characters are ordinary text, and after a closing quote they are an error.
 * - A NUL character after a closing quote continues the field unquoted (csv-parse tests `!nextChr`).
 * - The record size limit counts the finished fields in characters and the current field in UTF-8
 *   bytes, and trips only when one more character is appended to a record already over the limit.
 */

/** What csv-parse called CSV_QUOTE_NOT_CLOSED, INVALID_OPENING_QUOTE, CSV_INVALID_CLOSING_QUOTE, CSV_MAX_RECORD_SIZE. */
export type CsvProblem =
  | 'quote-not-closed'
  | 'quote-in-unquoted-field'
  | 'text-after-closing-quote'
  | 'record-too-long';

export class CsvSyntaxError extends Error {
  constructor(readonly problem: CsvProblem) {
    super(`CSV syntax error: ${problem}`);
    this.name = 'CsvSyntaxError';
  }
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

enum Delimiter {
  Unknown = 0,
  Lf = 1,
  Cr = 2,
  CrLf = 3,
}

/**
 * Feed it decoded text with write() (any split, the end with end()) and take records with next() until it
 * returns undefined. Only the text of the record not yet complete is kept between writes.
 */
export class CsvRecordParser {
  /** Line breaks inside the fields of the record next() last returned, counted as an editor does. */
  breaks = 0;
  private text = '';
  private pos = 0;
  private final = false;
  private delimiter = Delimiter.Unknown;
  // Where the next quote, \n and \r are at or after the position last asked about: each is searched for
  // once per occurrence rather than once per record (-1: not searched since the text changed).
  private nextQuote = -1;
  private nextLf = -1;
  private nextCr = -1;

  private readonly maxRecordSize: number;

  /** maxRecordSize 0 means no limit, as it did for csv-parse. */
  constructor(maxRecordSize: number) {
    if (!Number.isInteger(maxRecordSize) || maxRecordSize < 0) {
      throw new Error(`Invalid Option: max_record_size must be a positive integer, got ${maxRecordSize}`);
    }
    this.maxRecordSize = maxRecordSize === 0 ? Number.POSITIVE_INFINITY : maxRecordSize;
  }

  write(text: string): void {
    if (text.length === 0) return;
    this.text = this.pos < this.text.length ? this.text.slice(this.pos) + text : text;
    this.pos = 0;
    this.nextQuote = this.nextLf = this.nextCr = -1;
  }

  end(): void {
    this.final = true;
  }

  /**
   * Makes the next record find its own line ending again: readCsvRecords parsed the header and the data
   * with two csv-parse instances, each of which found its own.
   */
  forgetRecordDelimiter(): void {
    this.delimiter = Delimiter.Unknown;
  }

  /** The next record, or undefined when more text is needed (or, after end(), none is left). */
  next(): string[] | undefined {
    const text = this.text;
    const start = this.pos;
    if (start >= text.length) return undefined;
    if (this.delimiter !== Delimiter.Unknown) {
      // The common record: no quote before its line ending, so a native split does all the work.
      const end = this.recordEnd(start);
      if (end >= 0 && this.quoteFrom(start) > end) {
        const fields = text.slice(start, end).split(',');
        if (3 * (end - start) - 1 > this.maxRecordSize && tooLong(fields, '', this.maxRecordSize)) {
          throw new CsvSyntaxError('record-too-long');
        }
        this.breaks = this.crFrom(start) < end || this.lfFrom(start) < end ? lineBreaksIn(fields) : 0;
        this.pos = end + (this.delimiter === Delimiter.CrLf ? 2 : 1);
        return fields;
      }
    }
    return this.nextSlowly(start);
  }

  /** Field by field, for records with quotes, records at the end of the text and line-ending discovery. */
  private nextSlowly(start: number): string[] | undefined {
    const text = this.text;
    const len = text.length;
    const fields: string[] = [];
    let pos = start;
    let hasBreak = false;
    for (;;) {
      let value = '';
      if (pos < len && text.charCodeAt(pos) === QUOTE) {
        let seg = pos + 1;
        for (;;) {
          const q = text.indexOf('"', seg);
          if (q < 0 || (q + 1 >= len && !this.final)) {
            // An escaped quote and a closing quote look alike until the next character is seen.
            this.incomplete(start, fields, value + text.slice(seg, q < 0 ? len : q));
            return undefined;
          }
          if (!hasBreak && (this.crFrom(seg) < q || this.lfFrom(seg) < q)) hasBreak = true;
          if (q + 1 < len && text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(seg, q + 1);
            seg = q + 2;
            continue;
          }
          value += text.slice(seg, q);
          pos = q + 1;
          break;
        }
        if (pos >= len) return this.finish(fields, value, len, hasBreak);
        const c = text.charCodeAt(pos);
        if (c === COMMA) {
          fields.push(value);
          pos++;
          continue;
        }
        if (c === LF || c === CR) {
          const n = this.delimiterAt(pos);
          if (n < 0) {
            this.incomplete(start, fields, value);
            return undefined;
          }
          if (n > 0) return this.finish(fields, value, pos + n, hasBreak);
        }
        if (c !== 0) {
          this.check(start, pos, fields, value);
          throw new CsvSyntaxError('text-after-closing-quote');
        }
      }
      // An unquoted field, or the rest of a quoted one after a NUL.
      const from = pos;
      for (; pos < len; pos++) {
        const c = text.charCodeAt(pos);
        if (c === COMMA || c === QUOTE) break;
        if (c === LF || c === CR) {
          const n = this.delimiterAt(pos);
          if (n < 0) {
            this.incomplete(start, fields, value + text.slice(from, pos));
            return undefined;
          }
          if (n > 0) return this.finish(fields, value + text.slice(from, pos), pos + n, hasBreak);
          hasBreak = true;
        }
      }
      if (pos >= len) {
        if (!this.final) {
          this.incomplete(start, fields, value + text.slice(from, len));
          return undefined;
        }
        return this.finish(fields, value + text.slice(from, len), len, hasBreak);
      }
      value += text.slice(from, pos);
      if (text.charCodeAt(pos) === QUOTE) {
        this.check(start, pos, fields, value);
        throw new CsvSyntaxError('quote-in-unquoted-field');
      }
      fields.push(value);
      pos++;
    }
  }

  private finish(fields: string[], last: string, next: number, hasBreak: boolean): string[] {
    fields.push(last);
    this.check(this.pos, next, fields, '');
    this.breaks = hasBreak ? lineBreaksIn(fields) : 0;
    this.pos = next;
    return fields;
  }

  /** The record runs past the text: wait for more, unless it is already over the size limit. */
  private incomplete(start: number, fields: string[], partial: string): void {
    this.check(start, this.text.length, fields, partial);
    if (this.final) throw new CsvSyntaxError('quote-not-closed');
  }

  private check(start: number, end: number, fields: string[], partial: string): void {
    if (3 * (end - start) - 1 > this.maxRecordSize && tooLong(fields, partial, this.maxRecordSize)) {
      throw new CsvSyntaxError('record-too-long');
    }
  }

  /**
   * The length of the record delimiter at pos (a \r or \n), 0 when that character is ordinary text there,
   * -1 when the text ends before it can be told. Finds the delimiter if it is not yet known.
   */
  private delimiterAt(pos: number): number {
    const text = this.text;
    const c = text.charCodeAt(pos);
    switch (this.delimiter) {
      case Delimiter.Lf:
        return c === LF ? 1 : 0;
      case Delimiter.Cr:
        return c === CR ? 1 : 0;
      case Delimiter.CrLf:
        if (c !== CR) return 0;
        if (pos + 1 >= text.length) return this.final ? 0 : -1;
        return text.charCodeAt(pos + 1) === LF ? 2 : 0;
      default:
        if (c === LF) {
          this.delimiter = Delimiter.Lf;
          return 1;
        }
        if (pos + 1 >= text.length && !this.final) return -1;
        if (text.charCodeAt(pos + 1) === LF) {
          this.delimiter = Delimiter.CrLf;
          return 2;
        }
        this.delimiter = Delimiter.Cr;
        return 1;
    }
  }

  /** Where the record starting at start ends (its delimiter), or -1 when it is not in the text yet. */
  private recordEnd(start: number): number {
    const len = this.text.length;
    if (this.delimiter === Delimiter.Lf) {
      const end = this.lfFrom(start);
      return end < len ? end : -1;
    }
    const first = this.crFrom(start);
    if (this.delimiter === Delimiter.Cr) return first < len ? first : -1;
    // \r\n: a lone \r is text. Searched past the cache, which must keep the first \r for the break count.
    for (let end = first; end + 1 < len; end = indexOrEnd(this.text, '\r', end + 1)) {
      if (this.text.charCodeAt(end + 1) === LF) return end;
    }
    return -1;
  }

  private quoteFrom(pos: number): number {
    if (this.nextQuote < pos) this.nextQuote = indexOrEnd(this.text, '"', pos);
    return this.nextQuote;
  }

  private lfFrom(pos: number): number {
    if (this.nextLf < pos) this.nextLf = indexOrEnd(this.text, '\n', pos);
    return this.nextLf;
  }

  private crFrom(pos: number): number {
    if (this.nextCr < pos) this.nextCr = indexOrEnd(this.text, '\r', pos);
    return this.nextCr;
  }
}

function indexOrEnd(text: string, search: string, from: number): number {
  const i = text.indexOf(search, from);
  return i < 0 ? text.length : i;
}

/**
 * csv-parse's max_record_size test, made before each character is appended: the finished fields in
 * characters plus the field so far in bytes, over the limit.
 */
function tooLong(fields: readonly string[], partial: string, max: number): boolean {
  let before = 0;
  for (const field of fields) {
    if (field.length > 0 && before + Buffer.byteLength(field) - 1 > max) return true;
    before += field.length;
  }
  return partial.length > 0 && before + Buffer.byteLength(partial) - 1 > max;
}

/** Line breaks inside fields, counted as an editor counts lines (\r\n is one). */
export function lineBreaksIn(fields: readonly string[]): number {
  let n = 0;
  for (const field of fields) {
    if (field.length === 0 || (field.indexOf('\n') < 0 && field.indexOf('\r') < 0)) continue;
    n += field.match(/\r\n|\r|\n/g)?.length ?? 0;
  }
  return n;
}
