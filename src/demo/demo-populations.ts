import { espBands } from './demo-age-bands.js';
import { REST_OF_ENGLAND } from './demo-areas.js';
import { demoBoroughs } from './demo-boroughs.js';
import { DEMO_FIRST_YEAR, DEMO_YEARS } from './demo-periods.js';
import type { DemoRandom } from './demo-random.js';

/** A population by the 19 ESP2013 bands, for each sex. */
export interface SexPopulations {
  readonly males: readonly number[];
  readonly females: readonly number[];
}

/** Each unit's populations, one entry per demo year (indexed as DEMO_YEARS). */
export type DemoPopulations = ReadonlyMap<string, readonly SexPopulations[]>;

const normalised = (shares: readonly number[]) => {
  const total = shares.reduce((a, b) => a + b, 0);
  return shares.map((s) => s / total);
};

/** Age profiles (share of all ages in each ESP band): inner London is younger, the rest of England older. */
const INNER_PROFILE = normalised([
  6.3, 5.6, 5.2, 4.8, 7.5, 11, 11, 9, 7.2, 6.2, 5.6, 4.9, 4, 3.1, 2.5, 1.8, 1.2, 0.7, 0.4,
]);
const OUTER_PROFILE = normalised([
  6.6, 6.7, 6.5, 5.8, 5.8, 6.9, 7.6, 7.4, 7, 6.7, 6.6, 6, 5, 4, 3.6, 2.7, 1.9, 1.1, 0.6,
]);
const REST_PROFILE = normalised([
  5.5, 6, 5.9, 5.6, 6, 6.3, 6.5, 6.2, 5.9, 6.3, 7, 7, 6.2, 5.5, 5.6, 4, 2.8, 1.7, 0.9,
]);
/** The share of each band that is male: about half, falling in old age. */
const MALE_SHARE = [
  0.512, 0.512, 0.512, 0.512, 0.5, 0.495, 0.495, 0.495, 0.495, 0.495, 0.495, 0.49, 0.485, 0.48, 0.47, 0.455,
  0.43, 0.39, 0.3,
];

/** England's population in 2012 and its growth per year. */
const ENGLAND_2012 = 53_500_000;
const ENGLAND_GROWTH = 0.0068;

function split(rng: DemoRandom, total: number, profile: readonly number[], noise: number): SexPopulations {
  const males: number[] = [];
  const females: number[] = [];
  for (let k = 0; k < espBands.length; k++) {
    const band = total * (profile[k] as number) * Math.exp(rng.normal(0, noise));
    const male = MALE_SHARE[k] as number;
    males.push(Math.round(band * male));
    females.push(Math.round(band * (1 - male)));
  }
  return { males, females };
}

/**
 * Generates each authority's population by sex and ESP band for 2012-2024, and the rest of England's: the
 * authority's 2021 size grown or shrunk at its own rate, an age profile between inner and outer London's
 * (younger in inner London, with a little randomness per authority), a male share falling with age, and 1%
 * noise per band and year. The rest of England is England's population (53.5 million in 2012, growing 0.68%
 * a year) less London's, with an older profile.
 */
export function generateDemoPopulations(rng: DemoRandom): DemoPopulations {
  const result = new Map<string, SexPopulations[]>();
  const londonTotals = DEMO_YEARS.map(() => 0);
  for (const borough of demoBoroughs) {
    const youth = Math.min(1, Math.max(0, (borough.inner ? 0.75 : 0.3) + rng.normal(0, 0.08)));
    const profile = INNER_PROFILE.map(
      (inner, k) => youth * inner + (1 - youth) * (OUTER_PROFILE[k] as number),
    );
    const years = DEMO_YEARS.map((year, i) => {
      const total = borough.population2021 * (1 + borough.growth) ** (year - 2021);
      const populations = split(rng, total, profile, 0.01);
      londonTotals[i] = (londonTotals[i] as number) + sum(populations.males) + sum(populations.females);
      return populations;
    });
    result.set(borough.code, years);
  }
  result.set(
    REST_OF_ENGLAND,
    DEMO_YEARS.map((year, i) => {
      const england = ENGLAND_2012 * (1 + ENGLAND_GROWTH) ** (year - DEMO_FIRST_YEAR);
      return split(rng, england - (londonTotals[i] as number), REST_PROFILE, 0.002);
    }),
  );
  return result;
}

export function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/** Males plus females, band by band. */
export function personsOf(p: SexPopulations): number[] {
  return p.males.map((m, k) => m + (p.females[k] as number));
}
