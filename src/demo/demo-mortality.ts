import { INFANT_SHARE_OF_UNDER_FIVES } from './demo-age-bands.js';
import type { DemoUnit } from './demo-areas.js';
import { DEMO_FIRST_YEAR } from './demo-periods.js';
import type { DemoPopulations } from './demo-populations.js';
import type { DemoRandom } from './demo-random.js';

/** Deaths and population in lifeExpectancy's 20 bands (0, 1-4, 5-9, ..., 85-89, 90+). */
export interface LifeTableCounts {
  readonly deaths: readonly number[];
  readonly population: readonly number[];
}

export interface SexDeaths {
  readonly males: LifeTableCounts;
  readonly females: LifeTableCounts;
}

/** Each unit's deaths from all causes, one entry per demo year (indexed as DEMO_YEARS). */
export type DemoDeaths = ReadonlyMap<string, readonly SexDeaths[]>;

/** Death rates per person-year in the 20 bands, roughly England's around 2019 (life expectancy ~79.5, ~83). */
const MALE_RATES = [
  0.0042, 0.00012, 0.00007, 0.00009, 0.00029, 0.0005, 0.00062, 0.0008, 0.00115, 0.00165, 0.0025, 0.0037,
  0.0056, 0.0088, 0.0138, 0.022, 0.037, 0.065, 0.115, 0.23,
];
const FEMALE_RATES = [
  0.0035, 0.0001, 0.00006, 0.00007, 0.00015, 0.0002, 0.00027, 0.0004, 0.00065, 0.001, 0.0016, 0.0025, 0.0037,
  0.0058, 0.009, 0.0145, 0.025, 0.046, 0.086, 0.195,
];
/** Mortality by year relative to 2019: steady improvement, then COVID-19 in 2020 and 2021. */
const YEAR_FACTOR = [1.08, 1.07, 1.03, 1.06, 1.03, 1.02, 1.02, 1, 1.14, 1.08, 1.04, 1, 0.97];
/** London's extra excess in 2020 (its first wave came earlier and harder). */
const LONDON_2020 = 1.05;
const INDEX_2020 = 2020 - DEMO_FIRST_YEAR;

/** The 19 ESP bands' population split into lifeExpectancy's 20: the 0-4 band into under-ones and 1-4. */
export function lifeTablePopulation(espPopulation: readonly number[]): number[] {
  const underFive = espPopulation[0] as number;
  const infants = Math.round(underFive * INFANT_SHARE_OF_UNDER_FIVES);
  return [infants, underFive - infants, ...espPopulation.slice(1)];
}

/** lifeExpectancy's 20 bands merged back into the 19 ESP bands (0 and 1-4 make 0-4). */
export function espBandsOf(lifeTable: readonly number[]): number[] {
  return [(lifeTable[0] as number) + (lifeTable[1] as number), ...lifeTable.slice(2)];
}

/**
 * Generates deaths from all causes by sex and band for every unit and year: Poisson draws at England's rates
 * times a unit factor (London about 7% lower, rising with the authority's deprivation by about 11% per
 * standard deviation, plus a small random authority effect) and the year's factor.
 */
export function generateDemoDeaths(
  rng: DemoRandom,
  units: readonly DemoUnit[],
  populations: DemoPopulations,
): DemoDeaths {
  const result = new Map<string, SexDeaths[]>();
  for (const unit of units) {
    const unitFactor = unit.isRestOfEngland
      ? Math.exp(0.012)
      : Math.exp(-0.07 + 0.11 * unit.deprivation + rng.normal(0, 0.04));
    const years = (populations.get(unit.code) ?? []).map((p, i) => {
      const factor =
        unitFactor *
        (YEAR_FACTOR[i] as number) *
        (i === INDEX_2020 && !unit.isRestOfEngland ? LONDON_2020 : 1);
      const draw = (espPopulation: readonly number[], rates: readonly number[]): LifeTableCounts => {
        const population = lifeTablePopulation(espPopulation);
        const deaths = population.map((n, k) => Math.min(n, rng.poisson(n * (rates[k] as number) * factor)));
        return { deaths, population };
      };
      return { males: draw(p.males, MALE_RATES), females: draw(p.females, FEMALE_RATES) };
    });
    result.set(unit.code, years);
  }
  return result;
}
