import { CalcInputError } from './calc-input-error.js';

/** Reads a true/false option as R writes logicals (TRUE/FALSE; also true/false, T/F, yes/no, 1/0). */
export function parseBooleanOption(
  value: string | boolean | undefined,
  option: string,
  fallback: boolean,
): boolean {
  if (value === undefined) return fallback;
  if (typeof value === 'boolean') return value;
  if (/^(true|t|yes|1)$/i.test(value)) return true;
  if (/^(false|f|no|0)$/i.test(value)) return false;
  throw new CalcInputError('BAD_OPTION', `${option} must be true or false (got '${value}')`);
}
