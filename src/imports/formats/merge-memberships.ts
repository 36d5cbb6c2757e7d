import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/db.js';
import { queryRows } from '../../db/query-rows.js';
import type { ImportOutcome } from '../importer.js';

const PLAN = 'area_membership_plan';

/**
 * Records that each child is in its parent from `validFrom` (an ISO date), as a lookup file of that vintage
 * says. `staged` is a query giving (child_code, parent_code) rows, both codes in areas, each child with at most
 * one parent of a type. A child's memberships of one parent type (the parent's areas.area_type) form a
 * timeline without overlaps; for each pair, against the timeline as it stands:
 *
 * - unchanged: a membership of the same parent already covers validFrom;
 * - moved (counted inserted): a membership of another parent that began earlier covers validFrom; it is
 *   closed at validFrom and the new one runs from validFrom to where the old one ended (open-ended if it was);
 * - corrected (counted updated): a membership of another parent begins on validFrom itself (two files of one
 *   vintage disagree); the newer file's parent replaces it;
 * - extended (counted updated): nothing covers validFrom and the next membership is of the same parent; it
 *   now begins on validFrom;
 * - new (counted inserted): nothing covers validFrom; the membership runs until the next one begins (an older
 *   vintage loaded after a newer one), or is open-ended.
 *
 * So loading the same vintage again changes nothing, a newer vintage closes what moved, and vintages may be
 * loaded in any order. Set-based: one plan, then one statement per case.
 */
export async function mergeMemberships(db: Db, staged: SQL, validFrom: string): Promise<ImportOutcome> {
  const plan = sql.raw(PLAN);
  await db.execute(sql.raw(`drop table if exists ${PLAN}`));
  await db.execute(
    sql.raw(`create temp table ${PLAN} (child_code text, parent_code text, valid_from date, cur_parent text,
      cur_from date, cur_to date, next_parent text, next_from date, action text) on commit drop`),
  );
  await db.execute(sql`
    insert into ${plan}
    with s as (
      select distinct m.child_code, m.parent_code, pa.area_type as parent_type
        from (${staged}) m join areas pa on pa.code = m.parent_code
    ),
    timeline as (
      select p.child_code, a.area_type as parent_type, p.parent_code, p.valid_from, p.valid_to
        from area_parents p
        join areas a on a.code = p.parent_code
        join (select distinct child_code, parent_type from s) k
          on k.child_code = p.child_code and k.parent_type = a.area_type
    ),
    cur as (
      select distinct on (child_code, parent_type) child_code, parent_type, parent_code, valid_from, valid_to
        from timeline
       where valid_from <= ${validFrom}::date and (valid_to is null or valid_to > ${validFrom}::date)
       order by child_code, parent_type, valid_from desc
    ),
    nxt as (
      select distinct on (child_code, parent_type) child_code, parent_type, parent_code, valid_from
        from timeline
       where valid_from > ${validFrom}::date
       order by child_code, parent_type, valid_from
    )
    select s.child_code, s.parent_code, ${validFrom}::date as valid_from,
           c.parent_code as cur_parent, c.valid_from as cur_from, c.valid_to as cur_to,
           n.parent_code as next_parent, n.valid_from as next_from,
           case
             when c.parent_code = s.parent_code then 'unchanged'
             when c.parent_code is not null and c.valid_from = ${validFrom}::date then 'corrected'
             when c.parent_code is not null then 'moved'
             when n.parent_code = s.parent_code then 'extended'
             else 'new'
           end as action
      from s
      left join cur c on c.child_code = s.child_code and c.parent_type = s.parent_type
      left join nxt n on n.child_code = s.child_code and n.parent_type = s.parent_type`);

  await db.execute(sql`
    update area_parents p set parent_code = x.parent_code
      from ${plan} x
     where x.action = 'corrected'
       and p.child_code = x.child_code and p.parent_code = x.cur_parent and p.valid_from = x.cur_from`);
  await db.execute(sql`
    update area_parents p set valid_to = x.valid_from
      from ${plan} x
     where x.action = 'moved'
       and p.child_code = x.child_code and p.parent_code = x.cur_parent and p.valid_from = x.cur_from`);
  await db.execute(sql`
    update area_parents p set valid_from = x.valid_from
      from ${plan} x
     where x.action = 'extended'
       and p.child_code = x.child_code and p.parent_code = x.parent_code and p.valid_from = x.next_from`);
  await db.execute(sql`
    insert into area_parents (child_code, parent_code, valid_from, valid_to)
    select child_code, parent_code, valid_from, case when action = 'moved' then cur_to else next_from end
      from ${plan}
     where action in ('moved', 'new')`);

  const counts = await queryRows<{ action: string; n: number }>(
    db,
    sql`select action, count(*)::int as n from ${plan} group by action`,
  );
  const n = (...actions: string[]) =>
    counts.filter((c) => actions.includes(c.action)).reduce((sum, c) => sum + Number(c.n), 0);
  return { inserted: n('moved', 'new'), updated: n('corrected', 'extended'), unchanged: n('unchanged') };
}
