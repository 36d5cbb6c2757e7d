import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/db.js';
import { queryRows } from '../db/query-rows.js';

/** An area as pages and the API list it. */
export interface AreaSummary {
  readonly code: string;
  readonly name: string;
  readonly areaType: string;
  readonly nhsCode: string | null;
}

/** A parent an area belongs to on the date asked about, with the dates of that membership (ISO dates). */
export interface AreaParent extends AreaSummary {
  readonly validFrom: string;
  readonly validTo: string | null;
}

/** An area with the parents it belongs to on the date asked about. */
export interface AreaDetail extends AreaSummary {
  readonly parents: readonly AreaParent[];
}

export interface AreaFilter {
  /** Only areas of this type (local-authority, icb, region, ...). */
  readonly type?: string;
  /** Only areas below this one (children, their children, ...) through memberships valid on `on`. */
  readonly parent?: string;
  /** Words that must each appear in the name (case-insensitive). */
  readonly q?: string;
  /** The date memberships are read on (ISO date); today when absent. */
  readonly on?: string;
}

export interface AreaPage {
  /** At most this many areas. */
  readonly limit: number;
  /** Continue after this code (areas are listed in code order). */
  readonly afterCode?: string;
}

// Memberships are read on today's date (UTC) unless the caller names another.
function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * SQL selecting the single column `code` of every area below `parentCode` (children, their children, ...)
 * through memberships valid on `on`, for use in `area_code in (...)`. UNION, not UNION ALL, so a cycle in
 * bad data ends instead of recursing forever.
 */
export function descendantCodesSql(parentCode: string, on: string = todayIso()): SQL {
  const valid = (p: SQL) =>
    sql`${p}.valid_from <= ${on}::date and (${p}.valid_to is null or ${p}.valid_to > ${on}::date)`;
  return sql`with recursive descendants(code) as (
      select ap.child_code from area_parents ap where ap.parent_code = ${parentCode} and ${valid(sql.raw('ap'))}
      union
      select ap.child_code from area_parents ap join descendants d on ap.parent_code = d.code
       where ${valid(sql.raw('ap'))}
    ) select code from descendants`;
}

/**
 * Areas matching `filter` in code order, one page at a time: asks for one more than the limit to know
 * whether another page follows. `nextCode` is the code to continue after, or null on the last page.
 */
export async function listAreas(
  db: Db,
  filter: AreaFilter,
  page: AreaPage,
): Promise<{ areas: AreaSummary[]; nextCode: string | null }> {
  const conditions: SQL[] = [sql`true`];
  if (filter.type) conditions.push(sql`a.area_type = ${filter.type}`);
  if (filter.parent) conditions.push(sql`a.code in (${descendantCodesSql(filter.parent, filter.on)})`);
  for (const word of (filter.q ?? '').toLowerCase().split(/\s+/).filter(Boolean)) {
    conditions.push(sql`lower(a.name) like ${likePattern(word)}`);
  }
  if (page.afterCode !== undefined) conditions.push(sql`a.code > ${page.afterCode}`);
  const rows = await queryRows<AreaSummary>(
    db,
    sql`select a.code, a.name, a.area_type as "areaType", a.nhs_code as "nhsCode"
          from areas a
         where ${sql.join(conditions, sql` and `)}
         order by a.code
         limit ${page.limit + 1}`,
  );
  const more = rows.length > page.limit;
  const areas = more ? rows.slice(0, page.limit) : rows;
  return { areas, nextCode: more ? areas[areas.length - 1]!.code : null };
}

/** One area with its parents on `on` (default today), or null when no area has this code. */
export async function findArea(db: Db, code: string, on: string = todayIso()): Promise<AreaDetail | null> {
  const [area] = await queryRows<AreaSummary>(
    db,
    sql`select code, name, area_type as "areaType", nhs_code as "nhsCode" from areas where code = ${code}`,
  );
  if (!area) return null;
  // ::text because node-postgres turns a date into a local-time Date; PGlite and it agree on text.
  const parents = await queryRows<AreaParent>(
    db,
    sql`select a.code, a.name, a.area_type as "areaType", a.nhs_code as "nhsCode",
               ap.valid_from::text as "validFrom", ap.valid_to::text as "validTo"
          from area_parents ap join areas a on a.code = ap.parent_code
         where ap.child_code = ${code} and ap.valid_from <= ${on}::date
           and (ap.valid_to is null or ap.valid_to > ${on}::date)
         order by a.area_type, a.code`,
  );
  return { ...area, parents };
}

/** Those of `codes` that name no area, in the order given: empty when every code is known. */
export async function unknownAreaCodes(db: Db, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const known = await queryRows<{ code: string }>(
    db,
    sql`select code from areas where code in (${sql.join(
      codes.map((c) => sql`${c}`),
      sql`, `,
    )})`,
  );
  const found = new Set(known.map((r) => r.code));
  return codes.filter((c) => !found.has(c));
}

// Words are matched literally: LIKE's wildcards and its escape character in them are escaped.
function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
