import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/db.js';
import { type LedgerAccountKind, ledgerAccounts } from './ledger-accounts-table.js';

/** Which account of a fund's year: its kind, and the partner or programme it is kept for. */
export interface LedgerAccountSpec {
  readonly kind: LedgerAccountKind;
  readonly organisationId?: number | null;
  readonly programmeId?: number | null;
}

/** An account a posting holds locked, with its balance at the moment it was locked. */
export interface LockedLedgerAccount {
  readonly id: number;
  readonly kind: LedgerAccountKind;
  readonly organisationId: number | null;
  readonly programmeId: number | null;
  readonly balancePence: number;
}

const sameAccount = (spec: LedgerAccountSpec, row: Omit<LockedLedgerAccount, 'balancePence' | 'id'>) =>
  spec.kind === row.kind &&
  (spec.organisationId ?? null) === row.organisationId &&
  (spec.programmeId ?? null) === row.programmeId;

/**
 * The accounts a posting moves, in the order asked for: each created on demand (insert ... on conflict do
 * nothing, so two postings creating one account at once both end up with the same row), then all locked for
 * update in id order. Every posting takes its accounts in that order, so two postings never wait on each other
 * crosswise, and the balances read here stay true until the posting commits.
 */
export async function lockLedgerAccounts(
  db: Db,
  fundId: number,
  financialYear: number,
  specs: readonly LedgerAccountSpec[],
): Promise<LockedLedgerAccount[]> {
  await db
    .insert(ledgerAccounts)
    .values(
      specs.map((s) => ({
        fundId,
        financialYear,
        kind: s.kind,
        organisationId: s.organisationId ?? null,
        programmeId: s.programmeId ?? null,
      })),
    )
    .onConflictDoNothing();
  const candidates = await db
    .select({
      id: ledgerAccounts.id,
      kind: ledgerAccounts.kind,
      organisationId: ledgerAccounts.organisationId,
      programmeId: ledgerAccounts.programmeId,
    })
    .from(ledgerAccounts)
    .where(
      and(
        eq(ledgerAccounts.fundId, fundId),
        eq(ledgerAccounts.financialYear, financialYear),
        inArray(
          ledgerAccounts.kind,
          specs.map((s) => s.kind),
        ),
      ),
    );
  const ids = specs.map((spec) => {
    const found = candidates.find((row) => sameAccount(spec, row));
    if (!found)
      throw new Error(`ledger account ${spec.kind} of fund ${fundId} ${financialYear} was not created`);
    return found.id;
  });
  const locked = await db
    .select({
      id: ledgerAccounts.id,
      kind: ledgerAccounts.kind,
      organisationId: ledgerAccounts.organisationId,
      programmeId: ledgerAccounts.programmeId,
      balancePence: ledgerAccounts.balancePence,
    })
    .from(ledgerAccounts)
    .where(inArray(ledgerAccounts.id, ids))
    .orderBy(ledgerAccounts.id)
    .for('update');
  return ids.map((id) => {
    const row = locked.find((r) => r.id === id)!;
    return { ...row, balancePence: Number(row.balancePence) };
  });
}
