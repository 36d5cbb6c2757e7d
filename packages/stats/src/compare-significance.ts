import type { ComparePolarity } from './compare-polarity.js';

/**
 * The outcome labels of {@link compare} and {@link compareToTarget}.
 *
 * - 'Better' / 'Similar' / 'Worse': a judgement, when the polarity is high- or low-is-good.
 * - 'Higher' / 'Similar' / 'Lower': the same comparison when the polarity is 'no-judgement'.
 * - '… (95%)' / '… (99.8%)': the five-level result of the 'single-ci-both-levels' method: significant at 95%
 *   only, or at 99.8% as well (Fingertips' Significance.Better / .Best, .Worse / .Worst).
 * - 'Best' / 'Better' / 'Middle' / 'Worse' / 'Worst' and 'Lowest' / 'Low' / 'Middle' / 'High' / 'Highest':
 *   quintile (or, without 'Middle', quartile) positions, named as FingertipsNext names them.
 * - 'Not compared': Fingertips' Significance.None (missing value, missing limits, too few values...).
 */
export type CompareSignificance =
  | 'Better'
  | 'Similar'
  | 'Worse'
  | 'Higher'
  | 'Lower'
  | 'Not compared'
  | 'Better (95%)'
  | 'Better (99.8%)'
  | 'Worse (95%)'
  | 'Worse (99.8%)'
  | 'Higher (95%)'
  | 'Higher (99.8%)'
  | 'Lower (95%)'
  | 'Lower (99.8%)'
  | 'Best'
  | 'Worst'
  | 'Middle'
  | 'Lowest'
  | 'Low'
  | 'High'
  | 'Highest';

/** A significance label with Fingertips' numeric Significance code (None 0, Worse 1, Same 2, Better 3, Worst 4, Best 5). */
export interface CompareOutcome {
  readonly significance: CompareSignificance;
  readonly significance_code: number;
}

// Fingertips' Significance enum (PholioObjects/Significance.cs), indexed by direction + 2 for an indicator where
// high is good: -2 lower beyond 99.8% (Worst), -1 lower (Worse), 0 Same, +1 higher (Better), +2 higher beyond 99.8% (Best).
const CODE_HIGH_IS_GOOD = [4, 1, 2, 3, 5] as const;
const CODE_LOW_IS_GOOD = [5, 3, 2, 1, 4] as const;

const LABEL_HIGH: readonly CompareSignificance[] = ['Worse', 'Worse', 'Similar', 'Better', 'Better'];
const LABEL_LOW: readonly CompareSignificance[] = ['Better', 'Better', 'Similar', 'Worse', 'Worse'];
const LABEL_NONE: readonly CompareSignificance[] = ['Lower', 'Lower', 'Similar', 'Higher', 'Higher'];
const LABEL_HIGH_2: readonly CompareSignificance[] = [
  'Worse (99.8%)',
  'Worse (95%)',
  'Similar',
  'Better (95%)',
  'Better (99.8%)',
];
const LABEL_LOW_2: readonly CompareSignificance[] = [
  'Better (99.8%)',
  'Better (95%)',
  'Similar',
  'Worse (95%)',
  'Worse (99.8%)',
];
const LABEL_NONE_2: readonly CompareSignificance[] = [
  'Lower (99.8%)',
  'Lower (95%)',
  'Similar',
  'Higher (95%)',
  'Higher (99.8%)',
];

/**
 * The 'Not compared' outcome (Fingertips' Significance.None).
 *
 * @example
 * NOT_COMPARED.significance; // 'Not compared'
 */
export const NOT_COMPARED: CompareOutcome = { significance: 'Not compared', significance_code: 0 };

/**
 * Turns the direction of a statistically tested difference into the label and Fingertips code for a polarity.
 *
 * Method: Fingertips' IndicatorComparer.AdjustForPolarity: comparers decide "higher" (Better) or "lower"
 * (Worse) and the result is swapped when low is good; 'no-judgement' (Fingertips' UseBlues polarity) keeps
 * the high-is-good codes and is labelled Higher / Lower here.
 * Reference: PholioVisualisationWS/Analysis/IndicatorComparer.cs. Cost: O(1).
 *
 * @param direction -2 (lower beyond the 99.8% limits), -1 (lower), 0 (similar), 1 (higher), 2 (higher beyond
 *   99.8%); NaN for not compared
 * @param polarity see {@link ComparePolarity}
 * @param bothLevels label ±1 / ±2 as "(95%)" / "(99.8%)" (the 'single-ci-both-levels' method)
 * @returns the label and code
 * @example
 * compareSignificance(1, 'low-is-good', false); // { significance: 'Worse', significance_code: 1 }
 */
export function compareSignificance(
  direction: number,
  polarity: ComparePolarity,
  bothLevels: boolean,
): CompareOutcome {
  if (Number.isNaN(direction)) return NOT_COMPARED;
  const i = direction + 2;
  const code = polarity === 'low-is-good' ? CODE_LOW_IS_GOOD[i] : CODE_HIGH_IS_GOOD[i];
  let labels: readonly CompareSignificance[];
  if (polarity === 'high-is-good') labels = bothLevels ? LABEL_HIGH_2 : LABEL_HIGH;
  else if (polarity === 'low-is-good') labels = bothLevels ? LABEL_LOW_2 : LABEL_LOW;
  else labels = bothLevels ? LABEL_NONE_2 : LABEL_NONE;
  return { significance: labels[i] as CompareSignificance, significance_code: code as number };
}
