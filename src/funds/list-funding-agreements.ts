import { sql } from 'drizzle-orm';
import type { Db } from '../db/db.js';
import { queryRows } from '../db/query-rows.js';

/** A funding agreement with what it is for and how much is paid under it. */
export interface FundingAgreementSummary {
  readonly id: number;
  readonly recipient: string;
  readonly programmeId: number;
  readonly programmeName: string;
  readonly decisionId: number;
  readonly decisionReference: string;
  readonly decisionTitle: string;
  readonly amountPence: number;
  readonly paidPence: number;
  readonly status: 'draft' | 'executed' | 'terminated';
  readonly executedOn: string | null;
  readonly demo: boolean;
}

interface Row {
  id: number;
  recipient: string;
  programme_id: number;
  programme_name: string;
  decision_id: number;
  decision_reference: string;
  decision_title: string;
  amount: string;
  paid: string;
  status: 'draft' | 'executed' | 'terminated';
  executed_on: string | null;
  is_demo: boolean;
}

/** A fund's funding agreements, oldest first, or the one with `agreementId`. */
export async function listFundingAgreements(
  db: Db,
  fundId: number,
  options: { agreementId?: number } = {},
): Promise<FundingAgreementSummary[]> {
  const rows = await queryRows<Row>(
    db,
    sql`select a.id, a.recipient, a.programme_id, p.name as programme_name, a.decision_id,
          d.reference as decision_reference, d.title as decision_title, a.amount_pence::text as amount,
          coalesce((select sum(t.amount_pence) from ledger_transactions t
                    where t.kind = 'payment' and t.funding_agreement_id = a.id), 0)::text as paid,
          a.status, to_char(a.executed_on, 'YYYY-MM-DD') as executed_on, a.is_demo
        from funding_agreements a
        join programmes p on p.id = a.programme_id
        join decisions d on d.id = a.decision_id
        where a.fund_id = ${fundId}
          ${options.agreementId === undefined ? sql`` : sql`and a.id = ${options.agreementId}`}
        order by a.id`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    recipient: r.recipient,
    programmeId: Number(r.programme_id),
    programmeName: r.programme_name,
    decisionId: Number(r.decision_id),
    decisionReference: r.decision_reference,
    decisionTitle: r.decision_title,
    amountPence: Number(r.amount),
    paidPence: Number(r.paid),
    status: r.status,
    executedOn: r.executed_on,
    demo: r.is_demo,
  }));
}
