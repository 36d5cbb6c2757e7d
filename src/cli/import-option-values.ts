import { UsageError } from '../errors/usage-error.js';
import { MEASURE_PATTERN, YEAR_RANGE } from '../imports/long-table/long-table-cells.js';

/** --year YYYY, checked; undefined when not given. */
export function yearOption(command: string, value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined;
  const year = typeof value === 'string' && /^\d{4}$/.test(value) ? Number(value) : Number.NaN;
  if (!(year >= YEAR_RANGE.min && year <= YEAR_RANGE.max)) {
    throw new UsageError(`${command}: --year must be a year such as 2014, not '${String(value)}'`);
  }
  return year;
}

/** --measure NAME, checked (lower-case letters, digits and hyphens); undefined when not given. */
export function measureOption(
  command: string,
  value: string | boolean | undefined,
  option = '--measure',
): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !MEASURE_PATTERN.test(value)) {
    throw new UsageError(
      `${command}: ${option} must be a name of lower-case letters, digits and hyphens such as deaths-all-causes, not '${String(value)}'`,
    );
  }
  return value;
}
