import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { CopyBinaryType } from '../db/copy-binary-writer.js';
import { copyQueryToFile } from '../db/copy-query-to-file.js';
import { postgresClientOf } from '../db/copy-rows.js';
import { cursorBatches } from '../db/cursor-batches.js';
import type { Db } from '../db/db.js';
import { readCopyBinaryRows } from '../db/read-copy-binary-rows.js';
import { ENGLAND, LONDON } from './derive-value-results.js';
import { INDICATOR_VALUES_STAGE } from './staged-value.js';

/**
 * A value as it will be once the stage is merged: a staged one (line) or one already stored (id), with what
 * its comparisons and trend need, and what a new one is inserted with.
 */
export interface MergedValue {
  readonly line: number | null;
  readonly id: string | null;
  /** For a staged value: whether a value with its key is stored already (it will be updated, not inserted). */
  readonly stored: boolean | null;
  readonly indicator_id: number;
  readonly area_code: string;
  readonly period: string;
  readonly period_sort: number | null;
  readonly sex: string;
  readonly age: string;
  readonly category_type: string;
  readonly category: string;
  readonly value: number | null;
  readonly lower95: number | null;
  readonly upper95: number | null;
  readonly lower998: number | null;
  readonly upper998: number | null;
  readonly count: number | null;
  readonly denominator: number | null;
  readonly value_note: string | null;
  readonly source_trend: string | null;
  readonly source_compared_to_england: string | null;
  readonly source_compared_to_region: string | null;
  readonly computed_compared_to_england: string | null;
  readonly computed_compared_to_london: string | null;
  readonly computed_trend: string | null;
}

/**
 * The query's columns, in order, with their types: both ways of reading it decode them alike. From
 * indicator_id on they are indicator_values' own, with its exact types: new values are inserted with them.
 */
export const mergedValueColumns: readonly (readonly [keyof MergedValue, CopyBinaryType])[] = [
  ['line', 'integer'],
  ['id', 'bigint'],
  ['stored', 'boolean'],
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
];

const stage = INDICATOR_VALUES_STAGE;
/**
 * The staged values, and every stored value of the same breakdowns that the stage does not replace, in
 * series order with England's and London's series first in each breakdown. Without parameters, so that COPY
 * can run it.
 */
const mergedValuesQuery = `
  select ${mergedValueColumns.map(([name]) => `m."${name}"`).join(', ')}
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
            m.area_code not in ('${ENGLAND}', '${LONDON}'), m.area_code, m.period_sort, m.period`;

/** How the merged values are read: through a cursor, or (PostgreSQL only) COPY into a file first. */
export type MergedValuesReading = 'cursor' | 'copy';

/**
 * The values merging the stage (indicator_values_stage) would leave for its breakdowns (see MergedValue),
 * `batchSize` at a time in series order, as they are when reading starts: whatever is written meanwhile is
 * not seen. Memory stays flat.
 *
 * On a PostgreSQL server they are copied into a temporary file first (`copy`, the default there), which
 * frees the connection for the caller's writes: reading through a cursor, every batch fetched is time the
 * server spends neither sorting nor writing, about a tenth of a million-row import. The file is in the
 * system's temporary directory, about 160 bytes a value, and removed when reading ends. PGlite reads
 * through a cursor.
 */
export async function* readMergedValues(
  db: Db,
  options: { readonly batchSize: number; readonly reading?: MergedValuesReading },
): AsyncGenerator<MergedValue[]> {
  const client = postgresClientOf(db);
  const reading = options.reading ?? (client ? 'copy' : 'cursor');
  if (reading === 'cursor' || !client) {
    if (reading === 'copy') throw new Error('reading merged values through COPY needs a PostgreSQL server');
    yield* cursorBatches<MergedValue>(db, sql.raw(mergedValuesQuery), options.batchSize);
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'healthhub-merge-'));
  try {
    const file = join(dir, 'merged-values.copy');
    await copyQueryToFile(client, mergedValuesQuery, file);
    for await (const rows of readCopyBinaryRows(file, types, options.batchSize)) yield rows.map(mergedValue);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const types = mergedValueColumns.map(([, type]) => type);

/**
 * A row read through COPY as the cursor gives it. Written out field by field so that every value has the same
 * shape: a row built key by key cost a tenth of an import in lookups and garbage.
 */
function mergedValue(f: unknown[]): MergedValue {
  return {
    line: f[0] as number | null,
    id: f[1] as string | null,
    stored: f[2] as boolean | null,
    indicator_id: f[3] as number,
    area_code: f[4] as string,
    period: f[5] as string,
    period_sort: f[6] as number | null,
    sex: f[7] as string,
    age: f[8] as string,
    category_type: f[9] as string,
    category: f[10] as string,
    value: f[11] as number | null,
    lower95: f[12] as number | null,
    upper95: f[13] as number | null,
    lower998: f[14] as number | null,
    upper998: f[15] as number | null,
    count: f[16] as number | null,
    denominator: f[17] as number | null,
    value_note: f[18] as string | null,
    source_trend: f[19] as string | null,
    source_compared_to_england: f[20] as string | null,
    source_compared_to_region: f[21] as string | null,
    computed_compared_to_england: f[22] as string | null,
    computed_compared_to_london: f[23] as string | null,
    computed_trend: f[24] as string | null,
  };
}
