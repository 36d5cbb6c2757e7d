import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { CsvRecordParser, CsvSyntaxError } from './csv-record-parser.js';
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
  /** The size of the chunks the file is read in (default 64 KiB): for tests of records split across chunks. */
  readonly chunkSize?: number;
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
 * read in 64 KiB chunks with back-pressure, only the text of an unfinished record is kept between chunks,
 * and one record is held back to know which is the last.
 */
export async function* readCsvRecords(path: string, options: ReadCsvOptions = {}): AsyncGenerator<CsvRecord> {
  for await (const records of readCsvRecordChunks(path, options)) yield* records;
}

/**
 * readCsvRecords a chunk of the file at a time: the records complete in each (none empty), in order. A
 * caller with a million records to go through saves a million steps of an async generator (a tenth of the
 * reading time).
 */
export async function* readCsvRecordChunks(
  path: string,
  options: ReadCsvOptions = {},
): AsyncGenerator<CsvRecord[]> {
  const optional = options.optionalTrailingFields ?? 0;
  const onChunk = options.onChunk;
  const parser = new CsvRecordParser(options.maxRecordSize ?? 1 << 20);
  // A StringDecoder keeps the bytes of a character split between chunks for the next one.
  const decoder = new StringDecoder('utf8');
  let started = false;
  const feed = (text: string) => {
    if (!started && text.length > 0) {
      started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    parser.write(text);
  };
  let nextLine = 1;
  let headerWidth = -1;
  let held: CsvRecord | undefined;
  // The complete records taken out of the parser and not yet handed on.
  let out: CsvRecord[] = [];
  const take = () => {
    const taken = out;
    out = [];
    return taken;
  };
  function records(): void {
    for (let fields = parser.next(); fields; fields = parser.next()) {
      const line = nextLine;
      nextLine = line + 1 + parser.breaks;
      if (fields.length === 1 && fields[0] === '') continue;
      if (headerWidth < 0) {
        headerWidth = fields.length;
        parser.forgetRecordDelimiter();
        out.push({ line, fields });
        continue;
      }
      if (fields.length < headerWidth && fields.length >= headerWidth - optional) {
        while (fields.length < headerWidth) fields.push('');
      }
      if (held) out.push(held);
      held = { line, fields };
    }
  }
  try {
    for await (const chunk of createReadStream(path, {
      highWaterMark: options.chunkSize ?? 1 << 16,
    }) as AsyncIterable<Buffer>) {
      onChunk?.(chunk);
      feed(decoder.write(chunk));
      records();
      if (out.length > 0) yield take();
    }
    feed(decoder.end());
    parser.end();
    records();
    if (out.length > 0) yield take();
  } catch (error) {
    // The records read before the error are handed on first, as one at a time would have been.
    if (out.length > 0) yield take();
    throw translate(error, path, nextLine);
  }
  if (held) {
    if (held.fields.length < headerWidth - optional) {
      throw new ImportError(
        'IMPORT_TRUNCATED',
        `the last record (line ${held.line}) has ${held.fields.length} of the header's ${headerWidth} fields: the file looks truncated`,
        { line: held.line },
      );
    }
    yield [held];
  }
}

function translate(error: unknown, path: string, line: number): Error {
  if (error instanceof ImportError) return error;
  if (error instanceof CsvSyntaxError) {
    if (error.problem === 'quote-not-closed') {
      return new ImportError(
        'IMPORT_TRUNCATED',
        `the file ends inside a quoted field opened in the record starting on line ${line}: it looks truncated`,
        { line, cause: error },
      );
    }
    return new ImportError(
      'IMPORT_MALFORMED_CSV',
      `malformed CSV in the record starting on line ${line}: ${csvProblem[error.problem]}`,
      { line, cause: error },
    );
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && /^E[A-Z]+$/.test(code)) {
    return new ImportError('IMPORT_UNREADABLE', `cannot read ${path}: ${code}`, { cause: error });
  }
  return error instanceof Error ? error : new Error(String(error));
}

const csvProblem = {
  'quote-in-unquoted-field': 'a quote inside an unquoted field',
  'text-after-closing-quote': 'text after the closing quote of a field',
  'record-too-long': 'a record longer than the limit (an unclosed quote?)',
};
