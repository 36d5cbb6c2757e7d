import { computeDemoValue, type DemoValueFields } from './compute-demo-value.js';
import { espBands } from './demo-age-bands.js';
import { type DemoUnit, demoAggregates, demoAreaCodes, demoUnits } from './demo-areas.js';
import { type DemoCounts, sumCounts } from './demo-counts.js';
import { demoModels, type ModelContext } from './demo-indicator-models.js';
import { type DemoIndicator, type DemoSex, demoIndicators } from './demo-indicators.js';
import { generateDemoDeaths } from './demo-mortality.js';
import { DEMO_YEARS, demoPeriods } from './demo-periods.js';
import { type DemoPopulations, generateDemoPopulations, type SexPopulations } from './demo-populations.js';
import { DemoRandom } from './demo-random.js';

/** The seed of the demonstration data everyone sees: the year of the London Health Mission's goal. */
export const DEMO_SEED = 2035;

/** One row of the populations table. */
export interface DemoPopulationRow {
  readonly areaCode: string;
  readonly year: number;
  readonly sex: 'persons' | 'males' | 'females';
  readonly ageFrom: number;
  readonly ageTo: number | null;
  readonly population: number;
}

/** One row of the indicator_values table (without the load and the computed comparisons). */
export interface DemoValueRow extends DemoValueFields {
  readonly indicatorId: number;
  readonly areaCode: string;
  readonly period: string;
  readonly periodSort: number;
  readonly sex: DemoSex;
  readonly age: string;
}

export interface DemoData {
  readonly indicators: readonly DemoIndicator[];
  readonly populations: readonly DemoPopulationRow[];
  readonly values: readonly DemoValueRow[];
  /** The counts each value was computed from, by {@link demoCountsKey}: for checking, not stored. */
  readonly counts: ReadonlyMap<string, DemoCounts>;
}

export const demoCountsKey = (indicatorId: number, areaCode: string, period: string, sex: DemoSex) =>
  `${indicatorId}|${areaCode}|${period}|${sex}`;

/** Random streams: one for populations, one for deaths, one per indicator (so adding one changes no other). */
const POPULATION_STREAM = 1;
const DEATHS_STREAM = 2;

function stream(seed: number, id: number): DemoRandom {
  return new DemoRandom(seed * 2 ** 20 + id);
}

/** Each area's members: itself for an authority, the summed units for an ICB, London or England. */
const membersOf = new Map<string, readonly string[]>([
  ...demoUnits.filter((u) => !u.isRestOfEngland).map((u) => [u.code, [u.code]] as const),
  ...demoAggregates.map((a) => [a.code, a.members] as const),
]);

function members(areaCode: string): readonly string[] {
  const found = membersOf.get(areaCode);
  if (found === undefined) throw new Error(`no members for ${areaCode}`);
  return found;
}

function populationRows(populations: DemoPopulations): DemoPopulationRow[] {
  const rows: DemoPopulationRow[] = [];
  for (const areaCode of demoAreaCodes) {
    const parts = members(areaCode).map((code) => populations.get(code) ?? []);
    DEMO_YEARS.forEach((year, i) => {
      const males = espBands.map((_, k) =>
        parts.reduce((t, p) => t + ((p[i] as SexPopulations).males[k] as number), 0),
      );
      const females = espBands.map((_, k) =>
        parts.reduce((t, p) => t + ((p[i] as SexPopulations).females[k] as number), 0),
      );
      const bySex = [
        ['persons', males.map((m, k) => m + (females[k] as number))],
        ['males', males],
        ['females', females],
      ] as const;
      for (const [sex, values] of bySex) {
        espBands.forEach((band, k) => {
          rows.push({
            areaCode,
            year,
            sex,
            ageFrom: band.from,
            ageTo: band.to,
            population: values[k] as number,
          });
        });
      }
    });
  }
  return rows;
}

/** The sexes counts are drawn for: Male and Female when the indicator has both (Persons is their sum). */
function drawnSexes(indicator: DemoIndicator): DemoSex[] {
  const split = indicator.sexes.includes('Male') && indicator.sexes.includes('Female');
  return split ? ['Male', 'Female'] : [...indicator.sexes];
}

function indicatorValues(
  indicator: DemoIndicator,
  context: ModelContext,
  counts: Map<string, DemoCounts>,
): DemoValueRow[] {
  const model = demoModels.get(indicator.id);
  if (model === undefined) throw new Error(`no model for demonstration indicator ${indicator.id}`);
  const draw = model.build(context);
  const sexes = drawnSexes(indicator);
  // Draw every unit's counts first, in a fixed order (units, years, sexes): the stream stays reproducible.
  const drawn = context.units.map((unit) =>
    DEMO_YEARS.map((_, yearIndex) => sexes.map((sex) => draw(unit, yearIndex, sex))),
  );
  const unitIndex = new Map(context.units.map((u, i) => [u.code, i]));
  const rows: DemoValueRow[] = [];
  for (const areaCode of demoAreaCodes) {
    const memberIndexes = members(areaCode).map((code) => unitIndex.get(code) as number);
    for (const period of demoPeriods(indicator.periodType)) {
      for (const sex of indicator.sexes) {
        const sexIndexes = sex === 'Persons' && sexes.length === 2 ? [0, 1] : [sexes.indexOf(sex)];
        const parts: DemoCounts[] = [];
        for (const u of memberIndexes) {
          for (const y of period.yearIndexes) {
            for (const s of sexIndexes) parts.push(drawn[u]?.[y]?.[s] as DemoCounts);
          }
        }
        const summed = sumCounts(parts);
        counts.set(demoCountsKey(indicator.id, areaCode, period.label, sex), summed);
        rows.push({
          indicatorId: indicator.id,
          areaCode,
          period: period.label,
          periodSort: period.sort,
          sex,
          age: indicator.age,
          ...computeDemoValue(indicator, summed, model.stdpop),
        });
      }
    }
  }
  return rows;
}

/**
 * Generates the demonstration data: populations by sex and ESP band for 2012-2024 for the 33 authorities,
 * the 5 ICBs, London and England, and every demonstration indicator's values for those areas and periods,
 * each computed with @healthhub/stats from counts. Authorities' counts are drawn (see the models); an ICB's,
 * London's and England's are the sums of their members' (England's members include the rest of England), so
 * no value is ever an average of values. The same seed gives identical rows.
 */
export function generateDemoData(seed: number = DEMO_SEED): DemoData {
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) {
    throw new Error('the demonstration seed must be an integer from 0 to 2^32 - 1');
  }
  const units: readonly DemoUnit[] = demoUnits;
  const populations = generateDemoPopulations(stream(seed, POPULATION_STREAM));
  const deaths = generateDemoDeaths(stream(seed, DEATHS_STREAM), units, populations);
  const counts = new Map<string, DemoCounts>();
  const values: DemoValueRow[] = [];
  for (const indicator of demoIndicators) {
    const context: ModelContext = { rng: stream(seed, indicator.id), units, populations, deaths };
    values.push(...indicatorValues(indicator, context, counts));
  }
  return { indicators: demoIndicators, populations: populationRows(populations), values, counts };
}
