import { createHash } from 'node:crypto';
import { checkHeader, fieldsByKey, type HeaderMatch } from './check-header.js';
import { ImportError } from './import-error.js';
import type { Importer, LineRow } from './importer.js';
import { readCsvRecords } from './read-csv-records.js';

/** A record rejected while reading: its line and why. */
export interface RejectedRecord {
  readonly line: number | undefined;
  readonly reason: string;
}

/** Some of a file's records, read and validated: the valid rows, the rejected ones, the bytes read so far. */
export interface ParsedBatch<Row> {
  readonly rows: LineRow<Row>[];
  readonly rejected: RejectedRecord[];
  readonly bytes: number;
  /** On the last batch only: the SHA-256 of every byte read, to check that the file did not change. */
  readonly sha256?: string;
}

/** What reading a file needs of an importer. */
export type RecordParser<K extends string, Row> = Pick<
  Importer<K, Row>,
  'columns' | 'optionalTrailingFields' | 'parse'
>;

/**
 * Reads a CSV file with an importer's columns and parse: the header is checked (ImportError
 * IMPORT_BAD_HEADER), each record of the wrong width or that parse refuses is rejected with its reason, and
 * the rest come as rows, `batchSize` at a time. The last batch (possibly empty) carries the SHA-256 of the
 * bytes read. Throws ImportError IMPORT_EMPTY for a file without a header, and what readCsvRecords throws
 * for a truncated or malformed file.
 */
export async function* parseRecordBatches<K extends string, Row>(
  file: string,
  parser: RecordParser<K, Row>,
  batchSize: number,
): AsyncGenerator<ParsedBatch<Row>> {
  const hash = createHash('sha256');
  let bytes = 0;
  let match: HeaderMatch<K> | undefined;
  let rows: LineRow<Row>[] = [];
  let rejected: RejectedRecord[] = [];
  for await (const record of readCsvRecords(file, {
    optionalTrailingFields: parser.optionalTrailingFields ?? 0,
    onChunk: (chunk) => {
      hash.update(chunk);
      bytes += chunk.length;
    },
  })) {
    if (!match) {
      match = checkHeader(record.fields, parser.columns);
      continue;
    }
    if (record.fields.length !== match.width) {
      rejected.push({
        line: record.line,
        reason: `has ${record.fields.length} fields; the header has ${match.width}`,
      });
    } else {
      const result = parser.parse(fieldsByKey(record.fields, match), match.names);
      if (result.ok) rows.push({ line: record.line, row: result.row });
      else rejected.push({ line: record.line, reason: result.reason });
    }
    if (rows.length + rejected.length >= batchSize) {
      yield { rows, rejected, bytes };
      rows = [];
      rejected = [];
    }
  }
  if (!match) throw new ImportError('IMPORT_EMPTY', 'the file is empty: no header line');
  yield { rows, rejected, bytes, sha256: hash.digest('hex') };
}
