import type { periodTypes } from '../indicators/indicators-table.js';

/** The years the demonstration data cover. */
export const DEMO_FIRST_YEAR = 2012;
export const DEMO_LAST_YEAR = 2024;
export const DEMO_YEARS: readonly number[] = Array.from(
  { length: DEMO_LAST_YEAR - DEMO_FIRST_YEAR + 1 },
  (_, i) => DEMO_FIRST_YEAR + i,
);

/** A period as Fingertips writes and sorts it, and the demo years (indexes into DEMO_YEARS) it pools. */
export interface DemoPeriod {
  readonly label: string;
  /** Fingertips' "Time period Sortable": the first year times 10,000, e.g. 20120000. */
  readonly sort: number;
  readonly yearIndexes: readonly number[];
}

const twoDigits = (year: number) => String(year % 100).padStart(2, '0');

/**
 * The periods of 2012-2024 for a period type: calendar years '2012'; financial and academic years '2012/13'
 * (starting in each demo year); rolling three years '2012 - 14' (each wholly within 2012-2024, so 11 of them).
 */
export function demoPeriods(periodType: (typeof periodTypes)[number]): DemoPeriod[] {
  const single = (label: (year: number) => string) =>
    DEMO_YEARS.map((year, i) => ({ label: label(year), sort: year * 10000, yearIndexes: [i] }));
  switch (periodType) {
    case 'calendar-year':
      return single((year) => String(year));
    case 'financial-year':
    case 'academic-year':
      return single((year) => `${year}/${twoDigits(year + 1)}`);
    case 'rolling-3-year':
      return DEMO_YEARS.slice(0, -2).map((year, i) => ({
        label: `${year} - ${twoDigits(year + 2)}`,
        sort: year * 10000,
        yearIndexes: [i, i + 1, i + 2],
      }));
    default:
      throw new Error(`demonstration data have no ${periodType} periods`);
  }
}
