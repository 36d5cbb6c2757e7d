import {
  INDICATOR_VALUES_STAGE,
  stagedValueColumns,
  stagedValueFields,
} from '../../indicators/staged-value.js';
import type { RowStage } from '../importer.js';
import type { RecordParser } from '../parse-record-batches.js';
import { type FingertipsColumn, fingertipsColumns } from './fingertips-columns.js';
import { type FingertipsRow, parseFingertipsRow } from './fingertips-row.js';

/** Where a Fingertips CSV's valid rows are staged: the indicator-values stage, as they are. */
export const fingertipsStage: RowStage<FingertipsRow> = {
  table: INDICATOR_VALUES_STAGE,
  columns: stagedValueColumns,
  values: stagedValueFields,
};

/**
 * How a Fingertips CSV's records are read: its columns, its data rows one field shorter than the header (no
 * "Compared to goal"), and each record's validation. Shared by the importer and the reading thread.
 */
export const fingertipsRecordParser: RecordParser<FingertipsColumn, FingertipsRow> = {
  columns: fingertipsColumns,
  optionalTrailingFields: 1,
  parse: parseFingertipsRow,
  stage: fingertipsStage,
};
