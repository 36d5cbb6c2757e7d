import type { HeaderColumn } from '../check-header.js';

/**
 * The columns the long ONS-style tables share (populations and event counts): area code and name, sex, age
 * (or age band) and year. Names are matched ignoring case: `area_code`, `Area code` and `code` all read as
 * the area code, `age`, `age_band` and `age group` as the age. The year column is optional when the year is
 * given on the command line (--year): a file without one and no --year is refused for its header.
 */
export function longTableColumns(options: { yearGiven: boolean; ageName: 'age' | 'age_band' }) {
  return [
    { key: 'areaCode', name: 'area_code', pattern: /^(area[ _]?code|code)$/ },
    { key: 'areaName', name: 'area_name', pattern: /^(area[ _]?name|name)$/ },
    { key: 'sex', name: 'sex' },
    { key: 'age', name: options.ageName, pattern: /^age([ _]?(band|group))?$/ },
    { key: 'year', name: 'year', optional: options.yearGiven },
  ] as const satisfies readonly HeaderColumn[];
}

export type LongTableColumn = ReturnType<typeof longTableColumns>[number]['key'];
