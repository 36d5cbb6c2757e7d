import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { dsr, esp2013, proportion } from '@healthhub/stats';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { ENGLAND, LONDON } from '../../src/areas/london-areas.js';
import { queryRows } from '../../src/db/query-rows.js';
import { demoAreaCodes } from '../../src/demo/demo-areas.js';
import { bands } from '../../src/demo/demo-counts.js';
import { demoIndicators } from '../../src/demo/demo-indicators.js';
import { demoPeriods } from '../../src/demo/demo-periods.js';
import {
  type DemoData,
  type DemoValueRow,
  demoCountsKey,
  generateDemoData,
} from '../../src/demo/generate-demo-values.js';
import { DEMO_LOAD_NAME, type DemoLoadSummary, isDatabaseEmpty, loadDemo } from '../../src/demo/load-demo.js';
import { dataLoads } from '../../src/imports/data-loads-table.js';
import { indicatorValues } from '../../src/indicators/indicator-values-table.js';
import { indicators } from '../../src/indicators/indicators-table.js';
import { populations } from '../../src/populations/populations-table.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/test-database.js';

const BOROUGHS = demoAreaCodes.filter((c) => c.startsWith('E09'));
const expectedValues = demoIndicators.reduce(
  (total, i) => total + demoAreaCodes.length * demoPeriods(i.periodType).length * i.sexes.length,
  0,
);
const expectedPopulations = demoAreaCodes.length * 13 * 3 * 19;

async function tableCounts(t: TestDatabase) {
  const [row] = await queryRows<{ indicators: number; values: number; populations: number; loads: number }>(
    t.database.db,
    sql`select (select count(*)::int from indicators) as indicators,
               (select count(*)::int from indicator_values) as values,
               (select count(*)::int from populations) as populations,
               (select count(*)::int from data_loads) as loads`,
  );
  return row!;
}

for (const kind of databaseKinds()) {
  describe(`demonstration data on ${kind}`, () => {
    let t: TestDatabase;
    let first: DemoLoadSummary;
    let generated: DemoData;

    before(async () => {
      t = await createTestDatabase(kind);
      first = await loadDemo(t.database.db);
      generated = generateDemoData();
    });
    after(async () => {
      await t.cleanup();
    });

    test('one load adds the indicators, populations and values for 33 + 5 + 1 + 1 areas, marked as demo', async () => {
      // 14 indicators; 40 areas x 13 years (11 rolling three-year periods) x each indicator's sexes.
      assert.equal(expectedValues, 12080);
      assert.equal(first.loaded, true);
      assert.equal(first.rows['indicators'], 14);
      assert.equal(first.rows['indicator values'], expectedValues);
      assert.equal(first.rows['populations'], expectedPopulations);
      assert.deepEqual(await tableCounts(t), {
        indicators: 14,
        values: expectedValues,
        populations: expectedPopulations,
        // The built-in geography, the evidence demo and the governance demo.
        loads: 3,
      });
      const [load] = await t.database.db.select().from(dataLoads).where(eq(dataLoads.name, DEMO_LOAD_NAME));
      assert.equal(load!.name, DEMO_LOAD_NAME);
      assert.equal(load!.isDemo, true);
      assert.equal(load!.rowCount, 14 + expectedValues + expectedPopulations);
      assert.equal(await isDatabaseEmpty(t.database.db), false);

      const stored = await t.database.db.select().from(indicators).orderBy(asc(indicators.id));
      assert.deepEqual(
        stored.map((i) => [i.id, i.isDemo, i.valueType, i.polarity, i.periodType]),
        demoIndicators.map((i) => [i.id, true, i.valueType, i.polarity, i.periodType]),
      );
      const [marks] = await queryRows<{
        not_demo: number;
        other_load: number;
        compared: number;
        areas: number;
      }>(
        t.database.db,
        sql`select count(*) filter (where not is_demo)::int as not_demo,
                   count(*) filter (where load_id <> ${load!.id})::int as other_load,
                   count(*) filter (where computed_compared_to_england is not null
                     or computed_compared_to_london is not null or computed_trend is not null)::int as compared,
                   count(distinct area_code)::int as areas
            from indicator_values`,
      );
      // Every value is compared with London and England (or marked Not compared) as the demo loads.
      assert.deepEqual(marks, { not_demo: 0, other_load: 0, compared: 12080, areas: 40 });
      const [otherPopulations] = await queryRows<{ n: number }>(
        t.database.db,
        sql`select count(*)::int as n from populations where load_id <> ${load!.id}`,
      );
      assert.equal(otherPopulations!.n, 0);
    });

    test('loading again changes nothing', async () => {
      const counted = await tableCounts(t);
      const second = await loadDemo(t.database.db);
      assert.equal(second.loaded, false);
      assert.ok(Object.values(second.rows).every((n) => n === 0));
      assert.deepEqual(await tableCounts(t), counted);
    });

    test('the stored rows are exactly the rows generated from the seed', async () => {
      const rows = await t.database.db.select().from(indicatorValues).orderBy(asc(indicatorValues.id));
      const stored: DemoValueRow[] = rows.map((r) => ({
        indicatorId: r.indicatorId,
        areaCode: r.areaCode,
        period: r.period,
        periodSort: r.periodSort,
        sex: r.sex as DemoValueRow['sex'],
        age: r.age,
        value: r.value,
        lower95: r.lower95,
        upper95: r.upper95,
        lower998: r.lower998,
        upper998: r.upper998,
        count: r.count,
        denominator: r.denominator,
        valueNote: r.valueNote,
      }));
      assert.deepEqual(stored, generated.values);
    });

    test("London's proportion is computed from the summed counts of its 33 authorities", async () => {
      const smoking = await t.database.db
        .select()
        .from(indicatorValues)
        .where(
          and(
            eq(indicatorValues.indicatorId, 990014),
            eq(indicatorValues.period, '2018'),
            eq(indicatorValues.sex, 'Persons'),
          ),
        );
      const boroughs = smoking.filter((r) => r.areaCode.startsWith('E09'));
      assert.equal(boroughs.length, 33);
      const x = boroughs.reduce((s, r) => s + r.count!, 0);
      const n = boroughs.reduce((s, r) => s + r.denominator!, 0);
      const london = smoking.find((r) => r.areaCode === LONDON)!;
      assert.equal(london.count, x);
      assert.equal(london.denominator, n);
      const expected = proportion(x, n, { confidence: [0.95, 0.998], multiplier: 100 });
      assert.ok('lower95_0cl' in expected);
      assert.equal(london.value, expected.value);
      assert.equal(london.lower95, expected.lower95_0cl);
      assert.equal(london.upper998, expected.upper99_8cl);
      // Not an average of the authorities' percentages.
      const average = boroughs.reduce((s, r) => s + r.value!, 0) / boroughs.length;
      assert.notEqual(london.value, average);
      // England's sample includes London's.
      const england = smoking.find((r) => r.areaCode === ENGLAND)!;
      assert.ok(england.denominator! > n);
    });

    test("London's suicide DSR is computed from its authorities' summed deaths and the stored populations", async () => {
      const period = '2016 - 18';
      const [london] = await t.database.db
        .select()
        .from(indicatorValues)
        .where(
          and(
            eq(indicatorValues.indicatorId, 990007),
            eq(indicatorValues.areaCode, LONDON),
            eq(indicatorValues.period, period),
            eq(indicatorValues.sex, 'Persons'),
          ),
        );
      const x = new Array(17).fill(0);
      const n = new Array(17).fill(0);
      for (const code of BOROUGHS) {
        const counts = generated.counts.get(demoCountsKey(990007, code, period, 'Persons'))!;
        bands(counts, 'x').forEach((v, k) => {
          x[k] += v;
        });
        bands(counts, 'n').forEach((v, k) => {
          n[k] += v;
        });
      }
      // The denominators are London's stored populations aged 10 and over, summed over 2016-2018.
      const stored = await t.database.db
        .select()
        .from(populations)
        .where(
          and(
            eq(populations.areaCode, LONDON),
            eq(populations.sex, 'persons'),
            inArray(populations.year, [2016, 2017, 2018]),
          ),
        );
      const byBand = new Array(17).fill(0);
      for (const p of stored) if (p.ageFrom >= 10) byBand[p.ageFrom / 5 - 2] += p.population;
      assert.deepEqual(byBand, n);
      const expected = dsr(x, n, esp2013.slice(2), { confidence: [0.95, 0.998] });
      assert.ok('lower95_0cl' in expected);
      assert.equal(london!.value, expected.value);
      assert.equal(london!.count, expected.total_count);
      assert.equal(london!.lower95, expected.lower95_0cl);
      assert.equal(london!.upper998, expected.upper99_8cl);
    });

    test('every value lies within its limits, 95% within 99.8%; a missing value says why', async () => {
      const [bad] = await queryRows<{ outside: number; unexplained: number; values: number }>(
        t.database.db,
        // Within rounding: Wilson's upper limit for 12 of 12 is 100 less one unit in the last place.
        sql`select count(*) filter (where value is not null and lower95 is not null
                     and (lower95 > value + 1e-9 * greatest(1, abs(value)) or upper95 < value - 1e-9 * greatest(1, abs(value))
                       or lower998 > lower95 + 1e-9 * greatest(1, abs(value))
                       or upper998 < upper95 - 1e-9 * greatest(1, abs(value))))::int as outside,
                   count(*) filter (where value is null and value_note is null)::int as unexplained,
                   count(*) filter (where value is not null)::int as values
            from indicator_values`,
      );
      assert.equal(bad!.outside, 0);
      assert.equal(bad!.unexplained, 0);
      assert.ok(bad!.values > expectedValues * 0.98);
    });
  });
}
