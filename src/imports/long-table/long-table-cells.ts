import { parseAgeBand } from '../../populations/age-band.js';
import { parsePopulationSex } from '../../populations/population-sex.js';
import { CellIssue, cell, optionalNumberCell, refineCell } from '../csv-fields.js';

/**
 * zod schemas for the cells of the long ONS-style tables (populations and event counts), with the reasons a
 * rejected row's report gives.
 */

const quote = (value: string) => `'${value.trim().replace(/\s+/g, ' ').slice(0, 40)}'`;

/** The oldest and newest years a table may give. */
export const YEAR_RANGE = { min: 1800, max: 2200 } as const;

/** A measure's name: lower-case letters, digits and hyphens (deaths-all-causes). */
export const MEASURE_PATTERN = /^[a-z0-9][a-z0-9-]{0,79}$/;

/** Males, Females or Persons (see parsePopulationSex). */
export const sexCell = () =>
  cell((value) => {
    const sex = parsePopulationSex(value);
    if (sex !== undefined) return sex;
    return new CellIssue(
      value.trim() === '' ? 'is empty' : `${quote(value)} is not Males, Females or Persons`,
    );
  });

/** An age or age band (see parseAgeBand); "All ages" is the total, ages 0 and over. */
export const ageBandCell = () =>
  cell((value) => {
    const band = parseAgeBand(value);
    if (band === undefined) {
      return new CellIssue(
        value.trim() === ''
          ? 'is empty'
          : `${quote(value)} is not an age or age band (such as 0, 0-4, 90+ or All ages)`,
      );
    }
    return band === 'all-ages'
      ? { ageFrom: 0, ageTo: null, isTotal: true }
      : { ageFrom: band.from, ageTo: band.to, isTotal: false };
  });

/** A number of people or events: a decimal number, 0 or more; empty and suppression marks are refused. */
export const amountCell = () =>
  refineCell(optionalNumberCell(), (n) => {
    if (n === null) return new CellIssue('is empty');
    return n < 0 ? new CellIssue(`${n} is negative`) : n;
  });

type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

/**
 * A value given on the command line or in a column of the file (the year, the measure). With `given`, an
 * empty cell (or no such column) is the given value and a different one is refused; without, the cell must
 * say.
 */
function givenOrCell<T extends string | number>(
  given: T | undefined,
  option: string,
  read: (text: string) => Read<T>,
) {
  return cell((value) => {
    const text = value.trim();
    if (text === '') {
      return given !== undefined ? given : new CellIssue(`is empty (and no ${option} was given)`);
    }
    const result = read(text);
    if (!result.ok) return new CellIssue(result.reason);
    if (given !== undefined && result.value !== given) {
      return new CellIssue(`${quote(text)} is not the ${option} given (${given})`);
    }
    return result.value;
  });
}

/** The year: the cell's, or `given` (--year) when the cell is empty or the file has no year column. */
export const yearCell = (given: number | undefined) =>
  givenOrCell<number>(given, '--year', (text) => {
    const n = /^\d{4}$/.test(text) ? Number(text) : Number.NaN;
    return n >= YEAR_RANGE.min && n <= YEAR_RANGE.max
      ? { ok: true, value: n }
      : { ok: false, reason: `${quote(text)} is not a year (${YEAR_RANGE.min} to ${YEAR_RANGE.max})` };
  });

/** The measure: the cell's (lower-cased), or `given` (--measure) when empty or the file has no column. */
export const measureCell = (given: string | undefined) =>
  givenOrCell<string>(given, '--measure', (text) => {
    const name = text.toLowerCase();
    return MEASURE_PATTERN.test(name)
      ? { ok: true, value: name }
      : {
          ok: false,
          reason: `${quote(text)} is not a measure name (lower-case letters, digits and hyphens, such as deaths-all-causes)`,
        };
  });
