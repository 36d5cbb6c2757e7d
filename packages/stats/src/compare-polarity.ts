import { StatsInputError } from './errors.js';

/**
 * Which direction of an indicator is good, as Fingertips' polarity: 'high-is-good' (Fingertips' "RAG - High
 * is good", PolarityId 1), 'low-is-good' ("RAG - Low is good", PolarityId 0) or 'no-judgement' ("BOB - Blue
 * orange blue", PolarityId 99: differences are reported as Higher / Lower rather than Better / Worse).
 */
export type ComparePolarity = 'high-is-good' | 'low-is-good' | 'no-judgement';

/**
 * Throws unless `polarity` is one of the three {@link ComparePolarity} values. Plain-JavaScript callers and the
 * CLI can pass any string, so this is checked at run time too.
 *
 * Method: membership test. Reference: Fingertips' PolarityIds (PholioObjects/Constants.cs). Cost: O(1).
 *
 * @param polarity the value to check
 * @throws StatsInputError code INVALID_POLARITY
 * @example
 * comparePolarityCheck('low-is-good'); // returns quietly
 */
export function comparePolarityCheck(polarity: string): asserts polarity is ComparePolarity {
  if (polarity !== 'high-is-good' && polarity !== 'low-is-good' && polarity !== 'no-judgement') {
    throw new StatsInputError(
      'INVALID_POLARITY',
      `polarity must be 'high-is-good', 'low-is-good' or 'no-judgement', not '${String(polarity)}'`,
    );
  }
}
