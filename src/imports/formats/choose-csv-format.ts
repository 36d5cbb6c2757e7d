import { checkHeader, type HeaderColumn } from '../check-header.js';
import { readCsvRecords } from '../read-csv-records.js';

/** One of several CSV layouts an importer reads, told apart by its header. */
export interface CsvFormat {
  /** A short name for messages and tests, e.g. 'lsoa21-subicb24-icb24'. */
  readonly id: string;
  readonly columns: readonly HeaderColumn[];
}

/**
 * The header (first record) of a CSV file, read as runImport reads it (a byte order mark dropped, quotes
 * honoured); undefined when the file cannot be read, is empty or is not CSV, so that the import itself reports
 * the problem in its usual words.
 */
export async function readCsvHeader(file: string): Promise<string[] | undefined> {
  try {
    for await (const record of readCsvRecords(file)) return record.fields;
  } catch {
    // runImport will say what is wrong with the file.
  }
  return undefined;
}

/**
 * The format whose columns the header has, exactly (checkHeader's rules: any order, case and spacing
 * ignored, no column missing or unexpected). When none fits, the format sharing the most columns with the
 * header (the first when the header is unknown), so that runImport's header check refuses the file naming
 * what is missing and unexpected for the nearest format.
 */
export function chooseCsvFormat<F extends CsvFormat>(
  header: readonly string[] | undefined,
  formats: readonly F[],
): F {
  if (formats.length === 0) throw new Error('chooseCsvFormat: no formats');
  if (header === undefined) return formats[0]!;
  let best = formats[0]!;
  let bestShared = -1;
  for (const format of formats) {
    try {
      checkHeader(header, format.columns);
      return format;
    } catch {
      const shared = sharedColumns(header, format.columns);
      if (shared > bestShared) {
        best = format;
        bestShared = shared;
      }
    }
  }
  return best;
}

const normalise = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

function sharedColumns(header: readonly string[], columns: readonly HeaderColumn[]): number {
  const names = new Set(header.map(normalise));
  return columns.filter(
    (c) => names.has(normalise(c.name)) || header.some((h) => c.pattern?.test(normalise(h))),
  ).length;
}
