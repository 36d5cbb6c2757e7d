import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/db/database.js';
import { queryRows } from '../../src/db/query-rows.js';
import { LedgerRuleError } from '../../src/funds/ledger-rule-error.js';
import { postAllocation } from '../../src/funds/post-allocation.js';
import { postPayment } from '../../src/funds/post-payment.js';
import { postReceipt } from '../../src/funds/post-receipt.js';
import { reconcile } from '../../src/funds/reconcile.js';
import { createFundFixtures, createFundOrganisations, type FundFixtures } from '../support/fund-fixtures.js';
import { rawAccount } from '../support/raw-ledger.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/test-database.js';

// Two connections racing need a server: PGlite is one connection in one process. databaseKinds() throws under
// CI when TEST_DATABASE_URL is missing, so there this test cannot be skipped.
const onPostgres = databaseKinds().includes('postgres');
const skipReason = 'TEST_DATABASE_URL is not set: the race between two connections needs a PostgreSQL server';
if (!onPostgres) console.log(`# ledger race test skipped: ${skipReason}`);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('ledger races between two connections (postgres)', { skip: onPostgres ? false : skipReason }, () => {
  let t: TestDatabase;
  let second: Database;
  let f: FundFixtures;
  const header = (financialYear: number, amountPence: number) => ({
    fundId: f.fundId,
    financialYear,
    amountPence,
    occurredOn: '2024-06-01',
    actorUserId: null,
  });

  before(async () => {
    t = await createTestDatabase('postgres');
    // A second pool on the same database: its own connections, as a second application instance would have.
    second = await openDatabase(t.config);
    const orgs = await createFundOrganisations(t.database.db);
    f = await createFundFixtures(t.database.db, orgs);
  });
  after(async () => {
    await second?.close();
    await t?.cleanup();
  });

  async function balances(year: number) {
    const rows = await queryRows<{ kind: string; programme_id: number | null; balance: string }>(
      t.database.db,
      sql`select kind, programme_id, balance_pence::text as balance from ledger_accounts
          where fund_id = ${f.fundId} and financial_year = ${year} order by id`,
    );
    const of = (kind: string) => Number(rows.find((r) => r.kind === kind)?.balance ?? 0);
    return { cash: of('cash'), unallocated: of('unallocated'), allocated: of('allocated') };
  }

  it('two payments against an allocation that covers one: exactly one succeeds, nothing goes negative', async () => {
    // 2025: the decision covers £50,000 for the programme, the agreement £80,000; each round allocates just
    // enough for one £6,000 payment and two connections race to pay it.
    const pay = (db: Database) =>
      postPayment(db.db, {
        ...header(2025, 6_000_00),
        programmeId: f.programmeId,
        decisionId: f.decisionId,
        fundingAgreementId: f.agreementId,
      });
    for (let round = 0; round < 4; round++) {
      await postReceipt(t.database.db, { ...header(2025, 6_000_00), partnerOrganisationId: f.partnerId });
      await postAllocation(t.database.db, { ...header(2025, 6_000_00), programmeId: f.programmeId });
      const results = await Promise.allSettled([pay(t.database), pay(second)]);
      const fulfilled = results.filter((r) => r.status === 'fulfilled');
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      assert.equal(fulfilled.length, 1, `round ${round}: exactly one payment succeeds`);
      assert.ok(rejected[0]!.reason instanceof LedgerRuleError, String(rejected[0]!.reason));
      assert.equal(rejected[0]!.reason.code, 'INSUFFICIENT_ALLOCATION');
      const after = await balances(2025);
      assert.equal(after.allocated, 0);
      assert.equal(after.cash, 0);
      assert.deepEqual(await reconcile(t.database.db, f.fundId), { ok: true, problems: [] });
    }
  });

  /** A raw posting on its own connection, its transaction left open until `commit` is called. */
  async function openRawPosting(statements: string[]) {
    const client = new pg.Client({ connectionString: (t.config.database as { url: string }).url });
    await client.connect();
    await client.query('begin');
    let failure: unknown;
    const done = (async () => {
      try {
        for (const s of statements) await client.query(s);
      } catch (error) {
        failure = error;
        await client.query('rollback');
      }
    })();
    return {
      done,
      failure: () => failure,
      async commit() {
        await done;
        if (!failure) {
          try {
            await client.query('commit');
          } catch (error) {
            failure = error;
          }
        }
        await client.end();
      },
    };
  }

  it("with the code's checks bypassed (raw SQL on two connections), the database alone refuses the overspend", async () => {
    // 2024: £10,000 received and unallocated; two raw allocations of £6,000 race for it.
    const db = t.database.db;
    await postReceipt(db, { ...header(2024, 10_000_00), partnerOrganisationId: f.partnerId });
    const unallocated = await rawAccount(db, f.fundId, 2024, 'unallocated');
    const allocated = await rawAccount(db, f.fundId, 2024, 'allocated', null, f.otherProgrammeId);
    const allocation = [
      `insert into ledger_transactions (fund_id, financial_year, kind, amount_pence, programme_id, occurred_on)
         values (${f.fundId}, 2024, 'allocation', 600000, ${f.otherProgrammeId}, '2024-06-01')`,
      `insert into ledger_entries (transaction_id, account_id, amount_pence)
         values (currval('ledger_transactions_id_seq'), ${unallocated}, 600000),
                (currval('ledger_transactions_id_seq'), ${allocated}, -600000)`,
    ];
    const first = await openRawPosting(allocation);
    await first.done;
    assert.equal(first.failure(), undefined);
    // The second waits on the unallocated account's row lock the first holds...
    const secondPosting = await openRawPosting(allocation);
    await sleep(300);
    // ...and, once the first commits, sees its balance and is refused by the overspend check.
    await first.commit();
    await secondPosting.commit();
    assert.equal((secondPosting.failure() as { code?: string })?.code, '23514');
    assert.equal(
      (secondPosting.failure() as { constraint?: string })?.constraint,
      'ledger_accounts_no_overspend',
    );
    const after = await balances(2024);
    assert.equal(after.unallocated, -4_000_00);
    assert.equal(after.cash, 10_000_00);
    assert.deepEqual(await reconcile(db, f.fundId), { ok: true, problems: [] });
  });

  it("two raw payments (the code's checks bypassed) against an allocation covering one: the database refuses the second", async () => {
    // 2025 after the first test: the decision has £26,000 of cover left and the agreement £56,000, so only the
    // £6,000 allocation stands between two £6,000 payments.
    const db = t.database.db;
    await postReceipt(db, { ...header(2025, 6_000_00), partnerOrganisationId: f.partnerId });
    await postAllocation(db, { ...header(2025, 6_000_00), programmeId: f.programmeId });
    const cash = await rawAccount(db, f.fundId, 2025, 'cash');
    const allocated = await rawAccount(db, f.fundId, 2025, 'allocated', null, f.programmeId);
    const payment = [
      `insert into ledger_transactions (fund_id, financial_year, kind, amount_pence, programme_id, decision_id,
           funding_agreement_id, occurred_on)
         values (${f.fundId}, 2025, 'payment', 600000, ${f.programmeId}, ${f.decisionId}, ${f.agreementId},
           '2025-06-01')`,
      `insert into ledger_entries (transaction_id, account_id, amount_pence)
         values (currval('ledger_transactions_id_seq'), ${allocated}, 600000),
                (currval('ledger_transactions_id_seq'), ${cash}, -600000)`,
    ];
    const first = await openRawPosting(payment);
    await first.done;
    assert.equal(first.failure(), undefined);
    const secondPosting = await openRawPosting(payment);
    await sleep(300);
    await first.commit();
    await secondPosting.commit();
    assert.equal((secondPosting.failure() as { code?: string })?.code, '23514');
    assert.equal(
      (secondPosting.failure() as { constraint?: string })?.constraint,
      'ledger_accounts_no_overspend',
    );
    const after = await balances(2025);
    assert.equal(after.allocated, 0);
    assert.equal(after.cash, 0);
    assert.deepEqual(await reconcile(db, f.fundId), { ok: true, problems: [] });
  });

  it('raw payments racing under one decision and agreement are counted one after the other (their rows are locked)', async () => {
    // 2024 for the other programme: £20,000 agreement and cover; £14,000 allocated from the £4,000 left plus
    // £10,000 more received. Two raw payments of £12,000: each alone fits the allocation, not both.
    const db = t.database.db;
    await postReceipt(db, { ...header(2024, 10_000_00), partnerOrganisationId: f.partnerId });
    await postAllocation(db, { ...header(2024, 8_000_00), programmeId: f.otherProgrammeId });
    const cash = await rawAccount(db, f.fundId, 2024, 'cash');
    const allocated = await rawAccount(db, f.fundId, 2024, 'allocated', null, f.otherProgrammeId);
    const payment = [
      `insert into ledger_transactions (fund_id, financial_year, kind, amount_pence, programme_id, decision_id,
           funding_agreement_id, occurred_on)
         values (${f.fundId}, 2024, 'payment', 1200000, ${f.otherProgrammeId}, ${f.decisionId},
           ${f.otherAgreementId}, '2024-06-01')`,
      `insert into ledger_entries (transaction_id, account_id, amount_pence)
         values (currval('ledger_transactions_id_seq'), ${allocated}, 1200000),
                (currval('ledger_transactions_id_seq'), ${cash}, -1200000)`,
    ];
    const first = await openRawPosting(payment);
    await first.done;
    assert.equal(first.failure(), undefined);
    const secondPosting = await openRawPosting(payment);
    await sleep(300);
    await first.commit();
    await secondPosting.commit();
    // The second, let through after the first commits, finds the decision's £20,000 for the programme in
    // 2024 (as much as the agreement's) already £12,000 used.
    assert.equal((secondPosting.failure() as { code?: string })?.code, 'LF004');
    const after = await balances(2024);
    assert.ok(after.cash >= 0 && after.allocated <= 0 && after.unallocated <= 0);
    assert.deepEqual(await reconcile(db, f.fundId), { ok: true, problems: [] });
  });
});
