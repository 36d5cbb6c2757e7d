import { CalcInputError } from './calc-input-error.js';

/** A numeric method option (e.g. --refvalue, --nquantiles): its value, or the fallback when not given. */
export function numberOption(value: string | boolean | undefined, option: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  if (!Number.isFinite(n))
    throw new CalcInputError('BAD_OPTION', `${option} must be a number (got '${value}')`);
  return n;
}
