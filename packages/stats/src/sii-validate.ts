import { StatsInputError } from './errors.js';
import type { SiiInput } from './sii.js';
import { siiConfidence } from './sii-confidence.js';

/** The arguments of phe_sii that {@link siiValidate} checks. */
export interface SiiValidateArgs {
  readonly valueType: number;
  readonly transform: boolean;
  readonly multiplier: number;
  readonly repetitions: number;
  readonly confidence: number | readonly number[];
}

const NON_NUMERIC_ARGUMENT = 'multiplier, repetitions and confidence inputs should be numeric';

function isNumberLike(values: ArrayLike<unknown>): boolean {
  if (ArrayBuffer.isView(values)) return true;
  for (let i = 0; i < values.length; i++) if (typeof values[i] !== 'number') return false;
  return true;
}

/**
 * phe_sii's argument and data checks, in R's order, with R's messages; returns the confidence levels as
 * fractions.
 *
 * Method: arguments first (quantile and population given; value or x; se or both limits; value_type in 0-2;
 * numeric multiplier, repetitions, confidence; repetitions >= 1000; transform needs value_type 1 or 2, no se,
 * and both limits; confidence levels in range), then the data (numeric fields; populations > 0 and present;
 * standard errors >= 0 and present; limits present; for proportions, values and limits within [0, 1] and, when
 * only x is given, x > 0). R applies the data checks to every row of the data frame; here they apply to the
 * group given. The row of the first offending element is reported.
 * Reference: R/SII_function.R, PHEindicatormethods 2.1.
 * Cost: O(n).
 *
 * @param input the group's rows
 * @param args the scalar arguments
 * @returns the confidence levels as fractions
 * @throws StatsInputError (see docs/methods/sii.md for every code and message)
 * @example
 * siiValidate({ quantile: [1, 2, 3, 4, 5], population: [1, 1, 1, 1, 1], value: [1, 2, 3, 4, 5], se: [1, 1, 1, 1, 1] },
 *   { valueType: 0, transform: false, multiplier: 1, repetitions: 1000, confidence: 0.95 }); // [0.95]
 */
export function siiValidate(input: SiiInput, args: SiiValidateArgs): number[] {
  const { valueType, transform, multiplier, repetitions, confidence } = args;
  if (!input.quantile || !input.population) {
    throw new StatsInputError(
      'MISSING_ARGUMENT',
      'function phe_sii requires the arguments: data, quantile, population',
    );
  }
  if (!input.value && !input.x) {
    throw new StatsInputError(
      'MISSING_VALUE_FIELD',
      'function phe_sii requires value field, or x field if indicator is a proportion of population',
    );
  }
  const hasLimits = input.lowerCl !== undefined && input.upperCl !== undefined;
  if (!input.se && !hasLimits) {
    throw new StatsInputError(
      'MISSING_SE_OR_LIMITS',
      'function phe_sii requires either lower_cl and upper_cl fields, or se field',
    );
  }
  if (!(valueType === 0 || valueType === 1 || valueType === 2)) {
    throw new StatsInputError('INVALID_VALUE_TYPE', 'value_type should be 0, 1 or 2');
  }
  const levels: readonly unknown[] = typeof confidence === 'number' ? [confidence] : confidence;
  if (
    typeof multiplier !== 'number' ||
    Number.isNaN(multiplier) ||
    typeof repetitions !== 'number' ||
    Number.isNaN(repetitions) ||
    !Array.isArray(levels) ||
    levels.some((c) => typeof c !== 'number')
  ) {
    throw new StatsInputError('NON_NUMERIC_ARGUMENT', NON_NUMERIC_ARGUMENT);
  }
  if (repetitions < 1000) {
    throw new StatsInputError(
      'TOO_FEW_REPETITIONS',
      'number of repetitions must be 1000 or greater. Default is 100,000',
    );
  }
  if (!Number.isSafeInteger(repetitions)) {
    throw new StatsInputError('INVALID_REPETITIONS', 'number of repetitions must be a whole number');
  }
  if (transform && valueType === 0) {
    throw new StatsInputError(
      'TRANSFORM_NEEDS_RATE_OR_PROPORTION',
      'value_type should be 1 or 2 when transform is true',
    );
  }
  if (transform && input.se) {
    throw new StatsInputError(
      'TRANSFORM_WITH_SE',
      'function phe_sii requires se to be missing when transform is true',
    );
  }
  if (transform && !hasLimits) {
    throw new StatsInputError(
      'TRANSFORM_NEEDS_LIMITS',
      'function phe_sii requires lower_cl and upper_cl fields when transform is true',
    );
  }
  const fractions = siiConfidence(confidence);

  const n = input.population.length;
  const fields: [string, ArrayLike<unknown> | undefined][] = [
    ['quantile', input.quantile],
    ['population', input.population],
    ['x', input.x],
    ['value', input.value],
    ['se', input.se],
    ['lowerCl', input.lowerCl],
    ['upperCl', input.upperCl],
  ];
  for (const [name, values] of fields) {
    if (values && values.length !== n) {
      throw new StatsInputError(
        'LENGTH_MISMATCH',
        `${name} has ${values.length} elements but population has ${n}`,
      );
    }
  }
  for (const [name, values] of fields) {
    if (name !== 'quantile' && values && !isNumberLike(values)) {
      throw new StatsInputError('NON_NUMERIC_INPUT', 'some input fields in data.frame are non-numeric');
    }
  }
  const population = input.population;
  for (let i = 0; i < n; i++) {
    const p = population[i] as number;
    if (!(p > 0)) {
      throw new StatsInputError(
        'INVALID_POPULATION',
        'some groups have a zero, negative or missing population',
        i,
      );
    }
  }
  if (input.se) {
    for (let i = 0; i < n; i++) {
      const se = input.se[i] as number;
      if (!(se >= 0)) {
        throw new StatsInputError(
          'INVALID_STANDARD_ERROR',
          'negative or missing standard errors in input dataset',
          i,
        );
      }
    }
  }
  const lower = input.lowerCl;
  const upper = input.upperCl;
  if (lower && upper) {
    for (let i = 0; i < n; i++) {
      if (Number.isNaN(lower[i] as number) || Number.isNaN(upper[i] as number)) {
        throw new StatsInputError(
          'MISSING_CONFIDENCE_LIMITS',
          'missing lower or upper confidence limits in input dataset',
          i,
        );
      }
    }
  }
  if (valueType === 2) {
    if (input.value) {
      for (let i = 0; i < n; i++) {
        const v = input.value[i] as number;
        if (v < 0 || v > 1) {
          throw new StatsInputError('INVALID_PROPORTION', 'value proportions are not all between 0 and 1', i);
        }
      }
    }
    if (lower && upper) {
      for (let i = 0; i < n; i++) {
        const l = lower[i] as number;
        const u = upper[i] as number;
        if (l < 0 || l > 1 || u < 0 || u > 1) {
          throw new StatsInputError(
            'INVALID_PROPORTION_LIMITS',
            'confidence limit proportions are not all between 0 and 1',
            i,
          );
        }
      }
    }
    if (!input.value && input.x) {
      for (let i = 0; i < n; i++) {
        if ((input.x[i] as number) <= 0) {
          throw new StatsInputError('INVALID_COUNT', 'some groups have a zero or negative count x', i);
        }
      }
    }
  }
  return fractions;
}
