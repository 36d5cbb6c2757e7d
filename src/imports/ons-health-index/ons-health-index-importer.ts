import { createIndicatorValuesStage, stageIndicatorValues } from '../../indicators/indicator-values-stage.js';
import { mergeIndicatorValues } from '../../indicators/merge-indicator-values.js';
import { rejectDuplicateValues } from '../../indicators/reject-duplicate-values.js';
import type { Importer } from '../importer.js';
import type { OnsHealthIndexColumn } from './ons-health-index-columns.js';
import { ONS_HEALTH_INDEX_LICENCE, ONS_HEALTH_INDEX_SOURCE } from './ons-health-index-indicators.js';
import {
  beginUnlisted,
  defineStagedIndicators,
  resolveUnlistedIds,
  stagedOnsHealthIndexValue,
} from './ons-health-index-merge.js';
import { onsHealthIndexRecordParser } from './ons-health-index-record-parser.js';
import type { OnsHealthIndexRow } from './ons-health-index-row.js';

/**
 * `healthhub import ons-health-index FILE.csv`: the ONS Health Index for England's underlying data in long
 * form (ltla21_code, year, indicator, value; 56 indicators, 307 local authority districts, 2015-2021), into
 * areas, indicators and indicator_values through the shared indicator-values stage and merge (history of
 * replaced values, healthhub's own comparisons and trends). The values are each indicator's own measure, not
 * index scores; see onsHealthIndexIndicators for ids and polarities. Values are for persons, all ages, the
 * year as the period (period_sort year × 10,000, as Fingertips sorts years). Districts not yet known are added
 * as local-authority areas named by their code (the file has no names; an areas or deprivation import with
 * names replaces such a placeholder).
 */
export const onsHealthIndexImporter: Importer<OnsHealthIndexColumn, OnsHealthIndexRow> = {
  name: 'ons-health-index',
  ...onsHealthIndexRecordParser,
  readOnThread: 'ons-health-index',
  tables: ['areas', 'indicators', 'indicator_values', 'indicator_value_history'],
  async begin(context) {
    beginUnlisted(context);
    await createIndicatorValuesStage(context.db);
  },
  write: (context, rows) =>
    stageIndicatorValues(
      context.db,
      rows.map(({ line, row }) => stagedOnsHealthIndexValue(context, line, row)),
    ),
  check: rejectDuplicateValues,
  async apply(context) {
    await resolveUnlistedIds(context);
    await defineStagedIndicators(context.db);
    return mergeIndicatorValues(context, {
      valueType: 'score',
      polarity: 'no-judgement',
      periodType: 'calendar-year',
      source: ONS_HEALTH_INDEX_SOURCE,
      licence: ONS_HEALTH_INDEX_LICENCE,
    });
  },
};
