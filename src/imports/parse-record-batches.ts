import { createHash } from 'node:crypto';
import { type CopyBinaryType, CopyBinaryWriter } from '../db/copy-binary-writer.js';
import { checkHeader, fieldsByKey, type HeaderMatch } from './check-header.js';
import { ImportError } from './import-error.js';
import type { Importer, LineRow } from './importer.js';
import { readCsvRecordChunks } from './read-csv-records.js';

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
  /**
   * Instead of `rows`, when a reading thread encoded them for COPY into the importer's stage (see
   * Importer.stage): a whole stream in COPY's binary format (CopyBinaryWriter), and how many rows it holds.
   */
  readonly copy?: { readonly data: Uint8Array; readonly rows: number };
  /** On the last batch only: the SHA-256 of every byte read, to check that the file did not change. */
  readonly sha256?: string;
}

/** What reading a file needs of an importer. */
export type RecordParser<K extends string, Row> = Pick<
  Importer<K, Row>,
  'columns' | 'optionalTrailingFields' | 'parse' | 'stage'
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
  options: { readonly copy?: boolean } = {},
): AsyncGenerator<ParsedBatch<Row>> {
  // With `copy`, each valid row is encoded for COPY into the parser's stage as soon as it is read (the
  // batch's `copy`, not its `rows`): its objects then die young, where a batch of them outlived collections.
  const stage = options.copy ? parser.stage : undefined;
  const writer = stage && new CopyBinaryWriter(stage.columns.map(([, type]) => type as CopyBinaryType));
  const hash = createHash('sha256');
  let bytes = 0;
  let match: HeaderMatch<K> | undefined;
  let rows: LineRow<Row>[] = [];
  let rejected: RejectedRecord[] = [];
  for await (const records of readCsvRecordChunks(file, {
    optionalTrailingFields: parser.optionalTrailingFields ?? 0,
    onChunk: (chunk) => {
      hash.update(chunk);
      bytes += chunk.length;
    },
  })) {
    for (const record of records) {
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
        if (!result.ok) rejected.push({ line: record.line, reason: result.reason });
        else if (writer) writer.row(stage!.values(record.line, result.row));
        else rows.push({ line: record.line, row: result.row });
      }
      if (rows.length + (writer?.rows ?? 0) + rejected.length >= batchSize) {
        yield writer ? { rows, rejected, bytes, copy: take(writer) } : { rows, rejected, bytes };
        rows = [];
        rejected = [];
      }
    }
  }
  if (!match) throw new ImportError('IMPORT_EMPTY', 'the file is empty: no header line');
  const sha256 = hash.digest('hex');
  yield writer ? { rows, rejected, bytes, sha256, copy: take(writer) } : { rows, rejected, bytes, sha256 };
}

function take(writer: CopyBinaryWriter): { data: Uint8Array; rows: number } {
  const rows = writer.rows;
  return { data: writer.take(), rows };
}
