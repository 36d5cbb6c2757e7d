import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/query-rows.js';
import type { ImportContext, ImportOutcome } from '../importer.js';
import { LONG_TABLE_STAGE } from './long-table-stage.js';
import { keyColumnsOf, type LongTableTarget } from './long-table-target.js';

const stage = sql.raw(LONG_TABLE_STAGE);
/** "And over" as a number, for comparing bands. */
const OPEN_END = sql.raw('2147483647');

/** What a merge did: the import's outcome, and the stored rows it removed (bands a new banding replaced). */
export interface LongTableMergeOutcome extends ImportOutcome {
  readonly removed: number;
}

/**
 * Merges the staged rows into populations or event_counts, in the import's transaction:
 *
 * - areas: codes not yet known are added with the file's name and the type of their GSS prefix; known areas
 *   are left as they are;
 * - a file's bands replace what is stored for the same (measure,) area, year and sex: a stored band with the
 *   same first age is updated when its last age or number differs (or it was demonstration data), keeping
 *   nothing of the old row (these tables have no history); stored bands that a new band overlaps without
 *   starting at the same age are removed (single years replaced by five-year bands, say); bands the file
 *   does not touch stay. Identical rows are left alone, with the load that brought them.
 * - "All ages" rows checked against their bands (see checkLongTableStage) are counted as unchanged.
 */
export async function mergeLongTableStage(
  context: ImportContext,
  target: LongTableTarget,
): Promise<LongTableMergeOutcome> {
  const { db, loadId } = context;
  const table = sql.raw(target.table);
  const amount = sql.raw(`"${target.amountColumn}"`);
  const keyColumns = keyColumnsOf(target);
  const on = (a: string, b: string, ...extra: string[]) =>
    sql.raw([...keyColumns, ...extra].map((column) => `${a}.${column} = ${b}.${column}`).join(' and '));
  const count = async (query: ReturnType<typeof sql>) =>
    Number((await queryRows<{ n: number }>(db, query))[0]?.n ?? 0);

  // The planner needs to know how big the table is now (PGlite never analyses by itself).
  await db.execute(sql`analyze ${table}`);
  await db.execute(sql`
    insert into areas (code, name, area_type)
    select distinct on (area_code) area_code, area_name, area_type from ${stage} order by area_code, line
    on conflict (code) do nothing`);

  const removed = await count(sql`
    with stored as (
      select t.* from ${table} t
        join (select distinct ${sql.raw(keyColumns.join(', '))} from ${stage} where not is_total) k
          on ${on('t', 'k')}
        left join ${stage} s on ${on('s', 't', 'age_from')} and not s.is_total
       where s.line is null
    ),
    replaced as (
      select distinct ${sql.raw(keyColumns.map((c) => `o.${c}`).join(', '))}, o.age_from
        from stored o join ${stage} s on ${on('s', 'o')} and not s.is_total
       where s.age_from <= coalesce(o.age_to, ${OPEN_END}) and coalesce(s.age_to, ${OPEN_END}) >= o.age_from
    ),
    removed as (
      delete from ${table} t using replaced r where ${on('t', 'r', 'age_from')} returning 1
    )
    select count(*)::int as n from removed`);

  const updated = await count(sql`
    with updated as (
      update ${table} t set age_to = s.age_to, ${amount} = s.amount, load_id = ${loadId}::integer
        from ${stage} s, data_loads d
       where ${on('t', 's', 'age_from')} and not s.is_total and d.id = t.load_id
         and ((t.age_to, t.${amount}) is distinct from (s.age_to, s.amount) or d.is_demo)
      returning 1
    )
    select count(*)::int as n from updated`);

  const inserted = await count(sql`
    with inserted as (
      insert into ${table} (${sql.raw(keyColumns.join(', '))}, age_from, age_to, ${amount}, load_id)
      select ${sql.raw(keyColumns.map((c) => `s.${c}`).join(', '))}, s.age_from, s.age_to, s.amount,
             ${loadId}::integer
        from ${stage} s
       where not s.is_total
      on conflict do nothing
      returning 1
    )
    select count(*)::int as n from inserted`);

  const staged = await count(sql`select count(*)::int as n from ${stage}`);
  return { inserted, updated, unchanged: staged - inserted - updated, removed };
}
