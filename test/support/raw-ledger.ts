import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/db.js';
import { queryRows } from '../../src/db/query-rows.js';
import type { LedgerAccountKind } from '../../src/funds/ledger-accounts-table.js';
import type { LedgerTransactionKind } from '../../src/funds/ledger-transactions-table.js';

/** A raw ledger transaction, written with plain SQL so that none of the posting code's checks run. */
export interface RawPosting {
  readonly fundId: number;
  readonly financialYear: number;
  readonly kind: LedgerTransactionKind;
  readonly amountPence: number;
  readonly partnerOrganisationId?: number;
  readonly programmeId?: number;
  readonly decisionId?: number;
  readonly fundingAgreementId?: number;
  /** The entries: an account and a debit-positive amount. */
  readonly entries: readonly {
    readonly kind: LedgerAccountKind;
    readonly organisationId?: number;
    readonly programmeId?: number;
    readonly amountPence: number;
  }[];
}

/** The account's id, created at zero if missing (insert ... on conflict do nothing, then select). */
export async function rawAccount(
  db: Db,
  fundId: number,
  financialYear: number,
  kind: LedgerAccountKind,
  organisationId: number | null = null,
  programmeId: number | null = null,
): Promise<number> {
  await db.execute(
    sql`insert into ledger_accounts (fund_id, financial_year, kind, organisation_id, programme_id)
        values (${fundId}, ${financialYear}, ${kind}, ${organisationId}, ${programmeId}) on conflict do nothing`,
  );
  const [row] = await queryRows<{ id: number }>(
    db,
    sql`select id from ledger_accounts where fund_id = ${fundId} and financial_year = ${financialYear}
        and kind = ${kind} and organisation_id is not distinct from ${organisationId}
        and programme_id is not distinct from ${programmeId}`,
  );
  return Number(row!.id);
}

/**
 * Writes `posting` with raw SQL in `db` (pass a transaction to hold it open): the transaction row, then its
 * entries in the order given. Only the database's own rules stand in its way.
 */
export async function rawPost(db: Db, posting: RawPosting): Promise<number> {
  const [tx] = await queryRows<{ id: number }>(
    db,
    sql`insert into ledger_transactions (fund_id, financial_year, kind, amount_pence, partner_organisation_id,
          programme_id, decision_id, funding_agreement_id, occurred_on)
        values (${posting.fundId}, ${posting.financialYear}, ${posting.kind}, ${posting.amountPence},
          ${posting.partnerOrganisationId ?? null}, ${posting.programmeId ?? null}, ${posting.decisionId ?? null},
          ${posting.fundingAgreementId ?? null}, '2024-06-01')
        returning id`,
  );
  for (const e of posting.entries) {
    const account = await rawAccount(
      db,
      posting.fundId,
      posting.financialYear,
      e.kind,
      e.organisationId ?? null,
      e.programmeId ?? null,
    );
    await db.execute(
      sql`insert into ledger_entries (transaction_id, account_id, amount_pence) values (${tx!.id}, ${account}, ${e.amountPence})`,
    );
  }
  return Number(tx!.id);
}

/** The legs each kind of posting has, as rawPost wants them. */
export function rawLegs(
  kind: LedgerTransactionKind,
  amountPence: number,
  parties: { partnerOrganisationId?: number; programmeId?: number },
): RawPosting['entries'] {
  const a = amountPence;
  const partner = { organisationId: parties.partnerOrganisationId };
  const programme = { programmeId: parties.programmeId };
  switch (kind) {
    case 'pledge':
      return [
        { kind: 'pledge-receivable', ...partner, amountPence: a },
        { kind: 'pledged', ...partner, amountPence: -a },
      ];
    case 'receipt':
      return [
        { kind: 'cash', amountPence: a },
        { kind: 'unallocated', amountPence: -a },
        { kind: 'pledged', ...partner, amountPence: a },
        { kind: 'pledge-receivable', ...partner, amountPence: -a },
      ];
    case 'allocation':
      return [
        { kind: 'unallocated', amountPence: a },
        { kind: 'allocated', ...programme, amountPence: -a },
      ];
    case 'deallocation':
      return [
        { kind: 'allocated', ...programme, amountPence: a },
        { kind: 'unallocated', amountPence: -a },
      ];
    default:
      return [
        { kind: 'allocated', ...programme, amountPence: a },
        { kind: 'cash', amountPence: -a },
      ];
  }
}

/** The SQLSTATE of a database error, down Drizzle's cause chain. */
export function sqlStateOfError(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 8; depth++) {
    const { code } = e as { code?: unknown };
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
