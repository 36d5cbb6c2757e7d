import { sql } from 'drizzle-orm';
import { queryRows } from '../db/query-rows.js';
import type { ImportContext, ImportOutcome } from '../imports/importer.js';
import { computeStagedDerivedValues, DERIVED_VALUES } from './compute-staged-derived-values.js';
import { indexIndicatorValuesStage } from './indicator-values-stage.js';
import type { periodTypes, polarities, valueTypes } from './indicators-table.js';
import { INDICATOR_VALUES_STAGE } from './staged-value.js';

/** What an indicator the database does not know yet is recorded as, until its definition is filled in. */
export interface NewIndicatorDefaults {
  readonly valueType: (typeof valueTypes)[number];
  readonly polarity: (typeof polarities)[number];
  readonly periodType: (typeof periodTypes)[number];
  readonly source: string;
  readonly licence: string;
}

const stage = sql.raw(INDICATOR_VALUES_STAGE);
const derived = sql.raw(DERIVED_VALUES);
const keyMatches =
  sql.raw(`v.indicator_id = s.indicator_id and v.area_code = s.area_code and v.period = s.period
   and v.sex = s.sex and v.age = s.age and v.category_type = s.category_type and v.category = s.category`);
const computedFrom = (d: string) =>
  sql.raw(`computed_compared_to_england = ${d}.england, computed_compared_to_london = ${d}.london,
           computed_trend = ${d}.trend`);
const computedDiffers = sql.raw(
  '(v.computed_compared_to_england, v.computed_compared_to_london, v.computed_trend) is distinct from (d.england, d.london, d.trend)',
);
const n = (rows: { n: number }[]) => Number(rows[0]?.n ?? 0);

/**
 * Merges the staged values (indicator_values_stage) into the tables, in the import's transaction:
 *
 * - areas: codes not yet known are added with the staged name and type (an area already known is left as
 *   it is: London's built-in geography is richer than a file's);
 * - indicators: ids not yet known are added with the staged name and `defaults`; a definition that exists is
 *   never overwritten;
 * - comparisons and trends are computed for the values as they will be, and values with new keys inserted
 *   with theirs (computeStagedDerivedValues);
 * - indicator_values: a value whose figures, note, sortable period or the source's
 *   trend and comparisons differ (or that was demonstration data) is updated, its previous row kept whole in
 *   indicator_value_history with the load that replaced it; identical values are left alone, but for the
 *   computed comparisons and trends, which follow from the whole data set (a new England value changes
 *   every area's comparison).
 */
export async function mergeIndicatorValues(
  context: ImportContext,
  defaults: NewIndicatorDefaults,
): Promise<ImportOutcome> {
  const { db, loadId } = context;
  const load = sql`${loadId}::integer`;
  context.progress({ phase: 'writing', done: 0, total: 0 });
  await indexIndicatorValuesStage(db);
  // Each new area and indicator as its first line names it. The first lines are found by grouping, which
  // hashes, rather than by distinct on, which would sort every staged row.
  await db.execute(sql`
    with firsts as (
      select min(line) as line from ${stage}
       where area_name is not null and area_type is not null group by area_code
    )
    insert into areas (code, name, area_type)
    select s.area_code, s.area_name, s.area_type from ${stage} s join firsts f on f.line = s.line
    on conflict (code) do nothing`);
  await db.execute(sql`
    with firsts as (
      select min(line) as line from ${stage} where indicator_name is not null group by indicator_id
    )
    insert into indicators (id, name, value_type, polarity, period_type, source, licence)
    select s.indicator_id, s.indicator_name, ${defaults.valueType}, ${defaults.polarity}, ${defaults.periodType},
           ${defaults.source}, ${defaults.licence}
      from ${stage} s join firsts f on f.line = s.line
    on conflict (id) do nothing`);

  context.progress({ phase: 'computing', done: 0, total: 0 });
  // New values are inserted here, with their comparisons and trend.
  const inserted = await computeStagedDerivedValues(db, { loadId });

  context.progress({ phase: 'writing', done: 0, total: 0 });
  const updated = await queryRows<{ n: number }>(
    db,
    sql`
    with changed as (
      select v.id, s.*
        from indicator_values v join ${stage} s on ${keyMatches}
       where v.load_id <> ${load}
         and (v.is_demo
          or (v.period_sort, v.value, v.lower95, v.upper95, v.lower998, v.upper998, v."count", v.denominator,
              v.value_note, v.source_trend, v.source_compared_to_england, v.source_compared_to_region)
             is distinct from
             (s.period_sort, s.value, s.lower95, s.upper95, s.lower998, s.upper998, s."count", s.denominator,
              s.value_note, s.source_trend, s.source_compared_to_england, s.source_compared_to_region))
    ),
    history as (
      insert into indicator_value_history (value_id, previous, replaced_by_load_id)
      select v.id, to_jsonb(v), ${load} from indicator_values v join changed c on c.id = v.id
      returning 1
    ),
    updated as (
      update indicator_values v
         set period_sort = c.period_sort, value = c.value, lower95 = c.lower95, upper95 = c.upper95,
             lower998 = c.lower998, upper998 = c.upper998, "count" = c."count", denominator = c.denominator,
             value_note = c.value_note, source_trend = c.source_trend,
             source_compared_to_england = c.source_compared_to_england,
             source_compared_to_region = c.source_compared_to_region, ${computedFrom('d')},
             load_id = ${load}, is_demo = false, updated_at = now()
        from changed c join ${derived} d on d.line = c.line
       where v.id = c.id
      returning 1
    )
    select (select count(*) from updated)::int as n, (select count(*) from history)::int as h`,
  );
  // Values the file leaves as they were: only their computed comparisons and trend may follow.
  await db.execute(sql`
    update indicator_values v set ${computedFrom('d')}
      from ${stage} s join ${derived} d on d.line = s.line
     where ${keyMatches} and v.load_id <> ${load} and ${computedDiffers}`);
  // Values of the same indicators from other loads whose comparisons or trend follow from the new ones.
  await db.execute(sql`
    update indicator_values v set ${computedFrom('d')} from ${derived} d where d.value_id = v.id`);
  const staged = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${stage}`);
  return {
    inserted,
    updated: n(updated),
    unchanged: n(staged) - inserted - n(updated),
  };
}
