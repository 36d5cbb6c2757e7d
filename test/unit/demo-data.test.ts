import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { lifeExpectancy } from '@healthhub/stats';
import { ENGLAND, LONDON } from '../../src/areas/london-areas.js';
import { computeDemoValue } from '../../src/demo/compute-demo-value.js';
import { lifeTableStartAges, populationAged } from '../../src/demo/demo-age-bands.js';
import { demoAggregates, demoAreaCodes, REST_OF_ENGLAND } from '../../src/demo/demo-areas.js';
import { sumCounts } from '../../src/demo/demo-counts.js';
import { demoModels } from '../../src/demo/demo-indicator-models.js';
import { demoIndicatorAims, demoIndicators } from '../../src/demo/demo-indicators.js';
import { curve } from '../../src/demo/demo-level.js';
import { demoPeriods } from '../../src/demo/demo-periods.js';
import { DemoRandom } from '../../src/demo/demo-random.js';
import {
  type DemoData,
  type DemoValueRow,
  demoCountsKey,
  generateDemoData,
} from '../../src/demo/generate-demo-values.js';
import { betterHealthAspirations, healthInequalitiesAims } from '../../src/demo/partnership-aims.js';
import { sullivanHealthExpectancy } from '../../src/demo/sullivan-health-expectancy.js';

describe('demonstration indicators', () => {
  test("one per headline indicator of the Health Inequalities Strategy, ids clear of Fingertips'", () => {
    assert.equal(demoIndicators.length, 14);
    const ids = demoIndicators.map((i) => i.id);
    assert.equal(new Set(ids).size, 14);
    assert.ok(ids.every((id) => id >= 990001 && id < 1000000));
    assert.equal(new Set(demoIndicators.map((i) => i.headlineIndicator)).size, 14);
    assert.ok(demoIndicators.every((i) => i.source === 'healthhub demonstration data (generated)'));
    assert.ok(demoIndicators.every((i) => /not real statistics/.test(i.definition)));
    assert.ok(demoIndicators.every((i) => /@healthhub\/stats/.test(i.method)));
  });

  test('each maps to a strategy aim (or the overarching outcome) and to known aspirations', () => {
    const aims = new Set(healthInequalitiesAims.map((a) => a.id));
    const aspirations = new Set(betterHealthAspirations.map((a) => a.number));
    assert.equal(aspirations.size, 10);
    assert.equal(demoIndicatorAims.length, 14);
    for (const m of demoIndicatorAims) {
      assert.ok(m.hisAim === null || aims.has(m.hisAim), `${m.indicatorId}`);
      assert.ok(
        m.aspirations.every((n) => aspirations.has(n)),
        `${m.indicatorId}`,
      );
    }
    // Every aim of the strategy has at least one headline indicator.
    for (const aim of aims)
      assert.ok(
        demoIndicatorAims.some((m) => m.hisAim === aim),
        aim,
      );
  });
});

describe('demonstration periods and levels', () => {
  test('periods are written and sorted as Fingertips does', () => {
    const calendar = demoPeriods('calendar-year');
    assert.equal(calendar.length, 13);
    assert.deepEqual(calendar[0], { label: '2012', sort: 20120000, yearIndexes: [0] });
    assert.equal(demoPeriods('financial-year')[12]!.label, '2024/25');
    assert.equal(demoPeriods('academic-year')[0]!.label, '2012/13');
    const rolling = demoPeriods('rolling-3-year');
    assert.equal(rolling.length, 11);
    assert.deepEqual(rolling[10], { label: '2022 - 24', sort: 20220000, yearIndexes: [10, 11, 12] });
  });

  test('curves interpolate between their points and hold the ends', () => {
    const c = curve([
      [2014, 10],
      [2016, 20],
    ]);
    assert.deepEqual(c.slice(0, 6), [10, 10, 10, 15, 20, 20]);
    assert.equal(c.length, 13);
  });

  test('ages spread evenly within a band: 16-64 takes 4/5 of 15-19', () => {
    const byBand = new Array(19).fill(100);
    assert.equal(populationAged(byBand, 16, 64), 80 + 9 * 100);
    assert.equal(populationAged(byBand, 0, null), 1900);
  });
});

describe('DemoRandom', () => {
  test('the same seed gives the same draws; counts stay in range', () => {
    const a = new DemoRandom(7);
    const b = new DemoRandom(7);
    const draws = (r: DemoRandom) => [
      r.uniform(),
      r.normal(),
      r.poisson(3),
      r.poisson(500),
      r.binomial(20, 0.3),
    ];
    assert.deepEqual(draws(a), draws(b));
    const r = new DemoRandom(1);
    let small = 0;
    let large = 0;
    for (let i = 0; i < 4000; i++) {
      small += r.poisson(4);
      large += r.poisson(400);
      const k = r.binomial(50, 0.9);
      assert.ok(k >= 0 && k <= 50 && Number.isInteger(k));
    }
    assert.ok(Math.abs(small / 4000 - 4) < 0.15);
    assert.ok(Math.abs(large / 4000 - 400) < 2);
    assert.equal(r.poisson(0), 0);
    assert.equal(r.binomial(0, 0.5), 0);
    assert.equal(r.binomial(10, 1), 10);
  });
});

describe("Sullivan's healthy life expectancy on lifeExpectancy's life table", () => {
  const deaths = [20, 4, 2, 3, 10, 15, 18, 25, 35, 55, 80, 120, 180, 260, 380, 520, 700, 850, 800, 600];
  const population = [
    5000, 20000, 25000, 24000, 23000, 26000, 30000, 31000, 29000, 27000, 26000, 25000, 22000, 19000, 16000,
    12000, 8500, 5500, 2800, 1100,
  ];
  const lifeAtBirth = lifeExpectancy(deaths, population, lifeTableStartAges, { type: 'standard' })[0]!.value;

  test('everyone in good health: healthy life expectancy is life expectancy, with no sampling error', () => {
    const all = population.map(() => 100);
    const r = sullivanHealthExpectancy(deaths, population, all, all);
    assert.ok(Math.abs(r.value - lifeAtBirth) < 1e-9);
    assert.ok(Math.abs(r.lifeExpectancy - lifeAtBirth) < 1e-12);
    assert.ok(Math.abs(r.upper95 - r.lower95) < 1e-9);
  });

  test('half in good health at every age: half of life expectancy, limits around it, 99.8% wider', () => {
    const asked = population.map(() => 200);
    const r = sullivanHealthExpectancy(
      deaths,
      population,
      asked.map((n) => n / 2),
      asked,
    );
    assert.ok(Math.abs(r.value - lifeAtBirth / 2) < 1e-9);
    assert.ok(r.lower998 < r.lower95 && r.lower95 < r.value && r.value < r.upper95 && r.upper95 < r.upper998);
  });

  test('a population of 5,000 or fewer: not computed, as lifeExpectancy suppresses it', () => {
    const small = population.map((p) => Math.round(p / 100));
    const r = sullivanHealthExpectancy(
      deaths.map(() => 1),
      small,
      small.map(() => 1),
      small.map(() => 2),
    );
    assert.ok(Number.isNaN(r.value));
    const row = computeDemoValue(
      { valueType: 'life-expectancy', multiplier: null },
      {
        deaths: deaths.map(() => 1),
        population: small,
        good: small.map(() => 1),
        respondents: small.map(() => 2),
      },
    );
    assert.equal(row.value, null);
    assert.match(row.valueNote!, /population over 5,000/);
  });
});

describe('generateDemoData', () => {
  let data: DemoData;
  before(() => {
    data = generateDemoData();
  });

  test('is deterministic: the same seed gives identical rows, another seed different values', () => {
    const again = generateDemoData();
    assert.deepEqual(again.values, data.values);
    assert.deepEqual(again.populations, data.populations);
    const other = generateDemoData(1);
    assert.equal(other.values.length, data.values.length);
    assert.notDeepEqual(other.values, data.values);
  });

  test('one value per indicator, area, period and sex: 40 areas, 13 years (11 rolling periods)', () => {
    const keys = new Set(
      data.values.map((v) => `${v.indicatorId}|${v.areaCode}|${v.period}|${v.sex}|${v.age}`),
    );
    assert.equal(keys.size, data.values.length);
    assert.equal(demoAreaCodes.length, 40);
    for (const indicator of demoIndicators) {
      const rows = data.values.filter((v) => v.indicatorId === indicator.id);
      const periods = demoPeriods(indicator.periodType).length;
      assert.equal(rows.length, 40 * periods * indicator.sexes.length, indicator.name);
    }
    assert.equal(data.values.length, 12080);
    assert.equal(data.populations.length, 40 * 13 * 3 * 19);
  });

  test("aggregates' populations are the sums of their members'; persons are males plus females", () => {
    const pop = (area: string, year: number, sex: string) =>
      data.populations
        .filter((p) => p.areaCode === area && p.year === year && p.sex === sex)
        .reduce((s, p) => s + p.population, 0);
    for (const aggregate of demoAggregates) {
      if (aggregate.members.includes(REST_OF_ENGLAND)) continue;
      const members = aggregate.members.reduce((s, m) => s + pop(m, 2020, 'persons'), 0);
      assert.equal(pop(aggregate.code, 2020, 'persons'), members, aggregate.code);
    }
    assert.equal(pop(LONDON, 2024, 'persons'), pop(LONDON, 2024, 'males') + pop(LONDON, 2024, 'females'));
    const london = pop(LONDON, 2012, 'persons');
    assert.ok(london > 8_000_000 && london < 8_700_000, `${london}`);
    assert.ok(pop(LONDON, 2024, 'persons') > london);
    const england = pop(ENGLAND, 2012, 'persons');
    assert.ok(england > 53_000_000 && england < 54_000_000, `${england}`);
    assert.ok(data.populations.every((p) => Number.isInteger(p.population) && p.population >= 0));
  });

  test("every aggregate's value is recomputed from the sum of its members' counts", () => {
    for (const indicator of demoIndicators) {
      const period = demoPeriods(indicator.periodType)[4]!.label;
      const sex = indicator.sexes[0]!;
      for (const aggregate of demoAggregates.filter((a) => a.code !== ENGLAND)) {
        const summed = sumCounts(
          aggregate.members.map((m) => data.counts.get(demoCountsKey(indicator.id, m, period, sex))!),
        );
        const row = data.values.find(
          (v) =>
            v.indicatorId === indicator.id &&
            v.areaCode === aggregate.code &&
            v.period === period &&
            v.sex === sex,
        )!;
        const expected = computeDemoValue(indicator, summed, demoModels.get(indicator.id)!.stdpop);
        assert.equal(row.value, expected.value, `${indicator.name} ${aggregate.code}`);
        assert.equal(row.count, expected.count, `${indicator.name} ${aggregate.code}`);
      }
    }
  });

  test('values are plausible: London and England within familiar ranges, authorities spread around them', () => {
    const value = (id: number, area: string, period: string, sex = 'Persons') =>
      data.values.find(
        (v) => v.indicatorId === id && v.areaCode === area && v.period === period && v.sex === sex,
      )!.value!;
    const within = (x: number, lo: number, hi: number, what: string) =>
      assert.ok(x >= lo && x <= hi, `${what}: ${x} not in [${lo}, ${hi}]`);
    within(value(990001, LONDON, '2019', 'Male'), 61, 67, 'London male HLE');
    within(value(990002, ENGLAND, '2019', 'Female'), 61, 67, 'England female HLE');
    within(value(990003, LONDON, '2019'), 2.5, 4, 'low birth weight');
    within(value(990004, ENGLAND, '2018/19'), 65, 76, 'school readiness');
    within(value(990005, LONDON, '2018/19'), 34, 42, 'Year 6 excess weight');
    within(value(990006, LONDON, '2019'), 300, 700, 'SMI excess mortality');
    within(value(990007, ENGLAND, '2017 - 19'), 8, 12, 'suicide');
    within(value(990008, LONDON, '2019'), 5, 10, 'PM2.5 fraction');
    within(value(990009, LONDON, '2019/20'), 70, 78, 'employment');
    within(value(990010, LONDON, '2019/20'), 50, 70, 'belonging');
    within(value(990011, ENGLAND, '2017 - 19'), 35, 50, 'late HIV');
    within(value(990012, LONDON, '2012 - 14'), 30, 45, 'TB incidence');
    within(value(990013, LONDON, '2019/20'), 30, 45, 'active travel');
    within(value(990014, ENGLAND, '2012'), 16, 22, 'smoking 2012');
    within(value(990014, ENGLAND, '2024'), 9, 14, 'smoking 2024');
    // Deprivation shows: Barking and Dagenham's men live fewer years in good health than Richmond's.
    assert.ok(value(990001, 'E09000002', '2019', 'Male') < value(990001, 'E09000027', '2019', 'Male'));
    // The City of London's life table is too small by sex: not computed, with a note.
    const city = data.values.find((v) => v.indicatorId === 990001 && v.areaCode === 'E09000001')!;
    assert.equal(city.value, null);
    assert.ok(city.valueNote);
  });

  test('limits bracket every value, 99.8% outside 95%; missing values carry a note', () => {
    // Within rounding: Wilson's upper limit for 12 of 12 is 100 less one unit in the last place.
    const le = (a: number, b: number) => a <= b + 1e-9 * Math.max(1, Math.abs(b));
    const ordered = (v: DemoValueRow) =>
      v.value === null
        ? v.lower95 === null && v.valueNote !== null
        : le(v.lower998!, v.lower95!) &&
          le(v.lower95!, v.value) &&
          le(v.value, v.upper95!) &&
          le(v.upper95!, v.upper998!);
    const bad = data.values.filter((v) => !ordered(v));
    assert.deepEqual(bad, []);
  });
});
