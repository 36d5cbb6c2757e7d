import type { HeaderColumn } from '../check-header.js';
import { type LongTableColumn, longTableColumns } from '../long-table/long-table-columns.js';

/**
 * The columns of a population table: `area_code,area_name,sex,age,population[,year]` in any order (see
 * longTableColumns; `age` may be named `age_band`). The year column is required unless --year is given.
 */
export function populationColumns(options: { yearGiven: boolean }) {
  return [
    ...longTableColumns({ yearGiven: options.yearGiven, ageName: 'age' }),
    { key: 'population', name: 'population' },
  ] as const satisfies readonly HeaderColumn[];
}

export type PopulationColumn = LongTableColumn | 'population';
