import { sql } from 'drizzle-orm';
import type { Db } from '../db/db.js';
import { queryRows } from '../db/query-rows.js';
import type { LedgerTransactionKind } from './ledger-transactions-table.js';

/** A transaction as the history and the transactions download show it, with names rather than ids. */
export interface FundTransaction {
  readonly id: number;
  readonly occurredOn: string;
  readonly financialYear: number;
  readonly kind: LedgerTransactionKind;
  readonly amountPence: number;
  readonly partnerName: string | null;
  readonly partnerSlug: string | null;
  readonly programmeName: string | null;
  readonly programmeSlug: string | null;
  readonly decisionReference: string | null;
  readonly fundingAgreementId: number | null;
  readonly recipient: string | null;
  readonly memo: string;
  readonly recordedBy: string | null;
  readonly recordedAt: string;
  readonly demo: boolean;
}

interface Row {
  id: string;
  occurred_on: string;
  financial_year: number;
  kind: LedgerTransactionKind;
  amount: string;
  partner_name: string | null;
  partner_slug: string | null;
  programme_name: string | null;
  programme_slug: string | null;
  decision_reference: string | null;
  funding_agreement_id: number | null;
  recipient: string | null;
  memo: string;
  recorded_by: string | null;
  recorded_at: string;
  is_demo: boolean;
}

/** A fund's transactions, oldest first (the order they were posted in), or only those under one agreement. */
export async function listFundTransactions(
  db: Db,
  fundId: number,
  options: { fundingAgreementId?: number } = {},
): Promise<FundTransaction[]> {
  const rows = await queryRows<Row>(
    db,
    sql`select t.id::text as id, to_char(t.occurred_on, 'YYYY-MM-DD') as occurred_on, t.financial_year, t.kind,
          t.amount_pence::text as amount, o.name as partner_name, o.slug as partner_slug, p.name as programme_name,
          p.slug as programme_slug, d.reference as decision_reference, t.funding_agreement_id, a.recipient, t.memo,
          u.name as recorded_by, to_char(t.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as recorded_at,
          t.is_demo
        from ledger_transactions t
        left join organisations o on o.id = t.partner_organisation_id
        left join programmes p on p.id = t.programme_id
        left join decisions d on d.id = t.decision_id
        left join funding_agreements a on a.id = t.funding_agreement_id
        left join users u on u.id = t.created_by_user_id
        where t.fund_id = ${fundId}
          ${options.fundingAgreementId === undefined ? sql`` : sql`and t.funding_agreement_id = ${options.fundingAgreementId}`}
        order by t.id`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    occurredOn: r.occurred_on,
    financialYear: r.financial_year,
    kind: r.kind,
    amountPence: Number(r.amount),
    partnerName: r.partner_name,
    partnerSlug: r.partner_slug,
    programmeName: r.programme_name,
    programmeSlug: r.programme_slug,
    decisionReference: r.decision_reference,
    fundingAgreementId: r.funding_agreement_id === null ? null : Number(r.funding_agreement_id),
    recipient: r.recipient,
    memo: r.memo,
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at,
    demo: r.is_demo,
  }));
}
