/**
 * Every warning `phe_life_expectancy` can give, in the order R emits them within one call, with a stable code.
 *
 * The first five suppress a whole group (all its values and confidence limits become NA); R runs those checks
 * in this order and a group is suppressed by the first one it fails, so a group gets at most one of them.
 * In a grouped R call each distinct warning is emitted once, however many groups trigger it; R appends the
 * suppressed groups after the computed ones in this same order (see docs/methods/life-expectancy.md).
 * Reference: PHEindicatormethods 2.1 `phe_life_expectancy` (R/LifeExpectancy.R).
 * Cost: constant data.
 *
 * @example
 * lifeExpectancyWarnings.map((w) => w.code); // ['NEGATIVE_DEATHS', 'NON_POSITIVE_POPULATION', ...]
 */
export const lifeExpectancyWarnings = [
  {
    code: 'NEGATIVE_DEATHS',
    message: 'some age bands have negative deaths; outputs have been suppressed to NAs',
  },
  {
    code: 'NON_POSITIVE_POPULATION',
    message: 'some age bands have a zero or less population; outputs have been suppressed to NAs',
  },
  {
    code: 'WRONG_NUMBER_OF_AGEBANDS',
    message:
      'some groups contain a different number of age bands than 20; life expectancy cannot be calculated for these. These groups will contain NAs.',
  },
  {
    code: 'DEATHS_GREATER_THAN_POPULATION',
    message: 'some age bands have more deaths than population; outputs have been suppressed to NAs',
  },
  {
    code: 'TOTAL_POPULATION_TOO_SMALL',
    message: 'some groups have a total population of less than 5,000; outputs have been suppressed to NAs',
  },
  {
    code: 'WIDE_CONFIDENCE_INTERVAL',
    message:
      'some life expectancy values have a 95% confidence interval > 20 years; these values have been suppressed to NAs',
  },
  {
    code: 'LE_AGE_NOT_IN_AGE_CONTENTS',
    message: 'le_age not in the vector described by age_contents; all life expectancies will be returned',
  },
] as const;

/** The code of one of {@link lifeExpectancyWarnings}. */
export type LifeExpectancyWarningCode = (typeof lifeExpectancyWarnings)[number]['code'];

/** The codes of the five checks that suppress a whole group, in R's order. */
export type LifeExpectancySuppressionCode = Exclude<
  LifeExpectancyWarningCode,
  'WIDE_CONFIDENCE_INTERVAL' | 'LE_AGE_NOT_IN_AGE_CONTENTS'
>;
