import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/db.js';
import { queryRows } from '../../src/db/query-rows.js';
import { closeFundYear } from '../../src/funds/close-fund-year.js';
import { executeFundingAgreement } from '../../src/funds/execute-funding-agreement.js';
import { ledgerErrorFromDatabase } from '../../src/funds/ledger-error-from-database.js';
import { LedgerRuleError } from '../../src/funds/ledger-rule-error.js';
import type { LedgerTransactionKind } from '../../src/funds/ledger-transactions-table.js';
import { openFundYear } from '../../src/funds/open-fund-year.js';
import { postAllocation } from '../../src/funds/post-allocation.js';
import { postDeallocation } from '../../src/funds/post-deallocation.js';
import type { PostingHeader } from '../../src/funds/post-ledger-transaction.js';
import { postPayment } from '../../src/funds/post-payment.js';
import { postPledge } from '../../src/funds/post-pledge.js';
import { postReceipt } from '../../src/funds/post-receipt.js';
import { reconcile } from '../../src/funds/reconcile.js';
import { terminateFundingAgreement } from '../../src/funds/terminate-funding-agreement.js';
import { createFundFixtures, createFundOrganisations, type FundFixtures } from '../support/fund-fixtures.js';
import { rawAccount, rawLegs, rawPost, sqlStateOfError } from '../support/raw-ledger.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/test-database.js';

/** How many rows the ledger and the audit log hold: a refused posting must change none of them. */
async function ledgerCounts(db: Db) {
  const [row] = await queryRows<Record<string, string>>(
    db,
    sql`select (select count(*) from ledger_transactions)::text as transactions,
               (select count(*) from ledger_entries)::text as entries,
               (select count(*) from ledger_accounts)::text as accounts,
               (select coalesce(sum(balance_pence), 0) from ledger_accounts)::text as balances,
               (select string_agg(balance_pence::text, ',' order by id) from ledger_accounts) as each_balance,
               (select count(*) from audit_events)::text as audit`,
  );
  return row;
}

async function balanceOf(
  db: Db,
  fundId: number,
  year: number,
  kind: string,
  programmeId: number | null = null,
) {
  const [row] = await queryRows<{ balance: string }>(
    db,
    sql`select balance_pence::text as balance from ledger_accounts where fund_id = ${fundId}
        and financial_year = ${year} and kind = ${kind} and programme_id is not distinct from ${programmeId}`,
  );
  return Number(row?.balance ?? 0);
}

/** Asserts `promise` rejects with a LedgerRuleError of `code`. */
async function refusedInCode(promise: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof LedgerRuleError, `a LedgerRuleError, not ${String(error)}`);
    assert.equal(error.code, code);
    assert.equal(error.statusCode, 409);
    return true;
  });
}

/** Asserts `promise` rejects with a database error of SQLSTATE `state` that maps to `code`. */
async function refusedInDatabase(
  promise: Promise<unknown>,
  state: string,
  code: string,
  kind?: LedgerTransactionKind,
): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.equal(sqlStateOfError(error), state, String(error));
    assert.equal(ledgerErrorFromDatabase(error, kind)?.code, code);
    return true;
  });
}

for (const kind of databaseKinds()) {
  describe(`ledger rules, in code and in the database (${kind})`, () => {
    let t: TestDatabase;
    let db: Db;
    let f: FundFixtures;
    const at = (amountPence: number, financialYear = 2024): PostingHeader & { fundId: number } => ({
      fundId: f.fundId,
      financialYear,
      amountPence,
      occurredOn: '2024-06-01',
      actorUserId: null,
    });
    /** Raw SQL in one transaction, so a deferred check runs at its commit. */
    const raw = (posting: Omit<Parameters<typeof rawPost>[1], 'fundId'>) =>
      db.transaction(async (trx) => rawPost(trx, { fundId: f.fundId, ...posting }));

    before(async () => {
      t = await createTestDatabase(kind);
      db = t.database.db;
      const orgs = await createFundOrganisations(db);
      f = await createFundFixtures(db, orgs);
      // 2024: £200,000 received against £250,000 pledged; £120,000 allocated to the programme, £20,000 to the other.
      await postPledge(db, { ...at(250_000_00), partnerOrganisationId: f.partnerId });
      await postReceipt(db, { ...at(200_000_00), partnerOrganisationId: f.partnerId });
      await postAllocation(db, { ...at(120_000_00), programmeId: f.programmeId });
      await postAllocation(db, { ...at(20_000_00), programmeId: f.otherProgrammeId });
    });
    after(async () => {
      await t?.cleanup();
    });

    it('posts each kind as balanced double entries, keeps balances equal to entries, and audits each', async () => {
      assert.equal(await balanceOf(db, f.fundId, 2024, 'cash'), 200_000_00);
      assert.equal(await balanceOf(db, f.fundId, 2024, 'unallocated'), -60_000_00);
      assert.equal(await balanceOf(db, f.fundId, 2024, 'allocated', f.programmeId), -120_000_00);
      const posted = await postPayment(db, {
        ...at(30_000_00),
        programmeId: f.programmeId,
        decisionId: f.decisionId,
        fundingAgreementId: f.agreementId,
      });
      assert.deepEqual(
        posted.entries.map((e) => e.amountPence).sort((a, b) => a - b),
        [-30_000_00, 30_000_00],
      );
      await postDeallocation(db, { ...at(10_000_00), programmeId: f.programmeId });
      assert.equal(await balanceOf(db, f.fundId, 2024, 'cash'), 170_000_00);
      assert.equal(await balanceOf(db, f.fundId, 2024, 'allocated', f.programmeId), -80_000_00);
      assert.equal(await balanceOf(db, f.fundId, 2024, 'unallocated'), -70_000_00);
      const audit = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from audit_events where entity = 'ledger_transactions'`,
      );
      assert.equal(Number(audit[0]!.n), 6);
      assert.deepEqual(await reconcile(db, f.fundId), { ok: true, problems: [] });
    });

    it('keeps a receipt beyond the pledge, showing it as the memorandum pair gone the other way', async () => {
      await postReceipt(db, { ...at(5_000_00, 2025), partnerOrganisationId: f.partnerId });
      const [row] = await queryRows<{ balance: string }>(
        db,
        sql`select balance_pence::text as balance from ledger_accounts where fund_id = ${f.fundId}
            and financial_year = 2025 and kind = 'pledge-receivable'`,
      );
      assert.equal(Number(row!.balance), -5_000_00);
      assert.equal((await reconcile(db, f.fundId)).ok, true);
    });

    const refusals: {
      name: string;
      code: string;
      state: string;
      kind?: LedgerTransactionKind;
      inCode: () => Promise<unknown>;
      inDatabase: () => Promise<unknown>;
    }[] = [
      {
        name: 'a closed year',
        code: 'YEAR_CLOSED',
        state: 'LF001',
        inCode: () => postPledge(db, { ...at(1_00, 2023), partnerOrganisationId: f.partnerId }),
        inDatabase: () =>
          raw({
            financialYear: 2023,
            kind: 'pledge',
            amountPence: 1_00,
            partnerOrganisationId: f.partnerId,
            entries: rawLegs('pledge', 1_00, { partnerOrganisationId: f.partnerId }),
          }),
      },
      {
        name: 'a year the fund has not opened',
        code: 'YEAR_NOT_OPEN',
        state: 'LF002',
        inCode: () => postPledge(db, { ...at(1_00, 2030), partnerOrganisationId: f.partnerId }),
        inDatabase: () =>
          raw({
            financialYear: 2030,
            kind: 'pledge',
            amountPence: 1_00,
            partnerOrganisationId: f.partnerId,
            entries: [],
          }),
      },
      {
        name: 'an allocation beyond what is unallocated',
        code: 'INSUFFICIENT_UNALLOCATED',
        state: '23514',
        kind: 'allocation',
        inCode: () => postAllocation(db, { ...at(100_000_00), programmeId: f.programmeId }),
        inDatabase: () =>
          raw({
            financialYear: 2024,
            kind: 'allocation',
            amountPence: 100_000_00,
            programmeId: f.programmeId,
            entries: rawLegs('allocation', 100_000_00, { programmeId: f.programmeId }),
          }),
      },
      {
        name: 'a deallocation beyond what is allocated and unpaid',
        code: 'INSUFFICIENT_ALLOCATION',
        state: '23514',
        kind: 'deallocation',
        inCode: () => postDeallocation(db, { ...at(20_000_01), programmeId: f.otherProgrammeId }),
        inDatabase: () =>
          raw({
            financialYear: 2024,
            kind: 'deallocation',
            amountPence: 20_000_01,
            programmeId: f.otherProgrammeId,
            entries: rawLegs('deallocation', 20_000_01, { programmeId: f.otherProgrammeId }),
          }),
      },
      {
        name: 'a payment under a decision that is not approved',
        code: 'DECISION_NOT_APPROVED',
        state: 'LF003',
        inCode: () =>
          postPayment(db, {
            ...at(1_00),
            programmeId: f.programmeId,
            decisionId: f.draftDecisionId,
            fundingAgreementId: f.draftDecisionAgreementId,
          }),
        inDatabase: () =>
          raw({
            financialYear: 2024,
            kind: 'payment',
            amountPence: 1_00,
            programmeId: f.programmeId,
            decisionId: f.draftDecisionId,
            fundingAgreementId: f.draftDecisionAgreementId,
            entries: rawLegs('payment', 1_00, { programmeId: f.programmeId }),
          }),
      },
      {
        name: "a payment beyond the decision's expenditure for the programme and year",
        code: 'DECISION_DOES_NOT_COVER',
        state: 'LF004',
        // £30,000 is paid under the decision already; it covers £100,000 in 2024. Its other lines (a receipt, a
        // line for no programme, the other programme's) cover nothing here.
        inCode: () =>
          postPayment(db, {
            ...at(70_000_01),
            programmeId: f.programmeId,
            decisionId: f.decisionId,
            fundingAgreementId: f.agreementId,
          }),
        inDatabase: () =>
          raw({
            financialYear: 2024,
            kind: 'payment',
            amountPence: 70_000_01,
            programmeId: f.programmeId,
            decisionId: f.decisionId,
            fundingAgreementId: f.agreementId,
            entries: rawLegs('payment', 70_000_01, { programmeId: f.programmeId }),
          }),
      },
      {
        name: 'a payment under an agreement of another programme',
        code: 'AGREEMENT_MISMATCH',
        state: 'LF007',
        inCode: () =>
          postPayment(db, {
            ...at(1_00),
            programmeId: f.programmeId,
            decisionId: f.decisionId,
            fundingAgreementId: f.otherAgreementId,
          }),
        inDatabase: () =>
          raw({
            financialYear: 2024,
            kind: 'payment',
            amountPence: 1_00,
            programmeId: f.programmeId,
            decisionId: f.decisionId,
            fundingAgreementId: f.otherAgreementId,
            entries: rawLegs('payment', 1_00, { programmeId: f.programmeId }),
          }),
      },
      {
        name: 'a payment under an agreement not executed',
        code: 'AGREEMENT_NOT_EXECUTED',
        state: 'LF005',
        inCode: () =>
          postPayment(db, {
            ...at(1_00),
            programmeId: f.programmeId,
            decisionId: f.decisionId,
            fundingAgreementId: f.draftAgreementId,
          }),
        inDatabase: () =>
          raw({
            financialYear: 2024,
            kind: 'payment',
            amountPence: 1_00,
            programmeId: f.programmeId,
            decisionId: f.decisionId,
            fundingAgreementId: f.draftAgreementId,
            entries: rawLegs('payment', 1_00, { programmeId: f.programmeId }),
          }),
      },
      {
        name: "a payment beyond the agreement's amount",
        code: 'AGREEMENT_EXCEEDED',
        state: 'LF006',
        // £30,000 of the agreement's £80,000 is paid; the decision covers £70,000 more, the agreement £50,000.
        inCode: () =>
          postPayment(db, {
            ...at(50_000_01),
            programmeId: f.programmeId,
            decisionId: f.decisionId,
            fundingAgreementId: f.agreementId,
          }),
        inDatabase: () =>
          raw({
            financialYear: 2024,
            kind: 'payment',
            amountPence: 50_000_01,
            programmeId: f.programmeId,
            decisionId: f.decisionId,
            fundingAgreementId: f.agreementId,
            entries: rawLegs('payment', 50_000_01, { programmeId: f.programmeId }),
          }),
      },
      {
        name: 'a payment beyond the allocation',
        code: 'INSUFFICIENT_ALLOCATION',
        state: '23514',
        kind: 'payment',
        // The other programme has £20,000 allocated, covered by the decision and its agreement; 2025 has none.
        inCode: () =>
          postPayment(db, {
            ...at(1_00, 2025),
            programmeId: f.programmeId,
            decisionId: f.decisionId,
            fundingAgreementId: f.agreementId,
          }),
        inDatabase: () =>
          raw({
            financialYear: 2025,
            kind: 'payment',
            amountPence: 1_00,
            programmeId: f.programmeId,
            decisionId: f.decisionId,
            fundingAgreementId: f.agreementId,
            entries: rawLegs('payment', 1_00, { programmeId: f.programmeId }),
          }),
      },
    ];

    for (const r of refusals) {
      it(`refuses ${r.name} (${r.code}) in code, and changes nothing`, async () => {
        const before = await ledgerCounts(db);
        await refusedInCode(r.inCode(), r.code);
        assert.deepEqual(await ledgerCounts(db), before);
      });
      it(`refuses ${r.name} in the database when the code's check is bypassed (SQLSTATE ${r.state})`, async () => {
        const before = await ledgerCounts(db);
        await refusedInDatabase(r.inDatabase(), r.state, r.code, r.kind);
        const afterCounts = await ledgerCounts(db);
        // A raw insert of a missing account may have been rolled back with the rest: nothing changed.
        assert.deepEqual(afterCounts, before);
        assert.equal((await reconcile(db, f.fundId)).ok, true);
      });
    }

    it('refuses, at commit, a transaction whose entries do not balance or are missing', async () => {
      const before = await ledgerCounts(db);
      await refusedInDatabase(
        raw({
          financialYear: 2024,
          kind: 'pledge',
          amountPence: 1_00,
          partnerOrganisationId: f.partnerId,
          entries: [],
        }),
        'LF008',
        'LEDGER_UNBALANCED',
      );
      await refusedInDatabase(
        raw({
          financialYear: 2024,
          kind: 'pledge',
          amountPence: 1_00,
          partnerOrganisationId: f.partnerId,
          entries: [{ kind: 'pledge-receivable', organisationId: f.partnerId, amountPence: 1_00 }],
        }),
        'LF008',
        'LEDGER_UNBALANCED',
      );
      // Two of a receipt's four legs balance, but a receipt without its memorandum pair is not a receipt.
      await refusedInDatabase(
        raw({
          financialYear: 2024,
          kind: 'receipt',
          amountPence: 1_00,
          partnerOrganisationId: f.partnerId,
          entries: rawLegs('receipt', 1_00, { partnerOrganisationId: f.partnerId }).slice(0, 2),
        }),
        'LF008',
        'LEDGER_UNBALANCED',
      );
      assert.deepEqual(await ledgerCounts(db), before);
    });

    it('refuses an entry on the wrong account, of the wrong amount, or twice on one account', async () => {
      const before = await ledgerCounts(db);
      const cases: Parameters<typeof raw>[0][] = [
        // A "pledge" that moves cash.
        {
          financialYear: 2024,
          kind: 'pledge',
          amountPence: 1_00,
          partnerOrganisationId: f.partnerId,
          entries: [
            { kind: 'cash', amountPence: 1_00 },
            { kind: 'unallocated', amountPence: -1_00 },
          ],
        },
        // A "payment" that takes the other programme's allocation.
        {
          financialYear: 2024,
          kind: 'payment',
          amountPence: 1_00,
          programmeId: f.programmeId,
          decisionId: f.decisionId,
          fundingAgreementId: f.agreementId,
          entries: rawLegs('payment', 1_00, { programmeId: f.otherProgrammeId }),
        },
        // Entries of another amount than the transaction's.
        {
          financialYear: 2024,
          kind: 'allocation',
          amountPence: 1_00,
          programmeId: f.programmeId,
          entries: rawLegs('allocation', 2_00, { programmeId: f.programmeId }),
        },
        // An account of another year.
        {
          financialYear: 2025,
          kind: 'pledge',
          amountPence: 1_00,
          partnerOrganisationId: f.partnerId,
          entries: [],
        },
      ];
      for (const c of cases.slice(0, 3)) await refusedInDatabase(raw(c), 'LF010', 'LEDGER_ENTRY_INVALID');
      const otherYearAccount = await rawAccount(db, f.fundId, 2024, 'pledged', f.partnerId);
      await refusedInDatabase(
        db.transaction(async (trx) => {
          const id = await rawPost(trx, { fundId: f.fundId, ...cases[3]! });
          await trx.execute(
            sql`insert into ledger_entries (transaction_id, account_id, amount_pence) values (${id}, ${otherYearAccount}, -100)`,
          );
        }),
        'LF010',
        'LEDGER_ENTRY_INVALID',
      );
      await refusedInDatabase(
        raw({
          financialYear: 2024,
          kind: 'pledge',
          amountPence: 1_00,
          partnerOrganisationId: f.partnerId,
          entries: [
            { kind: 'pledge-receivable', organisationId: f.partnerId, amountPence: 1_00 },
            { kind: 'pledge-receivable', organisationId: f.partnerId, amountPence: 1_00 },
          ],
        }),
        'LF010',
        'LEDGER_ENTRY_INVALID',
      );
      const afterCounts = await ledgerCounts(db);
      assert.deepEqual({ ...afterCounts, accounts: before!.accounts }, before);
    });

    it('accepts a correct raw posting: the rules are not in the way of the legs each kind has', async () => {
      await raw({
        financialYear: 2024,
        kind: 'pledge',
        amountPence: 7_00,
        partnerOrganisationId: f.partnerId,
        entries: rawLegs('pledge', 7_00, { partnerOrganisationId: f.partnerId }),
      });
      assert.equal((await reconcile(db, f.fundId)).ok, true);
    });

    it('keeps the ledger append-only and balances moved only by entries', async () => {
      const before = await ledgerCounts(db);
      for (const statement of [
        sql`update ledger_transactions set amount_pence = amount_pence + 1`,
        sql`delete from ledger_transactions`,
        sql`update ledger_entries set amount_pence = amount_pence * 2`,
        sql`delete from ledger_entries`,
        sql`truncate ledger_entries, ledger_transactions`,
        sql`update ledger_accounts set balance_pence = 0`,
        sql`delete from ledger_accounts`,
        sql`insert into ledger_accounts (fund_id, financial_year, kind, balance_pence) values (${f.fundId}, 2025, 'cash', 100)`,
      ]) {
        await assert.rejects(db.execute(statement), (error: unknown) => {
          assert.ok(['LF009', 'LF010'].includes(sqlStateOfError(error) ?? ''), String(error));
          return true;
        });
      }
      assert.deepEqual(await ledgerCounts(db), before);
    });

    it('closes a year for good: postings refused after, no reopening in code or in the database', async () => {
      const orgs = await createFundOrganisations(db);
      const g = await createFundFixtures(db, orgs);
      await openFundYear(db, {
        fundId: g.fundId,
        organisationId: g.organisationId,
        financialYear: 2026,
        actorUserId: null,
      });
      await refusedInCode(
        openFundYear(db, {
          fundId: g.fundId,
          organisationId: g.organisationId,
          financialYear: 2026,
          actorUserId: null,
        }),
        'YEAR_ALREADY_OPEN',
      );
      await postPledge(db, {
        fundId: g.fundId,
        financialYear: 2026,
        amountPence: 1_00,
        occurredOn: '2026-04-01',
        actorUserId: null,
        partnerOrganisationId: g.partnerId,
      });
      const year = {
        fundId: g.fundId,
        organisationId: g.organisationId,
        financialYear: 2026,
        actorUserId: null,
      };
      await closeFundYear(db, year);
      await refusedInCode(closeFundYear(db, year), 'YEAR_CLOSED');
      await refusedInCode(closeFundYear(db, { ...year, financialYear: 2031 }), 'YEAR_NOT_OPEN');
      await refusedInCode(
        postReceipt(db, {
          fundId: g.fundId,
          financialYear: 2026,
          amountPence: 1_00,
          occurredOn: '2026-04-01',
          actorUserId: null,
          partnerOrganisationId: g.partnerId,
        }),
        'YEAR_CLOSED',
      );
      await refusedInCode(openFundYear(db, year), 'YEAR_ALREADY_OPEN');
      await refusedInDatabase(
        db.execute(
          sql`update fund_years set closed_at = null where fund_id = ${g.fundId} and financial_year = 2026`,
        ),
        'LF011',
        'YEAR_CLOSED',
      );
      await assert.rejects(
        db.execute(sql`delete from fund_years where fund_id = ${g.fundId}`),
        (e: unknown) => sqlStateOfError(e) === 'LF009',
      );
    });

    it('fixes an agreement once executed: executed once, terminated only when executed, terms never rewritten', async () => {
      const change = { fundId: f.fundId, organisationId: f.organisationId, actorUserId: null };
      await refusedInCode(
        executeFundingAgreement(db, { ...change, agreementId: f.agreementId, executedOn: '2024-06-01' }),
        'AGREEMENT_LOCKED',
      );
      await refusedInCode(
        terminateFundingAgreement(db, { ...change, agreementId: f.draftAgreementId, reason: 'not needed' }),
        'AGREEMENT_LOCKED',
      );
      await refusedInDatabase(
        db.execute(sql`update funding_agreements set amount_pence = 1 where id = ${f.agreementId}`),
        'LF012',
        'AGREEMENT_LOCKED',
      );
      await refusedInDatabase(
        db.execute(
          sql`update funding_agreements set status = 'draft', executed_on = null where id = ${f.agreementId}`,
        ),
        'LF012',
        'AGREEMENT_LOCKED',
      );
      await terminateFundingAgreement(db, {
        ...change,
        agreementId: f.otherAgreementId,
        reason: 'programme ended',
      });
      await refusedInCode(
        postPayment(db, {
          ...at(1_00),
          programmeId: f.otherProgrammeId,
          decisionId: f.decisionId,
          fundingAgreementId: f.otherAgreementId,
        }),
        'AGREEMENT_NOT_EXECUTED',
      );
      const [audit] = await queryRows<{ reason: string }>(
        db,
        sql`select reason from audit_events where entity = 'funding_agreements' and action = 'terminate'
            and entity_id = ${String(f.otherAgreementId)}`,
      );
      assert.equal(audit?.reason, 'programme ended');
    });

    it('reconciles the whole fund after all that', async () => {
      assert.deepEqual(await reconcile(db, f.fundId), { ok: true, problems: [] });
    });
  });
}
