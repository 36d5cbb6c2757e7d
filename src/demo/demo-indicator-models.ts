import { esp2013 } from '@healthhub/stats';
import { espBandIndex, populationAged } from './demo-age-bands.js';
import type { DemoUnit } from './demo-areas.js';
import type { DemoCounts } from './demo-counts.js';
import { type LevelSex, type LevelSpec, levelModel } from './demo-level.js';
import { type DemoDeaths, espBandsOf } from './demo-mortality.js';
import { type DemoPopulations, personsOf, type SexPopulations } from './demo-populations.js';
import type { DemoRandom } from './demo-random.js';

/** What a model draws from: its own random stream, the units, their populations and deaths. */
export interface ModelContext {
  readonly rng: DemoRandom;
  readonly units: readonly DemoUnit[];
  readonly populations: DemoPopulations;
  readonly deaths: DemoDeaths;
}

/** The counts of one unit, year (index into DEMO_YEARS) and sex (Persons, or Male / Female when split). */
export type CountsFunction = (unit: DemoUnit, yearIndex: number, sex: LevelSex) => DemoCounts;

/** How one demonstration indicator's counts are generated, and the standard population of a DSR. */
export interface DemoModel {
  readonly build: (context: ModelContext) => CountsFunction;
  readonly stdpop?: readonly number[];
}

function population(context: ModelContext, unit: DemoUnit, yearIndex: number): SexPopulations {
  const p = context.populations.get(unit.code)?.[yearIndex];
  if (p === undefined) throw new Error(`no population for ${unit.code} in year ${yearIndex}`);
  return p;
}

/** The population by ESP band of a sex (Persons: both). */
function bySex(p: SexPopulations, sex: LevelSex): readonly number[] {
  return sex === 'Male' ? p.males : sex === 'Female' ? p.females : personsOf(p);
}

/**
 * A survey-like or register-like proportion: a denominator drawn (Poisson) around `share` of the population
 * aged [from, to] of the sex, and a binomial numerator at the level.
 */
function sampledProportion(spec: LevelSpec, from: number, to: number | null, share: number): DemoModel {
  return {
    build: (context) => {
      const level = levelModel(spec, context.rng, context.units);
      return (unit, yearIndex, sex) => {
        const p = level(unit, yearIndex, sex);
        const people = populationAged(bySex(population(context, unit, yearIndex), sex), from, to);
        const n = context.rng.poisson(people * share);
        return { x: [context.rng.binomial(n, p)], n: [n] };
      };
    },
  };
}

const SUICIDE_FROM = espBandIndex(10);
/** Suicide rates per 100,000 from 10-14 to 90+, roughly England's (the level scales them). */
const SUICIDE_MALE = [1, 7, 13, 15, 17, 19, 21, 23, 23, 20, 15, 12, 12, 13, 15, 17, 16];
const SUICIDE_FEMALE = [0.6, 2.8, 3.5, 4, 4.5, 5.5, 6.5, 7.5, 7.5, 6.5, 5, 4, 4, 4.5, 5, 5, 4];

const SMI_FROM = espBandIndex(20);
const SMI_TO = espBandIndex(70);
/** The share of the population on the serious mental illness register, 20-24 to 70-74. */
const SMI_PREVALENCE = [0.004, 0.006, 0.008, 0.01, 0.012, 0.013, 0.014, 0.014, 0.013, 0.012, 0.011];

/** The share of people in good or very good health in lifeExpectancy's 20 bands. */
const GOOD_HEALTH = [
  0.97, 0.97, 0.96, 0.95, 0.93, 0.92, 0.91, 0.89, 0.87, 0.84, 0.8, 0.76, 0.72, 0.68, 0.65, 0.61, 0.56, 0.51,
  0.46, 0.41,
];
/** Women report slightly worse health than men at the same age. */
const FEMALE_GOOD_HEALTH_SHIFT = -0.12;

const logit = (p: number) => Math.log(p / (1 - p));
const expit = (x: number) => 1 / (1 + Math.exp(-x));

/** Healthy life expectancy for one sex: all-cause deaths, and a good-health survey of about 0.8% per band. */
function healthyLifeExpectancy(sexOf: 'males' | 'females'): DemoModel {
  const spec: LevelSpec = {
    london: [
      [2012, 0.05],
      [2019, 0.05],
      [2021, -0.05],
      [2024, -0.05],
    ],
    england: [
      [2012, 0],
      [2019, 0],
      [2021, -0.1],
      [2024, -0.1],
    ],
    scale: 'identity',
    deprivation: -0.25,
    boroughSd: 0.07,
    slopeSd: 0.01,
    yearSd: 0.03,
  };
  return {
    build: (context) => {
      const shift = levelModel(spec, context.rng, context.units);
      return (unit, yearIndex) => {
        const counts = context.deaths.get(unit.code)?.[yearIndex]?.[sexOf];
        if (counts === undefined) throw new Error(`no deaths for ${unit.code}`);
        const offset =
          shift(unit, yearIndex, 'Persons') + (sexOf === 'females' ? FEMALE_GOOD_HEALTH_SHIFT : 0);
        const respondents = counts.population.map((n) => Math.max(3, context.rng.poisson(n * 0.008)));
        const good = respondents.map((n, k) =>
          context.rng.binomial(n, expit(logit(GOOD_HEALTH[k] as number) + offset)),
        );
        return { deaths: counts.deaths, population: counts.population, good, respondents };
      };
    },
  };
}

/**
 * How each demonstration indicator's counts are generated, by indicator id. Levels are shaped like the
 * published London and England series (so trends and gaps look familiar) but are not them.
 */
export const demoModels: ReadonlyMap<number, DemoModel> = new Map<number, DemoModel>([
  [990001, healthyLifeExpectancy('males')],
  [990002, healthyLifeExpectancy('females')],
  [
    990003,
    // Term births: about 93% of a fifth of the under-fives.
    sampledProportion(
      {
        london: [
          [2012, 0.032],
          [2019, 0.031],
          [2024, 0.032],
        ],
        england: [
          [2012, 0.028],
          [2019, 0.029],
          [2024, 0.029],
        ],
        scale: 'logit',
        deprivation: 0.12,
        boroughSd: 0.1,
        slopeSd: 0.005,
      },
      0,
      0,
      0.93,
    ),
  ],
  [
    990004,
    sampledProportion(
      {
        london: [
          [2012, 0.53],
          [2013, 0.62],
          [2014, 0.68],
          [2015, 0.71],
          [2016, 0.73],
          [2018, 0.74],
          [2020, 0.72],
          [2021, 0.68],
          [2022, 0.69],
          [2024, 0.7],
        ],
        england: [
          [2012, 0.517],
          [2013, 0.604],
          [2014, 0.663],
          [2015, 0.694],
          [2016, 0.708],
          [2018, 0.718],
          [2020, 0.7],
          [2021, 0.652],
          [2022, 0.672],
          [2024, 0.68],
        ],
        scale: 'logit',
        deprivation: -0.12,
        boroughSd: 0.1,
        slopeSd: 0.01,
        yearSd: 0.03,
        male: -0.36,
        female: 0.36,
      },
      5,
      5,
      0.99,
    ),
  ],
  [
    990005,
    sampledProportion(
      {
        london: [
          [2012, 0.374],
          [2015, 0.38],
          [2019, 0.385],
          [2020, 0.42],
          [2021, 0.4],
          [2022, 0.382],
          [2024, 0.378],
        ],
        england: [
          [2012, 0.333],
          [2015, 0.342],
          [2019, 0.352],
          [2020, 0.409],
          [2021, 0.377],
          [2022, 0.366],
          [2024, 0.358],
        ],
        scale: 'logit',
        deprivation: 0.16,
        boroughSd: 0.06,
        slopeSd: 0.005,
        yearSd: 0.02,
        male: 0.08,
        female: -0.08,
      },
      10,
      10,
      0.95,
    ),
  ],
  [
    990006,
    {
      build: (context) => {
        const risk = levelModel(
          {
            london: [
              [2012, 4.6],
              [2020, 5.2],
              [2024, 5],
            ],
            england: [
              [2012, 4.4],
              [2020, 4.9],
              [2024, 4.8],
            ],
            scale: 'log',
            deprivation: 0.05,
            boroughSd: 0.12,
            slopeSd: 0.01,
          },
          context.rng,
          context.units,
        );
        const prevalence = new Map(
          context.units.map((u) => [
            u.code,
            u.isRestOfEngland
              ? 0.85
              : Math.exp(0.15 * u.deprivation + 0.25 * u.inner + context.rng.normal(0, 0.1)),
          ]),
        );
        return (unit, yearIndex) => {
          const general = personsOf(population(context, unit, yearIndex)).slice(SMI_FROM, SMI_TO + 1);
          const lifeTable = context.deaths.get(unit.code)?.[yearIndex];
          if (lifeTable === undefined) throw new Error(`no deaths for ${unit.code}`);
          const femaleDeaths = espBandsOf(lifeTable.females.deaths);
          const generalDeaths = espBandsOf(lifeTable.males.deaths)
            .map((d, k) => d + (femaleDeaths[k] as number))
            .slice(SMI_FROM, SMI_TO + 1);
          const relativeRisk = risk(unit, yearIndex, 'Persons');
          const factor = prevalence.get(unit.code) ?? 1;
          const register = general.map((n, k) =>
            context.rng.poisson(n * (SMI_PREVALENCE[k] as number) * factor),
          );
          const observed = register.map((n, k) =>
            context.rng.poisson(n * ((generalDeaths[k] as number) / (general[k] as number)) * relativeRisk),
          );
          return { x: observed, n: register, xRef: generalDeaths, nRef: general };
        };
      },
    },
  ],
  [
    990007,
    {
      stdpop: esp2013.slice(SUICIDE_FROM),
      build: (context) => {
        const level = levelModel(
          {
            london: [
              [2012, 0.76],
              [2018, 0.78],
              [2020, 0.72],
              [2024, 0.8],
            ],
            england: [
              [2012, 0.97],
              [2018, 1.03],
              [2020, 0.95],
              [2024, 1.06],
            ],
            scale: 'log',
            deprivation: 0.08,
            boroughSd: 0.1,
          },
          context.rng,
          context.units,
        );
        return (unit, yearIndex, sex) => {
          const rates = sex === 'Male' ? SUICIDE_MALE : SUICIDE_FEMALE;
          const factor = level(unit, yearIndex, sex);
          const n = bySex(population(context, unit, yearIndex), sex).slice(SUICIDE_FROM);
          const x = n.map((people, k) =>
            context.rng.poisson((people * (rates[k] as number) * factor) / 100000),
          );
          return { x, n };
        };
      },
    },
  ],
  [
    990008,
    {
      build: (context) => {
        // Population-weighted mean PM2.5 (µg/m³), then the attributable fraction at 8% per 10 µg/m³.
        const concentration = levelModel(
          {
            london: [
              [2012, 12.5],
              [2019, 9.5],
              [2020, 8.6],
              [2024, 7.8],
            ],
            england: [
              [2012, 9.8],
              [2019, 7.6],
              [2020, 6.8],
              [2024, 6.2],
            ],
            scale: 'log',
            deprivation: 0.02,
            inner: 0.15,
            boroughSd: 0.05,
            yearSd: 0.02,
          },
          context.rng,
          context.units,
        );
        const beta = Math.log(1.08) / 10;
        const from30 = espBandIndex(30) + 1;
        return (unit, yearIndex) => {
          const lifeTable = context.deaths.get(unit.code)?.[yearIndex];
          if (lifeTable === undefined) throw new Error(`no deaths for ${unit.code}`);
          let deaths = 0;
          for (let k = from30; k < lifeTable.males.deaths.length; k++) {
            deaths += (lifeTable.males.deaths[k] as number) + (lifeTable.females.deaths[k] as number);
          }
          const fraction = 1 - Math.exp(-beta * concentration(unit, yearIndex, 'Persons'));
          return { x: [Math.round(deaths * fraction)], n: [deaths] };
        };
      },
    },
  ],
  [
    990009,
    sampledProportion(
      {
        london: [
          [2012, 0.69],
          [2016, 0.735],
          [2019, 0.755],
          [2020, 0.745],
          [2021, 0.74],
          [2023, 0.755],
          [2024, 0.757],
        ],
        england: [
          [2012, 0.71],
          [2016, 0.745],
          [2019, 0.762],
          [2020, 0.752],
          [2021, 0.752],
          [2023, 0.757],
          [2024, 0.755],
        ],
        scale: 'logit',
        deprivation: -0.2,
        boroughSd: 0.08,
        slopeSd: 0.01,
        male: 0.3,
        female: -0.3,
      },
      16,
      64,
      0.004,
    ),
  ],
  [
    990010,
    sampledProportion(
      {
        london: [
          [2012, 0.58],
          [2019, 0.61],
          [2024, 0.62],
        ],
        england: [
          [2012, 0.62],
          [2019, 0.63],
          [2024, 0.63],
        ],
        scale: 'logit',
        deprivation: -0.1,
        inner: -0.15,
        boroughSd: 0.12,
        slopeSd: 0.01,
      },
      16,
      null,
      0.0006,
    ),
  ],
  [
    990011,
    {
      build: (context) => {
        const diagnoses = levelModel(
          {
            london: [
              [2012, 38],
              [2016, 28],
              [2019, 17],
              [2020, 13],
              [2022, 16],
              [2024, 17],
            ],
            england: [
              [2012, 8],
              [2016, 7],
              [2019, 4.5],
              [2020, 3.5],
              [2022, 4.3],
              [2024, 4.6],
            ],
            scale: 'log',
            deprivation: 0.35,
            inner: 0.55,
            boroughSd: 0.25,
          },
          context.rng,
          context.units,
        );
        const late = levelModel(
          {
            london: [
              [2012, 0.36],
              [2018, 0.35],
              [2024, 0.37],
            ],
            england: [
              [2012, 0.5],
              [2018, 0.47],
              [2024, 0.46],
            ],
            scale: 'logit',
            deprivation: 0.05,
            boroughSd: 0.15,
          },
          context.rng,
          context.units,
        );
        return (unit, yearIndex) => {
          const adults = populationAged(personsOf(population(context, unit, yearIndex)), 15, null);
          const n = context.rng.poisson((adults * diagnoses(unit, yearIndex, 'Persons')) / 100000);
          return { x: [context.rng.binomial(n, late(unit, yearIndex, 'Persons'))], n: [n] };
        };
      },
    },
  ],
  [
    990012,
    {
      build: (context) => {
        const incidence = levelModel(
          {
            london: [
              [2012, 40],
              [2015, 28],
              [2018, 19],
              [2020, 17],
              [2022, 20],
              [2024, 22],
            ],
            england: [
              [2012, 11.5],
              [2015, 8.5],
              [2018, 6.5],
              [2020, 5.5],
              [2022, 6.5],
              [2024, 7],
            ],
            scale: 'log',
            deprivation: 0.3,
            inner: 0.15,
            boroughSd: 0.35,
          },
          context.rng,
          context.units,
        );
        return (unit, yearIndex) => {
          const people = personsOf(population(context, unit, yearIndex)).reduce((a, b) => a + b, 0);
          return {
            x: [context.rng.poisson((people * incidence(unit, yearIndex, 'Persons')) / 100000)],
            n: [people],
          };
        };
      },
    },
  ],
  [
    990013,
    sampledProportion(
      {
        london: [
          [2012, 0.34],
          [2019, 0.38],
          [2020, 0.36],
          [2024, 0.4],
        ],
        england: [
          [2012, 0.22],
          [2019, 0.24],
          [2024, 0.25],
        ],
        scale: 'logit',
        deprivation: 0,
        inner: 0.45,
        boroughSd: 0.1,
        slopeSd: 0.01,
      },
      18,
      null,
      0.0012,
    ),
  ],
  [
    990014,
    sampledProportion(
      {
        london: [
          [2012, 0.175],
          [2015, 0.149],
          [2018, 0.129],
          [2020, 0.119],
          [2022, 0.11],
          [2024, 0.104],
        ],
        england: [
          [2012, 0.193],
          [2015, 0.169],
          [2018, 0.144],
          [2020, 0.121],
          [2022, 0.127],
          [2024, 0.114],
        ],
        scale: 'logit',
        deprivation: 0.18,
        boroughSd: 0.1,
        slopeSd: 0.01,
        male: 0.2,
        female: -0.2,
      },
      18,
      null,
      0.0025,
    ),
  ],
]);
