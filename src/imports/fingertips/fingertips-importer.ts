import { createIndicatorValuesStage } from '../../indicators/indicator-values-stage.js';
import { mergeIndicatorValues } from '../../indicators/merge-indicator-values.js';
import { rejectDuplicateValues } from '../../indicators/reject-duplicate-values.js';
import type { Importer } from '../importer.js';
import { writeStagedRows } from '../write-staged-rows.js';
import type { FingertipsColumn } from './fingertips-columns.js';
import { fingertipsRecordParser, fingertipsStage } from './fingertips-record-parser.js';
import type { FingertipsRow } from './fingertips-row.js';

/**
 * `healthhub import fingertips FILE.csv`: a Fingertips CSV (site download or API all_data/csv, 26 or 27
 * columns) into areas, indicators and indicator_values, with healthhub's own comparisons and trends. Its real
 * quirks are read as they are: a line break inside the quoted indicator name, data rows one field shorter
 * than the header (no "Compared to goal"), empty values with notes such as "Value for Hackney and City of
 * London combined".
 *
 * An indicator the database does not know is added with value type 'score' and polarity 'no-judgement': a
 * Fingertips CSV says neither, so comparisons read Higher / Lower rather than Better / Worse, and no recent
 * trend is calculated, until its definition says what it is.
 */
export const fingertipsImporter: Importer<FingertipsColumn, FingertipsRow> = {
  name: 'fingertips',
  ...fingertipsRecordParser,
  tables: ['areas', 'indicators', 'indicator_values', 'indicator_value_history'],
  readOnThread: 'fingertips',
  begin: (context) => createIndicatorValuesStage(context.db),
  write: writeStagedRows(fingertipsStage),
  check: rejectDuplicateValues,
  apply: (context) =>
    mergeIndicatorValues(context, {
      valueType: 'score',
      polarity: 'no-judgement',
      periodType: 'other',
      source: 'Fingertips (OHID)',
      licence: 'Open Government Licence v3.0',
    }),
};
