import { createReadStream } from 'node:fs';
import { pipeline, Transform } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { ImportError } from './import-error.js';

/** One record of a CSV file: its fields and the 1-based line of the file it starts on. */
export interface CsvRecord {
  readonly line: number;
  readonly fields: string[];
}

export interface ReadCsvOptions {
  /** Sees every chunk of the file's bytes as it is read: for the progress bar and the SHA-256. */
  readonly onChunk?: (chunk: Buffer) => void;
  /**
   * How many trailing fields a data record may lack; they read as ''. Fingertips writes its data rows one
   * field shorter than its header (no "Compared to goal"), so its importer passes 1. Default 0.
   */
  readonly optionalTrailingFields?: number;
  /** The longest record accepted, in characters (default 1 MiB): an unclosed quote cannot eat the file. */
  readonly maxRecordSize?: number;
}

/**
 * Reads a CSV file as a stream of records, the header first, each with the line it starts on (a quoted
 * field may span lines). A UTF-8 byte order mark is dropped and blank lines are skipped. Records may have
 * any number of fields: data records short by at most `optionalTrailingFields` are padded with '', others
 * are passed on as they are for the caller to reject.
 *
 * Throws ImportError IMPORT_TRUNCATED when the file ends inside a quoted field or its last record is shorter
 * than the header allows (a download cut off), IMPORT_MALFORMED_CSV when the quoting is broken (after which
 * no line can be trusted), IMPORT_UNREADABLE when the file cannot be read. Memory stays flat: the file is
 * read in 64 KiB chunks with back-pressure, and one record is held back to know which is the last.
 */
export async function* readCsvRecords(path: string, options: ReadCsvOptions = {}): AsyncGenerator<CsvRecord> {
  const optional = options.optionalTrailingFields ?? 0;
  const onChunk = options.onChunk;
  const maxRecordSize = options.maxRecordSize ?? 1 << 20;
  const header = await readHeader(path, maxRecordSize);
  if (!header) {
    // An empty file: its bytes (a byte order mark, blank lines) are still seen.
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) onChunk?.(chunk);
    return;
  }
  yield { line: header.line, fields: header.fields };
  const headerWidth = header.fields.length;

  // The data records are parsed after the header's bytes, so that csv-parse takes the length of the first
  // data record as the norm: Fingertips' rows are all one field shorter than its header, and csv-parse
  // builds a costly error object for every record whose length differs from the first's.
  // A CSV error is held until the records parsed before it have been handled, so that its line is right.
  let csvError: CsvError | undefined;
  const parser = parse({
    relax_column_count: true,
    max_record_size: maxRecordSize,
    skip_records_with_error: true,
    on_skip: (error) => {
      csvError ??= error;
      return undefined;
    },
  });
  let skip = header.bytes;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      onChunk?.(chunk);
      if (skip >= chunk.length) {
        skip -= chunk.length;
        callback();
        return;
      }
      const rest = skip > 0 ? chunk.subarray(skip) : chunk;
      skip = 0;
      callback(null, rest);
    },
  });
  let streamError: unknown;
  pipeline(createReadStream(path, { highWaterMark: 1 << 16 }), tap, parser, (error) => {
    if (error) streamError = error;
  });

  let nextLine = header.nextLine;
  let held: CsvRecord | undefined;
  let parsed = 0;
  try {
    for await (const fields of parser as AsyncIterable<string[]>) {
      if (csvError && parsed >= Number(csvError.records ?? 0)) break;
      parsed++;
      const line = nextLine;
      nextLine = line + 1 + lineBreaksIn(fields);
      if (fields.length === 1 && fields[0] === '') continue;
      if (fields.length < headerWidth && fields.length >= headerWidth - optional) {
        while (fields.length < headerWidth) fields.push('');
      }
      if (held) yield held;
      held = { line, fields };
    }
  } catch (error) {
    throw translate(error ?? streamError, path, nextLine);
  }
  if (csvError) {
    parser.destroy();
    throw translate(csvError, path, nextLine);
  }
  if (streamError) throw translate(streamError, path, nextLine);
  if (held) {
    if (held.fields.length < headerWidth - optional) {
      throw new ImportError(
        'IMPORT_TRUNCATED',
        `the last record (line ${held.line}) has ${held.fields.length} of the header's ${headerWidth} fields: the file looks truncated`,
        { line: held.line },
      );
    }
    yield held;
  }
}

/**
 * The first record that is not a blank line: its fields, the line it starts on, the line after it and how
 * many bytes it ends at (byte order mark and record delimiter included). Undefined for a file without one.
 */
async function readHeader(
  path: string,
  maxRecordSize: number,
): Promise<{ fields: string[]; line: number; nextLine: number; bytes: number } | undefined> {
  let csvError: CsvError | undefined;
  const parser = parse({
    bom: true,
    relax_column_count: true,
    info: true,
    max_record_size: maxRecordSize,
    skip_records_with_error: true,
    on_skip: (error) => {
      csvError ??= error;
      return undefined;
    },
  });
  let streamError: unknown;
  pipeline(createReadStream(path, { highWaterMark: 1 << 16 }), parser, (error) => {
    if (error) streamError = error;
  });
  let nextLine = 1;
  let parsed = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { bytes: number };
    }>) {
      if (csvError && parsed >= Number(csvError.records ?? 0)) break;
      parsed++;
      const line = nextLine;
      nextLine = line + 1 + lineBreaksIn(record);
      if (record.length === 1 && record[0] === '') continue;
      parser.destroy();
      return { fields: record, line, nextLine, bytes: info.bytes };
    }
  } catch (error) {
    throw translate(error ?? streamError, path, nextLine);
  }
  if (csvError) {
    parser.destroy();
    throw translate(csvError, path, nextLine);
  }
  if (streamError) throw translate(streamError, path, nextLine);
  return undefined;
}

/** Line breaks inside quoted fields, counted as an editor counts lines (\r\n is one). */
function lineBreaksIn(fields: readonly string[]): number {
  let n = 0;
  for (const field of fields) {
    if (field.length === 0 || (field.indexOf('\n') < 0 && field.indexOf('\r') < 0)) continue;
    n += field.match(/\r\n|\r|\n/g)?.length ?? 0;
  }
  return n;
}

function translate(error: unknown, path: string, line: number): Error {
  if (error instanceof ImportError) return error;
  if (error instanceof CsvError) {
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
      return new ImportError(
        'IMPORT_TRUNCATED',
        `the file ends inside a quoted field opened in the record starting on line ${line}: it looks truncated`,
        { line, cause: error },
      );
    }
    return new ImportError(
      'IMPORT_MALFORMED_CSV',
      `malformed CSV in the record starting on line ${line}: ${csvProblem(error)}`,
      { line, cause: error },
    );
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && /^E[A-Z]+$/.test(code)) {
    return new ImportError('IMPORT_UNREADABLE', `cannot read ${path}: ${code}`, { cause: error });
  }
  return error instanceof Error ? error : new Error(String(error));
}

function csvProblem(error: CsvError): string {
  switch (error.code) {
    case 'INVALID_OPENING_QUOTE':
      return 'a quote inside an unquoted field';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'text after the closing quote of a field';
    case 'CSV_MAX_RECORD_SIZE':
      return 'a record longer than the limit (an unclosed quote?)';
    default:
      return error.message.replace(/ at line \d+.*$/, '');
  }
}
