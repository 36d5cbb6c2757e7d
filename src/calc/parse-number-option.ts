import { CalcInputError } from './calc-input-error.js';
import { numberOption } from './number-option.js';

/**
 * A numeric method option that may be absent (undefined, so that the library's default or its own "required"
 * check applies), e.g. --repetitions or --years-of-data; `integer` requires a whole number (a safe integer).
 * See numberOption for options with a fixed fallback.
 */
export function parseNumberOption(
  value: string | boolean | undefined,
  option: string,
  integer = false,
): number | undefined {
  if (value === undefined) return undefined;
  const n = numberOption(value, option, Number.NaN);
  if (integer && !Number.isSafeInteger(n)) {
    throw new CalcInputError('BAD_OPTION', `${option} must be a whole number (got '${String(value)}')`);
  }
  return n;
}

/** An option holding two numbers, "LOW,HIGH" (e.g. --target-range 10,20); undefined when absent. */
export function parseNumberPairOption(
  value: string | boolean | undefined,
  option: string,
): [number, number] | undefined {
  if (value === undefined) return undefined;
  const parts = typeof value === 'string' ? value.split(',') : [];
  if (parts.length !== 2) {
    throw new CalcInputError(
      'BAD_OPTION',
      `${option} must be two numbers, LOW,HIGH (got '${String(value)}')`,
    );
  }
  return [numberOption(parts[0], option, Number.NaN), numberOption(parts[1], option, Number.NaN)];
}
