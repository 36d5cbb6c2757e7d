import { sql } from 'drizzle-orm';
import type { Db } from '../db/db.js';
import { queryRows } from '../db/query-rows.js';
import { type BulkColumn, bulkInsert } from '../imports/bulk-insert.js';
import {
  createValueDeriver,
  type DerivationRow,
  type DerivedResults,
  ENGLAND,
  LONDON,
} from './derive-value-results.js';
import {
  type MergedValue,
  type MergedValuesReading,
  mergedValueColumns,
  readMergedValues,
} from './read-merged-values.js';
import { INDICATOR_VALUES_STAGE } from './staged-value.js';

/** The temporary table of computed results: by staging line for staged values, by id for the others. */
export const DERIVED_VALUES = 'derived_values';

/** A merged value with its benchmarks and its indicator's definition. */
type MergedRow = MergedValue & DerivationRow;

/**
 * The columns of indicator_values a new staged value is inserted with, in the order newValueRow gives: a
 * merged value's own (after its line, id and stored) with their types, and the load.
 */
const newValueColumns: readonly BulkColumn[] = [...mergedValueColumns.slice(3), ['load_id', 'integer']];

function newValueRow(r: MergedRow, d: DerivedResults, loadId: number): unknown[] {
  return [
    r.indicator_id,
    r.area_code,
    r.period,
    r.period_sort,
    r.sex,
    r.age,
    r.category_type,
    r.category,
    r.value,
    r.lower95,
    r.upper95,
    r.lower998,
    r.upper998,
    r.count,
    r.denominator,
    r.value_note,
    r.source_trend,
    r.source_compared_to_england,
    r.source_compared_to_region,
    d.england,
    d.london,
    d.trend,
    loadId,
  ];
}

const derivedColumns: readonly BulkColumn[] = [
  ['line', 'integer'],
  ['value_id', 'bigint'],
  ['england', 'text'],
  ['london', 'text'],
  ['trend', 'text'],
];

/**
 * Computes healthhub's own comparisons and trends (see createValueDeriver) for the values staged in
 * indicator_values_stage and every other value of the same breakdowns (indicator, sex, age, category), as
 * they will be once the stage is merged. A staged value whose key is new is inserted into indicator_values
 * there and then, with its results and `loadId`, a batch at a time: each value is read and written once,
 * rather than staged, joined to its results and inserted again (the import's largest cost). The other
 * results go to the temporary table derived_values (line, value_id, england, london, trend): one row per
 * staged value that is stored already (by line, for the merge's update), and one per stored value whose
 * results change (by value_id). Needs the staged values' areas and indicators to exist. Values are read
 * in series order by readMergedValues, so memory stays flat, as they were before any of these inserts.
 * Returns the number of values inserted.
 */
export async function computeStagedDerivedValues(
  db: Db,
  options: {
    readonly loadId: number;
    readonly batchSize?: number;
    /** How the merged values are read (see readMergedValues); by default COPY on a PostgreSQL server. */
    readonly reading?: MergedValuesReading;
  },
): Promise<number> {
  const batchSize = options.batchSize ?? 5_000;
  const stage = sql.raw(INDICATOR_VALUES_STAGE);
  await db.execute(
    sql.raw(
      `create temp table ${DERIVED_VALUES} (line integer, value_id bigint, england text, london text, trend text) on commit drop`,
    ),
  );
  const definitions = new Map(
    (
      await queryRows<{ id: number; polarity: string; value_type: string }>(
        db,
        sql`select id, polarity, value_type from indicators
             where id in (select distinct indicator_id from ${stage})`,
      )
    ).map((i) => [Number(i.id), i]),
  );
  const derive = createValueDeriver();
  let breakdown = '';
  let held: MergedValue[] = [];
  const england = new Map<string, number | null>();
  const london = new Map<string, number | null>();
  let inserted = 0;
  let out: unknown[][] = [];
  let fresh: unknown[][] = [];

  const result = (fetched: MergedValue): void => {
    const definition = definitions.get(Number(fetched.indicator_id));
    const row: MergedRow = Object.assign(fetched, {
      england_value: england.get(fetched.period) ?? null,
      london_value: london.get(fetched.period) ?? null,
      polarity: definition?.polarity ?? 'no-judgement',
      value_type: definition?.value_type ?? 'score',
    });
    const d = derive(row);
    if (row.line === null) {
      if (
        d.england !== row.computed_compared_to_england ||
        d.london !== row.computed_compared_to_london ||
        d.trend !== row.computed_trend
      ) {
        out.push([null, row.id, d.england, d.london, d.trend]);
      }
    } else if (row.stored) {
      out.push([row.line, null, d.england, d.london, d.trend]);
    } else {
      fresh.push(newValueRow(row, d, options.loadId));
    }
  };
  const release = (): void => {
    for (const row of held) result(row);
    held = [];
  };
  // Writes a batch's results. Started as soon as the batch is derived, and awaited only once the next
  // batch has been read and derived, so that the database inserts one batch while the next is read and
  // derived here: the costs overlap rather than add up.
  const write = async (results: unknown[][], values: unknown[][]): Promise<void> => {
    await bulkInsert(db, DERIVED_VALUES, derivedColumns, results, { binary: true });
    await bulkInsert(db, 'indicator_values', newValueColumns, values, { binary: true });
    inserted += values.length;
  };
  const take = (): [unknown[][], unknown[][]] => {
    const taken: [unknown[][], unknown[][]] = [out, fresh];
    out = [];
    fresh = [];
    return taken;
  };
  let writing: Promise<void> = Promise.resolve();

  await db.execute(sql`set local work_mem = '64MB'`);
  try {
    for await (const rows of readMergedValues(db, {
      batchSize,
      ...(options.reading ? { reading: options.reading } : {}),
    })) {
      for (let r = 0; r < rows.length; r++) {
        // Let the COPY under way send its rows while this batch is derived.
        if (r % 1000 === 999) await new Promise((resolve) => setImmediate(resolve));
        const row = rows[r]!;
        const key = `${row.indicator_id}\u0000${row.sex}\u0000${row.age}\u0000${row.category_type}\u0000${row.category}`;
        if (key !== breakdown) {
          release();
          breakdown = key;
          england.clear();
          london.clear();
        }
        // England's and London's series come first in each breakdown (see readMergedValues): their values
        // are held (a few rows per breakdown) until the breakdown's first other area, by when every
        // period's benchmark is known. A window over the periods would cost a second sort of every row.
        if (row.area_code === ENGLAND || row.area_code === LONDON) {
          (row.area_code === ENGLAND ? england : london).set(row.period, row.value);
          held.push(row);
          continue;
        }
        release();
        result(row);
      }
      await writing;
      writing = write(...take());
      // A failed write is thrown when it is next awaited; until then it must not go unhandled.
      writing.catch(() => {});
    }
  } catch (error) {
    // The transaction must not roll back under a write still in flight.
    await writing.catch(() => {});
    throw error;
  }
  await writing;
  release();
  await write(...take());
  return inserted;
}
