import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/db.js';
import { queryRows } from '../db/query-rows.js';
import type { DecisionType } from './decisions-table.js';

/** The public register's filters; each narrows the list, together they combine with "and". */
export interface RegisterFilters {
  /** Words, as a search engine takes them (websearch_to_tsquery): "pooled fund", -racism, or. */
  readonly q?: string;
  readonly type?: DecisionType;
  /** A financial year (its first year: 2024 is 2024-25) in which the decision spends or receives money. */
  readonly year?: number;
  readonly directorate?: string;
  /** The owning organisation's slug. */
  readonly partner?: string;
  /** A programme's slug: the decision funds it (a money line) or is linked to it. */
  readonly programme?: string;
}

/** A published decision as the register lists it. */
export interface RegisterDecision {
  readonly id: number;
  readonly reference: string;
  readonly type: DecisionType;
  readonly title: string;
  readonly organisationSlug: string;
  readonly organisationName: string;
  readonly directorate: string;
  readonly decisionMaker: string;
  readonly decisionDate: string | null;
  readonly executiveSummary: string;
  readonly publishedAt: Date;
  readonly updatedAt: Date;
  readonly totalExpenditurePence: number;
  readonly totalReceiptPence: number;
  readonly isDemo: boolean;
  /** The keyset position of the row (published_at as PostgreSQL's text, exact to the microsecond). */
  readonly publishedAtKey: string;
}

function conditions(f: RegisterFilters): SQL {
  const parts: SQL[] = [sql`d.status = 'published'`];
  if (f.q) parts.push(sql`d.search_vector @@ websearch_to_tsquery('english', ${f.q})`);
  if (f.type) parts.push(sql`d.type = ${f.type}`);
  if (f.year !== undefined)
    parts.push(
      sql`exists (select 1 from decision_expenditures e where e.decision_id = d.id and e.financial_year = ${f.year})`,
    );
  if (f.directorate) parts.push(sql`d.directorate = ${f.directorate}`);
  if (f.partner) parts.push(sql`o.slug = ${f.partner}`);
  if (f.programme)
    parts.push(sql`exists (select 1 from programmes p where p.slug = ${f.programme} and (
      exists (select 1 from decision_expenditures e where e.decision_id = d.id and e.programme_id = p.id)
      or exists (select 1 from programme_decisions pd where pd.decision_id = d.id and pd.programme_id = p.id)))`);
  return sql.join(parts, sql` and `);
}

type Row = Omit<
  RegisterDecision,
  'totalExpenditurePence' | 'totalReceiptPence' | 'publishedAt' | 'updatedAt' | 'id'
> & {
  id: number | string;
  publishedAt: Date | string;
  updatedAt: Date | string;
  totalExpenditurePence: number | string;
  totalReceiptPence: number | string;
};

/**
 * Published decisions matching the filters, newest published first (then by id, so the order is total),
 * never any other status and never Part 2. Either a page by `offset`, or the rows after a keyset position
 * (`after`, from publishedAtKey and id) for the API's cursors.
 */
export async function listRegisterDecisions(
  db: Db,
  filters: RegisterFilters,
  page: { readonly limit: number; readonly offset?: number; readonly after?: { key: string; id: number } },
): Promise<RegisterDecision[]> {
  const after = page.after
    ? sql` and (d.published_at, d.id) < (${page.after.key}::timestamptz, ${page.after.id})`
    : sql``;
  const rows = await queryRows<Row>(
    db,
    sql`select d.id, d.reference, d.type, d.title, o.slug as "organisationSlug", o.name as "organisationName",
               d.directorate, d.decision_maker as "decisionMaker", d.decision_date::text as "decisionDate",
               d.executive_summary as "executiveSummary", d.published_at as "publishedAt",
               d.updated_at as "updatedAt", d.is_demo as "isDemo", d.published_at::text as "publishedAtKey",
               coalesce((select sum(e.amount_pence) from decision_expenditures e
                          where e.decision_id = d.id and e.direction = 'expenditure'), 0) as "totalExpenditurePence",
               coalesce((select sum(e.amount_pence) from decision_expenditures e
                          where e.decision_id = d.id and e.direction = 'receipt'), 0) as "totalReceiptPence"
          from decisions d join organisations o on o.id = d.organisation_id
         where ${conditions(filters)}${after}
         order by d.published_at desc, d.id desc
         limit ${page.limit} offset ${page.offset ?? 0}`,
  );
  return rows.map((r) => ({
    ...r,
    id: Number(r.id),
    publishedAt: new Date(r.publishedAt),
    updatedAt: new Date(r.updatedAt),
    totalExpenditurePence: Number(r.totalExpenditurePence),
    totalReceiptPence: Number(r.totalReceiptPence),
  }));
}

/** How many published decisions match the filters. */
export async function countRegisterDecisions(db: Db, filters: RegisterFilters): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(
    db,
    sql`select count(*) as n from decisions d join organisations o on o.id = d.organisation_id
         where ${conditions(filters)}`,
  );
  return Number(row?.n ?? 0);
}

/** The choices the register's filters offer: only values some published decision has. */
export async function registerFilterChoices(db: Db) {
  const directorates = await queryRows<{ value: string }>(
    db,
    sql`select distinct directorate as value from decisions
         where status = 'published' and directorate <> '' order by 1`,
  );
  const partners = await queryRows<{ slug: string; name: string }>(
    db,
    sql`select distinct o.slug, o.name from decisions d join organisations o on o.id = d.organisation_id
         where d.status = 'published' order by o.name`,
  );
  const programmes = await queryRows<{ slug: string; name: string }>(
    db,
    sql`select p.slug, p.name from programmes p where exists (
          select 1 from decisions d where d.status = 'published' and (
            exists (select 1 from decision_expenditures e where e.decision_id = d.id and e.programme_id = p.id)
            or exists (select 1 from programme_decisions pd where pd.decision_id = d.id and pd.programme_id = p.id)))
        order by p.name`,
  );
  const years = await queryRows<{ year: number | string }>(
    db,
    sql`select distinct e.financial_year as year from decision_expenditures e
          join decisions d on d.id = e.decision_id where d.status = 'published' order by 1 desc`,
  );
  return {
    directorates: directorates.map((d) => d.value),
    partners,
    programmes,
    years: years.map((y) => Number(y.year)),
  };
}
