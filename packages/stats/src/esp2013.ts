/**
 * The 2013 European Standard Population (ESP2013) in 19 five-year age bands, 0-4 to 85-89 and 90+, summing to
 * 100,000: the default standard population of PHEindicatormethods' DSR examples (its `esp2013` data set).
 * Aligned with {@link esp2013AgeBands}.
 *
 * Reference: Eurostat (2013), Revision of the European Standard Population, Report of Eurostat's task force;
 * PHEindicatormethods 2.1 `data/esp2013.rda`.
 * Cost: constant.
 *
 * @example
 * dsr(counts, pops, esp2013);
 */
export const esp2013: readonly number[] = Object.freeze([
  5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000, 7000, 6500, 6000, 5500, 5000, 4000, 2500, 1500,
  1000,
]);

/**
 * The age-band labels of {@link esp2013}, in the same order: "0-4", "5-9", ..., "85-89", "90+".
 *
 * Reference: Eurostat (2013), Revision of the European Standard Population.
 * Cost: constant.
 *
 * @example
 * esp2013AgeBands[18]; // "90+"
 */
export const esp2013AgeBands: readonly string[] = Object.freeze([
  '0-4',
  '5-9',
  '10-14',
  '15-19',
  '20-24',
  '25-29',
  '30-34',
  '35-39',
  '40-44',
  '45-49',
  '50-54',
  '55-59',
  '60-64',
  '65-69',
  '70-74',
  '75-79',
  '80-84',
  '85-89',
  '90+',
]);
