import type { RecordParser } from '../parse-record-batches.js';
import { type FingertipsColumn, fingertipsColumns } from './fingertips-columns.js';
import { type FingertipsRow, parseFingertipsRow } from './fingertips-row.js';

/**
 * How a Fingertips CSV's records are read: its columns, its data rows one field shorter than the header (no
 * "Compared to goal"), and each record's validation. Shared by the importer and the reading thread.
 */
export const fingertipsRecordParser: RecordParser<FingertipsColumn, FingertipsRow> = {
  columns: fingertipsColumns,
  optionalTrailingFields: 1,
  parse: parseFingertipsRow,
};
