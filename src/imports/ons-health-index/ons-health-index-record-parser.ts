import type { RecordParser } from '../parse-record-batches.js';
import { type OnsHealthIndexColumn, onsHealthIndexColumns } from './ons-health-index-columns.js';
import { type OnsHealthIndexRow, parseOnsHealthIndexRow } from './ons-health-index-row.js';

/** How the ONS Health Index's records are read. Shared by the importer and the reading thread. */
export const onsHealthIndexRecordParser: RecordParser<OnsHealthIndexColumn, OnsHealthIndexRow> = {
  columns: onsHealthIndexColumns,
  parse: parseOnsHealthIndexRow,
};
