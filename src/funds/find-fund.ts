import { sql } from 'drizzle-orm';
import type { Db } from '../db/db.js';
import { queryRows } from '../db/query-rows.js';

/** A fund as its pages show it: what it is and who holds it. */
export interface FundSummary {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
  readonly description: string;
  readonly organisationId: number;
  readonly organisationName: string;
  readonly archived: boolean;
  /** Whether any of its transactions is demonstration data. */
  readonly demo: boolean;
}

const fundColumns = sql`f.id, f.slug, f.name, f.description, f.organisation_id, o.name as organisation_name,
  f.archived_at is not null as archived,
  exists (select 1 from ledger_transactions t where t.fund_id = f.id and t.is_demo) as demo`;

interface FundRow {
  id: number;
  slug: string;
  name: string;
  description: string;
  organisation_id: number;
  organisation_name: string;
  archived: boolean;
  demo: boolean;
}

const summaryOf = (r: FundRow): FundSummary => ({
  id: Number(r.id),
  slug: r.slug,
  name: r.name,
  description: r.description,
  organisationId: Number(r.organisation_id),
  organisationName: r.organisation_name,
  archived: r.archived,
  demo: r.demo,
});

/** The fund with this id, or undefined. */
export async function findFund(db: Db, id: number): Promise<FundSummary | undefined> {
  const [row] = await queryRows<FundRow>(
    db,
    sql`select ${fundColumns} from funds f join organisations o on o.id = f.organisation_id where f.id = ${id}`,
  );
  return row ? summaryOf(row) : undefined;
}

/** Every fund not archived, by name. */
export async function listFunds(db: Db): Promise<FundSummary[]> {
  const rows = await queryRows<FundRow>(
    db,
    sql`select ${fundColumns} from funds f join organisations o on o.id = f.organisation_id
        where f.archived_at is null order by f.name, f.id`,
  );
  return rows.map(summaryOf);
}
