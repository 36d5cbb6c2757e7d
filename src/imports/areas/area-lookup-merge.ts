import { type SQL, sql } from 'drizzle-orm';
import { forEachBatch } from '../../db/cursor-batches.js';
import { addOutcomes, mergeAreas } from '../formats/merge-areas.js';
import { mergeMemberships } from '../formats/merge-memberships.js';
import type { ImportContext, ImportOutcome } from '../importer.js';
import type { AreaLookupFormat } from './area-lookup-formats.js';
import { AREA_LOOKUP_STAGE } from './area-lookup-stage.js';

const stage = sql.raw(AREA_LOOKUP_STAGE);
const col = (name: string, i: number) => sql.raw(`${name}_${i}`);
const text = (value: string) => sql`${value}::text`;

/**
 * Every problem that needs the whole file, as (line, reason) rows: a key code (the first level, an LSOA say)
 * on a second line; a code named differently, or given another NHS code, than on its first line; a child
 * placed in another parent than on its first line (a ward in two authorities).
 */
function problems(format: AreaLookupFormat): SQL {
  const parts: SQL[] = [];
  const key = format.levels[0]!;
  parts.push(sql`
    select line, ${text(`duplicate: line `)} || first_line || ${text(` has the same ${key.code}`)} as reason
      from (select line, min(line) over (partition by code_0) as first_line from ${stage}) d
     where line <> first_line`);
  format.levels.forEach((level, i) => {
    if (i === 0) return;
    const w = sql`over (partition by ${col('code', i)} order by line)`;
    parts.push(sql`
      select line,
             ${text(`${level.code} `)} || code || case when name <> first_name
               then ${text(' is named ')} || quote_literal(name) || ${text(' here but ')} || quote_literal(first_name)
               else ${text(level.nhsCode ? ` has ${level.nhsCode} ` : ' has NHS code ')} || coalesce(nhs, '(none)')
                    || ${text(' here but ')} || coalesce(first_nhs, '(none)') end
             || ${text(' on line ')} || first_line as reason
        from (select line, ${col('code', i)} as code, ${col('name', i)} as name, ${col('nhs', i)} as nhs,
                     first_value(line) ${w} as first_line, first_value(${col('name', i)}) ${w} as first_name,
                     first_value(${col('nhs', i)}) ${w} as first_nhs
                from ${stage}) d
       where name <> first_name or nhs is distinct from first_nhs`);
  });
  for (const [c, p] of format.memberships) {
    if (c === 0) continue;
    const child = format.levels[c]!;
    const parent = format.levels[p]!;
    const w = sql`over (partition by ${col('code', c)} order by line)`;
    parts.push(sql`
      select line,
             ${text(`${child.code} `)} || child || ${text(` is in ${parent.code} `)} || parent
             || ${text(' here but in ')} || first_parent || ${text(' on line ')} || first_line as reason
        from (select line, ${col('code', c)} as child, ${col('code', p)} as parent,
                     first_value(line) ${w} as first_line, first_value(${col('code', p)}) ${w} as first_parent
                from ${stage}) d
       where parent <> first_parent`);
  }
  return sql`
    select line, string_agg(reason, '; ' order by reason) as reason
      from (${sql.join(parts, sql` union all `)}) p
     group by line
     order by line`;
}

/**
 * The lookup's late checks (see problems): each bad line is rejected once, with all its reasons, and dropped
 * from the staging table.
 */
export async function rejectConflictingLookupLines(
  context: ImportContext,
  format: AreaLookupFormat,
): Promise<void> {
  const { db } = context;
  const rejected: number[] = [];
  await forEachBatch<{ line: number; reason: string }>(db, problems(format), 5000, async (rows) => {
    for (const r of rows) {
      rejected.push(Number(r.line));
      await context.reject(Number(r.line), r.reason);
    }
  });
  if (rejected.length === 0) return;
  await db.execute(sql`delete from ${stage} where line = any(${sql.param(rejected)}::integer[])`);
}

/**
 * Applies a lookup: its areas (mergeAreas: new codes inserted with the file's names, types and NHS codes;
 * known areas kept, placeholder names replaced) and its memberships from `validFrom` (mergeMemberships).
 * Counts are of distinct areas and of distinct memberships the file states.
 */
export async function mergeAreaLookupStage(
  context: ImportContext,
  format: AreaLookupFormat,
  validFrom: string,
): Promise<ImportOutcome> {
  const { db } = context;
  const levelAreas = format.levels.map(
    (level, i) =>
      sql`select ${col('code', i)} as code, ${col('name', i)} as name, ${text(level.areaType)} as area_type,
                 ${col('nhs', i)} as nhs_code, line from ${stage}`,
  );
  const areas = await mergeAreas(db, sql.join(levelAreas, sql` union all `));
  context.progress({ phase: 'writing', done: 0, total: 0 });
  const pairs = format.memberships.map(
    ([c, p]) => sql`select ${col('code', c)} as child_code, ${col('code', p)} as parent_code from ${stage}`,
  );
  const memberships = await mergeMemberships(db, sql.join(pairs, sql` union all `), validFrom);
  return addOutcomes(areas, memberships);
}
