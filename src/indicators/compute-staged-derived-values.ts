import { sql } from 'drizzle-orm';
import { forEachBatch } from '../db/cursor-batches.js';
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
import { INDICATOR_VALUES_STAGE } from './staged-value.js';

/** The temporary table of computed results: by staging line for staged values, by id for the others. */
export const DERIVED_VALUES = 'derived_values';

/** A value as it will be once the stage is merged: a staged one (line) or one already stored (id). */
interface MergedRow extends DerivationRow {
  readonly line: number | null;
  readonly id: number | string | null;
  /** For a staged value: whether a value with its key is stored already (it will be updated, not inserted). */
  readonly stored: boolean | null;
  readonly period_sort: number | null;
  readonly lower998: number | null;
  readonly upper998: number | null;
  readonly value_note: string | null;
  readonly source_trend: string | null;
  readonly source_compared_to_england: string | null;
  readonly source_compared_to_region: string | null;
  readonly computed_compared_to_england: string | null;
  readonly computed_compared_to_london: string | null;
  readonly computed_trend: string | null;
}

/** A row as the query gives it, before its benchmarks and its indicator's definition are added. */
type FetchedRow = Omit<MergedRow, 'england_value' | 'london_value' | 'polarity' | 'value_type'>;

/** The columns of indicator_values a new staged value is inserted with, in the order newValueRow gives. */
const newValueColumns: readonly BulkColumn[] = [
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
  ['lower998', 'double precision'],
  ['upper998', 'double precision'],
  ['count', 'double precision'],
  ['denominator', 'double precision'],
  ['value_note', 'text'],
  ['source_trend', 'text'],
  ['source_compared_to_england', 'text'],
  ['source_compared_to_region', 'text'],
  ['computed_compared_to_england', 'text'],
  ['computed_compared_to_london', 'text'],
  ['computed_trend', 'text'],
  ['load_id', 'integer'],
];

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
 * through a cursor in series order, so memory stays flat; the cursor sees the values as they were before
 * any of these inserts. Returns the number of values inserted.
 */
export async function computeStagedDerivedValues(
  db: Db,
  options: { readonly loadId: number; readonly batchSize?: number },
): Promise<number> {
  const batchSize = options.batchSize ?? 10_000;
  const stage = sql.raw(INDICATOR_VALUES_STAGE);
  await db.execute(
    sql.raw(
      `create temp table ${DERIVED_VALUES} (line integer, value_id bigint, england text, london text, trend text) on commit drop`,
    ),
  );
  const merged = sql`
    select m.*
      from (
        select s.line, null::bigint as id, e.id is not null as stored, s.indicator_id, s.area_code, s.period,
               s.period_sort, s.sex, s.age, s.category_type, s.category, s.value, s.lower95, s.upper95,
               s.lower998, s.upper998, s."count", s.denominator, s.value_note, s.source_trend,
               s.source_compared_to_england, s.source_compared_to_region,
               null::text as computed_compared_to_england, null::text as computed_compared_to_london,
               null::text as computed_trend
          from ${stage} s
          left join indicator_values e
            on e.indicator_id = s.indicator_id and e.area_code = s.area_code and e.period = s.period
           and e.sex = s.sex and e.age = s.age and e.category_type = s.category_type and e.category = s.category
        union all
        select null, v.id, null, v.indicator_id, v.area_code, v.period, v.period_sort, v.sex, v.age,
               v.category_type, v.category, v.value, v.lower95, v.upper95, null, null, v."count", v.denominator,
               null, null, null, null, v.computed_compared_to_england, v.computed_compared_to_london,
               v.computed_trend
          from indicator_values v
          join (select distinct indicator_id, sex, age, category_type, category from ${stage}) b
            on b.indicator_id = v.indicator_id and b.sex = v.sex and b.age = v.age
           and b.category_type = v.category_type and b.category = v.category
         where not exists (
           select 1 from ${stage} s
            where s.indicator_id = v.indicator_id and s.area_code = v.area_code and s.period = v.period
              and s.sex = v.sex and s.age = v.age and s.category_type = v.category_type
              and s.category = v.category)
      ) m
     order by m.indicator_id, m.sex, m.age, m.category_type, m.category,
              m.area_code not in (${sql.raw(`'${ENGLAND}', '${LONDON}'`)}), m.area_code, m.period_sort, m.period`;

  // One sort, in series order with England's and London's series first in each breakdown: their values
  // are held (a few rows per breakdown) until the breakdown's first other area, by when every period's
  // benchmark is known. A window over the periods would cost a second sort of every row.
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
  let held: FetchedRow[] = [];
  const england = new Map<string, number | null>();
  const london = new Map<string, number | null>();
  let inserted = 0;
  let out: unknown[][] = [];
  let fresh: unknown[][] = [];

  const result = (fetched: FetchedRow): void => {
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
  // Writes a batch's results. Started as soon as the next batch has been fetched, so that the database
  // inserts one batch while the next is derived here: the two costs overlap rather than add up.
  const write = async (results: unknown[][], values: unknown[][]): Promise<void> => {
    await bulkInsert(db, DERIVED_VALUES, derivedColumns, results);
    await bulkInsert(db, 'indicator_values', newValueColumns, values);
    inserted += values.length;
  };
  const take = (): [unknown[][], unknown[][]] => {
    const taken: [unknown[][], unknown[][]] = [out, fresh];
    out = [];
    fresh = [];
    return taken;
  };
  let derived: [unknown[][], unknown[][]] | undefined;

  await db.execute(sql`set local work_mem = '64MB'`);
  await forEachBatch<FetchedRow>(db, merged, batchSize, async (rows) => {
    const writing = derived ? write(...derived) : Promise.resolve();
    // A failed write is thrown below, once this batch is derived; until then it must not go unhandled.
    writing.catch(() => {});
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
      if (row.area_code === ENGLAND || row.area_code === LONDON) {
        (row.area_code === ENGLAND ? england : london).set(row.period, row.value);
        held.push(row);
        continue;
      }
      release();
      result(row);
    }
    derived = take();
    await writing;
  });
  release();
  const last = take();
  if (derived) await write(...derived);
  await write(...last);
  return inserted;
}
