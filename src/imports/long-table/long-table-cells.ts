import { z } from 'zod';
import { parseAgeBand } from '../../populations/age-band.js';
import { parsePopulationSex } from '../../populations/population-sex.js';
import { optionalNumberCell } from '../csv-fields.js';

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
  z.string().transform((value, ctx) => {
    const sex = parsePopulationSex(value);
    if (sex === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: value.trim() === '' ? 'is empty' : `${quote(value)} is not Males, Females or Persons`,
      });
      return z.NEVER;
    }
    return sex;
  });

/** An age or age band (see parseAgeBand); "All ages" is the total, ages 0 and over. */
export const ageBandCell = () =>
  z.string().transform((value, ctx) => {
    const band = parseAgeBand(value);
    if (band === undefined) {
      ctx.addIssue({
        code: 'custom',
        message:
          value.trim() === ''
            ? 'is empty'
            : `${quote(value)} is not an age or age band (such as 0, 0-4, 90+ or All ages)`,
      });
      return z.NEVER;
    }
    return band === 'all-ages'
      ? { ageFrom: 0, ageTo: null, isTotal: true }
      : { ageFrom: band.from, ageTo: band.to, isTotal: false };
  });

/** A number of people or events: a decimal number, 0 or more; empty and suppression marks are refused. */
export const amountCell = () =>
  optionalNumberCell().transform((n, ctx) => {
    if (n === null) {
      ctx.addIssue({ code: 'custom', message: 'is empty' });
      return z.NEVER;
    }
    if (n < 0) {
      ctx.addIssue({ code: 'custom', message: `${n} is negative` });
      return z.NEVER;
    }
    return n;
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
  return z.string().transform((value, ctx) => {
    const text = value.trim();
    if (text === '') {
      if (given !== undefined) return given;
      ctx.addIssue({ code: 'custom', message: `is empty (and no ${option} was given)` });
      return z.NEVER;
    }
    const result = read(text);
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: result.reason });
      return z.NEVER;
    }
    if (given !== undefined && result.value !== given) {
      ctx.addIssue({ code: 'custom', message: `${quote(text)} is not the ${option} given (${given})` });
      return z.NEVER;
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
