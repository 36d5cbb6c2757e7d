import type { HeaderColumn } from '../check-header.js';

/**
 * The columns of a Fingertips CSV, as the site's "download data" and the API's all_data/csv give them: 26,
 * or 27 with "Time period range". The comparison with the parent area is named after the parent's type
 * ("Compared to Region value or percentiles", "Compared to Regions (statistical) value or percentiles"), or
 * "Compared to percentiles" when there is none.
 */
export const fingertipsColumns = [
  { key: 'indicatorId', name: 'Indicator ID' },
  { key: 'indicatorName', name: 'Indicator Name' },
  { key: 'parentCode', name: 'Parent Code' },
  { key: 'parentName', name: 'Parent Name' },
  { key: 'areaCode', name: 'Area Code' },
  { key: 'areaName', name: 'Area Name' },
  { key: 'areaType', name: 'Area Type' },
  { key: 'sex', name: 'Sex' },
  { key: 'age', name: 'Age' },
  { key: 'categoryType', name: 'Category Type' },
  { key: 'category', name: 'Category' },
  { key: 'period', name: 'Time period' },
  { key: 'value', name: 'Value' },
  { key: 'lower95', name: 'Lower CI 95.0 limit' },
  { key: 'upper95', name: 'Upper CI 95.0 limit' },
  { key: 'lower998', name: 'Lower CI 99.8 limit' },
  { key: 'upper998', name: 'Upper CI 99.8 limit' },
  { key: 'count', name: 'Count' },
  { key: 'denominator', name: 'Denominator' },
  { key: 'valueNote', name: 'Value note' },
  { key: 'recentTrend', name: 'Recent Trend' },
  { key: 'comparedToEngland', name: 'Compared to England value or percentiles' },
  {
    key: 'comparedToParent',
    name: 'Compared to Region value or percentiles',
    pattern: /^compared to (?!england )(.* )?percentiles$/,
  },
  { key: 'periodSort', name: 'Time period Sortable' },
  { key: 'newData', name: 'New data' },
  { key: 'comparedToGoal', name: 'Compared to goal' },
  { key: 'periodRange', name: 'Time period range', optional: true },
] as const satisfies readonly HeaderColumn[];

export type FingertipsColumn = (typeof fingertipsColumns)[number]['key'];
