import type { HeaderColumn } from '../check-header.js';

/**
 * The columns of the ONS Health Index underlying data in long form, as the healthyr package gives it
 * (`england_health_index_indicators`): one row per local authority district (2021 codes), year and indicator.
 */
export const onsHealthIndexColumns = [
  { key: 'areaCode', name: 'ltla21_code' },
  { key: 'year', name: 'year' },
  { key: 'indicator', name: 'indicator' },
  { key: 'value', name: 'value' },
] as const satisfies readonly HeaderColumn[];

export type OnsHealthIndexColumn = (typeof onsHealthIndexColumns)[number]['key'];
