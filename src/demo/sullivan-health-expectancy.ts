import { lifeExpectancy, qnorm } from '@healthhub/stats';
import { lifeTableStartAges } from './demo-age-bands.js';

/** A health expectancy at birth with 95% and 99.8% limits; every field NaN when it cannot be computed. */
export interface HealthExpectancy {
  readonly value: number;
  readonly lower95: number;
  readonly upper95: number;
  readonly lower998: number;
  readonly upper998: number;
  /** Life expectancy at birth from the same life table (NaN when suppressed). */
  readonly lifeExpectancy: number;
}

const NOT_COMPUTED: HealthExpectancy = {
  value: Number.NaN,
  lower95: Number.NaN,
  upper95: Number.NaN,
  lower998: Number.NaN,
  upper998: Number.NaN,
  lifeExpectancy: Number.NaN,
};
const Z95 = qnorm(0.975);
const Z998 = qnorm(0.999);

/**
 * Healthy life expectancy at birth by Sullivan's method on @healthhub/stats' life table.
 *
 * Method: `lifeExpectancy` (Chiang II, 20 bands 0, 1-4, ..., 90+) gives life expectancy e_i at the start of
 * each band (where it hides a value for a wide interval, the midpoint of its limits is that value). The
 * life table's survivors are recovered from consecutive e_i, since e_i l_i = n_i (a_i l_i + (1 - a_i)
 * l_{i+1}) + e_{i+1} l_{i+1}: l_0 = 1, l_{i+1} = l_i (e_i - n_i a_i) / (n_i (1 - a_i) + e_{i+1}), with a_0 = 0.1
 * and 0.5 elsewhere as lifeExpectancy takes them. Person-years L_i = e_i l_i - e_{i+1} l_{i+1} (the last band
 * e l). Healthy life expectancy = sum of L_i p_i, p_i the proportion of the band's survey respondents in good
 * or very good health. Its variance is that of the proportions only, sum of L_i^2 p_i (1 - p_i) / N_i (as ONS
 * computes its limits; the life table's own variance is left out), and the limits are normal: value -/+ z SE.
 * Not computed (NaN) where lifeExpectancy suppresses the life table (e.g. a population of 5,000 or fewer) or
 * a band has no respondents.
 * Reference: D. F. Sullivan (1971), A single index of mortality and morbidity, HSMHA Health Reports 86,
 * 347-354; C. Jagger et al. (2014), Health expectancy calculation by the Sullivan method: a practical guide,
 * 4th ed.
 * Cost: O(20).
 *
 * @param deaths deaths in the 20 bands
 * @param population population in the 20 bands
 * @param good respondents in good or very good health in each band
 * @param respondents survey respondents in each band
 */
export function sullivanHealthExpectancy(
  deaths: readonly number[],
  population: readonly number[],
  good: readonly number[],
  respondents: readonly number[],
): HealthExpectancy {
  // The bands are always lifeTableStartAges, so lifeExpectancy's check of them (costly per call) is skipped.
  const rows = lifeExpectancy(deaths, population, lifeTableStartAges, {
    type: 'standard',
    confidence: 0.95,
    checkAgeBands: false,
  });
  const bands = lifeTableStartAges.length;
  const e: number[] = [];
  for (const row of rows) {
    const value = Number.isFinite(row.value)
      ? row.value
      : ((row['lowercl'] as number) + (row['uppercl'] as number)) / 2;
    if (!Number.isFinite(value)) return NOT_COMPUTED;
    e.push(value);
  }
  if (e.length !== bands || respondents.some((n) => !(n > 0))) return NOT_COMPUTED;
  const l = [1];
  for (let i = 0; i < bands - 1; i++) {
    const width = (lifeTableStartAges[i + 1] as number) - (lifeTableStartAges[i] as number);
    const a = i === 0 ? 0.1 : 0.5;
    l.push(((l[i] as number) * ((e[i] as number) - width * a)) / (width * (1 - a) + (e[i + 1] as number)));
  }
  let value = 0;
  let variance = 0;
  for (let i = 0; i < bands; i++) {
    const next = i < bands - 1 ? (e[i + 1] as number) * (l[i + 1] as number) : 0;
    const years = (e[i] as number) * (l[i] as number) - next;
    const p = (good[i] as number) / (respondents[i] as number);
    value += years * p;
    variance += (years * years * p * (1 - p)) / (respondents[i] as number);
  }
  const se = Math.sqrt(variance);
  return {
    value,
    lower95: value - Z95 * se,
    upper95: value + Z95 * se,
    lower998: value - Z998 * se,
    upper998: value + Z998 * se,
    lifeExpectancy: e[0] as number,
  };
}
