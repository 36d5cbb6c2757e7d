import { CalcInputError } from './calc-input-error.js';

/**
 * Reads an option that takes one of a fixed set of words (R's `match.arg` choices, without its partial
 * matching). Absent: the fallback, which may be undefined when the option is required only in some cases.
 */
export function parseChoiceOption<T extends string>(
  value: string | boolean | undefined,
  option: string,
  choices: readonly T[],
  fallback: T,
): T;
export function parseChoiceOption<T extends string>(
  value: string | boolean | undefined,
  option: string,
  choices: readonly T[],
  fallback?: T,
): T | undefined;
export function parseChoiceOption<T extends string>(
  value: string | boolean | undefined,
  option: string,
  choices: readonly T[],
  fallback?: T,
): T | undefined {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (choices as readonly string[]).includes(value)) return value as T;
  throw new CalcInputError(
    'BAD_OPTION',
    `${option} must be ${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]} (got '${String(value)}')`,
  );
}
