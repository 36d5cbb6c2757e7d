import { sql } from 'drizzle-orm';
import type { Db } from '../../db/db.js';
import { queryRows } from '../../db/query-rows.js';
import { indicators } from '../../indicators/indicators-table.js';
import { INDICATOR_VALUES_STAGE, type StagedValue } from '../../indicators/staged-value.js';
import type { ImportContext } from '../importer.js';
import {
  ONS_HEALTH_INDEX_IDS,
  ONS_HEALTH_INDEX_LICENCE,
  ONS_HEALTH_INDEX_SOURCE,
  onsHealthIndexDefinition,
  onsHealthIndexIndicator,
} from './ons-health-index-indicators.js';
import type { OnsHealthIndexRow } from './ons-health-index-row.js';

const stage = sql.raw(INDICATOR_VALUES_STAGE);

/** Every value is for persons of all ages, with no category. */
export const ONS_HEALTH_INDEX_SEX = 'Persons';
export const ONS_HEALTH_INDEX_AGE = 'All ages';

/**
 * An import's indicator names that are not among the 56, each staged under a placeholder id of its own (-1,
 * -2, ... in the order the file first names them) until the import is applied and resolveUnlistedIds gives
 * it its id. Keyed by the import's context, so runs do not share them.
 */
const unlistedByRun = new WeakMap<ImportContext, Map<string, { id: number; name: string }>>();

export function beginUnlisted(context: ImportContext): void {
  unlistedByRun.set(context, new Map());
}

/** A valid row as the shared indicator-values stage takes it: the district named by its code until known. */
export function stagedOnsHealthIndexValue(
  context: ImportContext,
  line: number,
  row: OnsHealthIndexRow,
): StagedValue {
  let indicatorId = row.indicatorId;
  if (indicatorId === null) {
    const unlisted = unlistedByRun.get(context)!;
    const key = row.indicatorName.toLowerCase();
    let placeholder = unlisted.get(key);
    if (!placeholder) {
      placeholder = { id: -(unlisted.size + 1), name: row.indicatorName };
      unlisted.set(key, placeholder);
    }
    indicatorId = placeholder.id;
  }
  return {
    line,
    indicatorId,
    areaCode: row.areaCode,
    period: String(row.year),
    periodSort: row.year * 10000,
    sex: ONS_HEALTH_INDEX_SEX,
    age: ONS_HEALTH_INDEX_AGE,
    categoryType: '',
    category: '',
    value: row.value,
    lower95: null,
    upper95: null,
    lower998: null,
    upper998: null,
    count: null,
    denominator: null,
    valueNote: null,
    sourceTrend: null,
    sourceComparedToEngland: null,
    sourceComparedToRegion: null,
    areaName: row.areaCode,
    areaType: 'local-authority',
    indicatorName: row.indicatorName,
  };
}

/**
 * Gives each indicator name not among the 56 its id, names in code-point order: that of the indicator of the
 * same name (case ignored) already in healthhub's Health Index range, else the next free id from 980101; the
 * staged rows' placeholders are replaced. So a name keeps its id from one import to the next.
 */
export async function resolveUnlistedIds(context: ImportContext): Promise<void> {
  const { db } = context;
  const unlisted = [...(unlistedByRun.get(context)?.values() ?? [])].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  unlistedByRun.delete(context);
  for (const { id: placeholder, name } of unlisted) {
    const [known] = await queryRows<{ id: number }>(
      db,
      sql`select id from indicators where id between ${ONS_HEALTH_INDEX_IDS.first} and ${ONS_HEALTH_INDEX_IDS.last}
             and lower(name) = lower(${name}) order by id limit 1`,
    );
    let id = known?.id;
    if (id === undefined) {
      const [next] = await queryRows<{ id: number }>(
        db,
        sql`select greatest(max(id) + 1, ${ONS_HEALTH_INDEX_IDS.firstUnlisted})::int as id from indicators
             where id between ${ONS_HEALTH_INDEX_IDS.firstUnlisted} and ${ONS_HEALTH_INDEX_IDS.last}`,
      );
      id = Number(next?.id ?? ONS_HEALTH_INDEX_IDS.firstUnlisted);
      if (id > ONS_HEALTH_INDEX_IDS.last) {
        throw new Error(
          `no free indicator id left in ${ONS_HEALTH_INDEX_IDS.firstUnlisted}-${ONS_HEALTH_INDEX_IDS.last}`,
        );
      }
      await defineIndicator(db, id, name);
    }
    await db.execute(sql`update ${stage} set indicator_id = ${id} where indicator_id = ${placeholder}`);
  }
}

/**
 * Defines the staged indicators the database does not know yet, as the Health Index's: value type 'score',
 * the indicator's polarity (onsHealthIndexIndicators; 'no-judgement' for one not listed), period type
 * calendar-year, ONS's source and licence, a definition saying what the values are. A definition that exists
 * is never overwritten.
 */
export async function defineStagedIndicators(db: Db): Promise<void> {
  const staged = await queryRows<{ id: number; name: string }>(
    db,
    sql`select distinct on (indicator_id) indicator_id as id, indicator_name as name from ${stage}
         order by indicator_id, line`,
  );
  for (const { id, name } of staged) await defineIndicator(db, Number(id), name);
}

async function defineIndicator(db: Db, id: number, name: string): Promise<void> {
  await db
    .insert(indicators)
    .values({
      id,
      name,
      definition: onsHealthIndexDefinition(name),
      valueType: 'score',
      polarity: onsHealthIndexIndicator(name)?.polarity ?? 'no-judgement',
      source: ONS_HEALTH_INDEX_SOURCE,
      licence: ONS_HEALTH_INDEX_LICENCE,
      periodType: 'calendar-year',
    })
    .onConflictDoNothing({ target: indicators.id });
}
