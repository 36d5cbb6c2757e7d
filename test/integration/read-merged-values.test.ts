// The merge reads the staged and stored values in series order either through a cursor or, on a PostgreSQL
// server, through COPY into a file (which frees the connection for the inserts). Both ways must give the same
// values, whatever their text and numbers, and computing from them must leave the same tables.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { Db } from '../../src/db/db.js';
import { queryRows } from '../../src/db/query-rows.js';
import { bulkInsert } from '../../src/imports/bulk-insert.js';
import { createImportLoad } from '../../src/imports/data-load-repository.js';
import { computeStagedDerivedValues } from '../../src/indicators/compute-staged-derived-values.js';
import {
  createIndicatorValuesStage,
  stageIndicatorValues,
} from '../../src/indicators/indicator-values-stage.js';
import {
  type MergedValue,
  type MergedValuesReading,
  readMergedValues,
} from '../../src/indicators/read-merged-values.js';
import type { StagedValue } from '../../src/indicators/staged-value.js';
import { createTestDatabase, databaseKinds } from '../support/test-database.js';

const tricky = fc.constantFrom(
  '',
  ' ',
  'a\tb',
  'two\nlines',
  'cr\r',
  'back\\slash',
  '\\N',
  '\\.',
  '"q"',
  '£ – ü 🙂',
);
// PostgreSQL text cannot hold NUL; everything else can.
const text = fc.oneof(
  tricky,
  fc.string({ maxLength: 12, unit: 'binary' }).map((s) => s.replaceAll('\u0000', '')),
);
const number = fc.oneof(
  fc.constantFrom(0, 0.1, 1e-300, 5e-324, 1.7976931348623157e308, 123456789.125, -2.5),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const AREAS = ['E92000001', 'E12000007', 'E09000001', 'E09000002', 'E09000030'];
const PERIODS = ['2019', '2020', '2021', '2019/20', '2018 - 20'];

/** A staged value's figures and words, its key chosen by `key`. */
const generated = fc.record({
  area: fc.nat(AREAS.length - 1),
  period: fc.nat(PERIODS.length - 1),
  category: fc.nat(2),
  value: fc.option(number),
  lower95: fc.option(number),
  upper95: fc.option(number),
  // The table refuses negative counts and denominators.
  count: fc.option(number.map(Math.abs)),
  denominator: fc.option(number.map(Math.abs)),
  note: fc.option(text),
  trend: fc.option(text),
});
// The table refuses limits out of order.
const value = generated.map((v) =>
  v.lower95 !== null && v.upper95 !== null && v.lower95 > v.upper95
    ? { ...v, lower95: v.upper95, upper95: v.lower95 }
    : v,
);
type Generated = typeof value extends fc.Arbitrary<infer T> ? T : never;
const values = fc.uniqueArray(value, {
  minLength: 1,
  maxLength: 40,
  selector: (v) => `${v.area}/${v.period}/${v.category}`,
});
const CATEGORIES = ['', 'Most deprived decile\t(IMD)', 'back\\slash \\N'];

/** Areas, an indicator and a load; stored values for some keys; the stage holding `staged`. */
async function prepare(db: Db, staged: readonly Generated[], stored: readonly Generated[]): Promise<number> {
  await db.execute(sql`insert into areas (code, name, area_type)
    select code, 'Area ' || code, 'county-ua' from unnest(${sql.param(AREAS)}::text[]) code on conflict do nothing`);
  await db.execute(sql`insert into indicators (id, name, value_type, polarity)
    values (90001, 'Merged', 'proportion', 'high-is-good') on conflict do nothing`);
  const loadId = await createImportLoad(db, { name: 'test', source: 'stored.csv', sha256: 'x' });
  const rows = (list: readonly Generated[]) =>
    list.map((v) => [
      90001,
      AREAS[v.area],
      PERIODS[v.period],
      2000 + v.period,
      'Persons',
      'All ages',
      CATEGORIES[v.category] ? 'Deprivation' : '',
      CATEGORIES[v.category],
      v.value,
      v.lower95,
      v.upper95,
      v.count,
      v.denominator,
      v.note,
      loadId,
    ]);
  await bulkInsert(
    db,
    'indicator_values',
    [
      ['indicator_id', 'integer'],
      ['area_code', 'text'],
      ['period', 'text'],
      ['period_sort', 'integer'],
      ['sex', 'text'],
      ['age', 'text'],
      ['category_type', 'text'],
      ['category', 'text'],
      ['value', 'double precision'],
      ['lower95', 'double precision'],
      ['upper95', 'double precision'],
      ['count', 'double precision'],
      ['denominator', 'double precision'],
      ['value_note', 'text'],
      ['load_id', 'integer'],
    ],
    rows(stored),
  );
  await createIndicatorValuesStage(db);
  await stageIndicatorValues(
    db,
    staged.map(
      (v, i): StagedValue => ({
        line: i + 2,
        indicatorId: 90001,
        areaCode: AREAS[v.area]!,
        period: PERIODS[v.period]!,
        periodSort: 2000 + v.period,
        sex: 'Persons',
        age: 'All ages',
        categoryType: CATEGORIES[v.category] ? 'Deprivation' : '',
        category: CATEGORIES[v.category]!,
        value: v.value,
        lower95: v.lower95,
        upper95: v.upper95,
        lower998: null,
        upper998: v.value,
        count: v.count,
        denominator: v.denominator,
        valueNote: v.note,
        sourceTrend: v.trend,
        sourceComparedToEngland: 'Similar',
        sourceComparedToRegion: null,
        areaName: null,
        areaType: null,
        indicatorName: null,
      }),
    ),
  );
  return loadId;
}

async function readAll(db: Db, reading: MergedValuesReading, batchSize: number): Promise<MergedValue[]> {
  const all: MergedValue[] = [];
  for await (const batch of readMergedValues(db, { batchSize, reading })) all.push(...batch);
  return all;
}

/** Runs `body` in a transaction that is rolled back, returning what it returned. */
async function rolledBack<T>(db: Db, body: (trx: Db) => Promise<T>): Promise<T> {
  let result: T | undefined;
  const undo = new Error('roll back');
  try {
    await db.transaction(async (trx) => {
      result = await body(trx as unknown as Db);
      throw undo;
    });
  } catch (error) {
    if (error !== undo) throw error;
  }
  return result as T;
}

for (const kind of databaseKinds()) {
  describe(`readMergedValues on ${kind}`, () => {
    if (kind === 'pglite') {
      test('PGlite reads through a cursor; COPY is refused with a reason', async () => {
        const t = await createTestDatabase(kind);
        try {
          const { db } = t.database;
          await rolledBack(db, async (trx) => {
            await prepare(
              trx,
              [
                {
                  area: 2,
                  period: 0,
                  category: 0,
                  value: 1,
                  lower95: null,
                  upper95: null,
                  count: null,
                  denominator: null,
                  note: 'x',
                  trend: null,
                },
              ],
              [],
            );
            const read = await readAll(trx, 'cursor', 10);
            assert.equal(read.length, 1);
            await assert.rejects(readAll(trx, 'copy', 10), /PostgreSQL server/);
          });
        } finally {
          await t.cleanup();
        }
      });
      return;
    }

    test('through COPY and through a cursor, the same values in the same order, whatever their text and numbers', async () => {
      const t = await createTestDatabase(kind);
      try {
        const { db } = t.database;
        await fc.assert(
          fc.asyncProperty(values, values, fc.integer({ min: 1, max: 9 }), async (staged, stored, batch) => {
            await rolledBack(db, async (trx) => {
              await prepare(trx, staged, stored);
              const copied = await readAll(trx, 'copy', batch);
              const cursor = await readAll(trx, 'cursor', batch);
              assert.deepEqual(copied, cursor);
            });
          }),
          { numRuns: 40 },
        );
      } finally {
        await t.cleanup();
      }
    });

    test('computing and inserting through COPY leaves what the cursor leaves', async () => {
      const t = await createTestDatabase(kind);
      try {
        const { db } = t.database;
        await fc.assert(
          fc.asyncProperty(values, values, async (staged, stored) => {
            const outcome = (reading: MergedValuesReading) =>
              rolledBack(db, async (trx) => {
                const loadId = await prepare(trx, staged, stored);
                const inserted = await computeStagedDerivedValues(trx, { loadId, batchSize: 3, reading });
                const tables = await queryRows(
                  trx,
                  sql`select (select coalesce(json_agg(v order by v.indicator_id, v.area_code, v.period, v.category), '[]')
                                 from (select indicator_id, area_code, period, period_sort, sex, age, category_type,
                                              category, value, lower95, upper95, lower998, upper998, "count",
                                              denominator, value_note, source_trend, source_compared_to_england,
                                              source_compared_to_region, computed_compared_to_england,
                                              computed_compared_to_london, computed_trend, load_id = ${loadId} as new
                                         from indicator_values) v) as values,
                             (select coalesce(json_agg(d order by d.line, d.area_code, d.period, d.category), '[]')
                                from (select d.line, v.area_code, v.period, v.category, d.england, d.london, d.trend
                                        from derived_values d left join indicator_values v on v.id = d.value_id) d)
                               as derived`,
                );
                return { inserted, tables };
              });
            assert.deepEqual(await outcome('copy'), await outcome('cursor'));
          }),
          { numRuns: 25 },
        );
      } finally {
        await t.cleanup();
      }
    });
  });
}
