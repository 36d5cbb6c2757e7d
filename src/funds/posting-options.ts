import { sql } from 'drizzle-orm';
import type { Db } from '../db/db.js';
import { queryRows } from '../db/query-rows.js';
import { formatPounds } from '../money/format-pounds.js';
import { financialYearLabel } from './financial-year-label.js';

/** A choice in a form's select: the value posted and the words shown. */
export interface Choice {
  readonly value: string;
  readonly text: string;
}

/** What the fund's forms offer to choose from. */
export interface PostingOptions {
  /** The fund's open years. */
  readonly years: readonly Choice[];
  /** Every organisation not archived, by name: any may pledge and pay in. */
  readonly partners: readonly Choice[];
  /** Every programme not archived, by name. */
  readonly programmes: readonly Choice[];
  /** The fund holder's decisions that may be paid under: approved, signed or published, with expenditure lines. */
  readonly decisions: readonly Choice[];
  /** The fund's executed funding agreements. */
  readonly agreements: readonly Choice[];
}

/** The choices for the fund's posting and agreement forms. */
export async function postingOptions(
  db: Db,
  fund: { readonly id: number; readonly organisationId: number },
): Promise<PostingOptions> {
  const [years, partners, programmes, decisions, agreements] = await Promise.all([
    queryRows<{ financial_year: number }>(
      db,
      sql`select financial_year from fund_years where fund_id = ${fund.id} and closed_at is null
          order by financial_year`,
    ),
    queryRows<{ id: number; name: string }>(
      db,
      sql`select id, name from organisations where archived_at is null order by name`,
    ),
    queryRows<{ id: number; name: string }>(
      db,
      sql`select id, name from programmes where archived_at is null order by name`,
    ),
    queryRows<{ id: number; reference: string; title: string }>(
      db,
      sql`select d.id, d.reference, d.title from decisions d
          where d.organisation_id = ${fund.organisationId} and d.status in ('approved', 'signed', 'published')
            and exists (select 1 from decision_expenditures e where e.decision_id = d.id and e.direction = 'expenditure')
          order by d.reference`,
    ),
    queryRows<{ id: number; recipient: string; programme: string; reference: string; amount: string }>(
      db,
      sql`select a.id, a.recipient, p.name as programme, d.reference, a.amount_pence::text as amount
          from funding_agreements a join programmes p on p.id = a.programme_id join decisions d on d.id = a.decision_id
          where a.fund_id = ${fund.id} and a.status = 'executed' order by a.id`,
    ),
  ]);
  return {
    years: years.map((y) => ({
      value: String(y.financial_year),
      text: financialYearLabel(y.financial_year),
    })),
    partners: partners.map((p) => ({ value: String(p.id), text: p.name })),
    programmes: programmes.map((p) => ({ value: String(p.id), text: p.name })),
    decisions: decisions.map((d) => ({ value: String(d.id), text: `${d.reference}: ${d.title}` })),
    agreements: agreements.map((a) => ({
      value: String(a.id),
      text: `Agreement ${a.id}: ${a.recipient}, ${a.programme}, under ${a.reference}, ${formatPounds(Number(a.amount))}`,
    })),
  };
}
