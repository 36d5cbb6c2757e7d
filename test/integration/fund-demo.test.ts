import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { loadBuiltInGeography } from '../../src/areas/load-built-in-geography.js';
import type { Db } from '../../src/db/db.js';
import { queryRows } from '../../src/db/query-rows.js';
import { loadGovernanceDemo } from '../../src/demo/load-governance-demo.js';
import { fundReport } from '../../src/funds/fund-report.js';
import { reconcile } from '../../src/funds/reconcile.js';
import { demoFundSlug, seedFundDemo } from '../../src/funds/seed-fund-demo.js';
import { loadBuiltInOrganisations } from '../../src/people/built-in-organisations.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/test-database.js';

interface Posting {
  kind: string;
  financial_year: number;
  amount: string;
  partner: string | null;
  programme: string | null;
  decision: string | null;
  occurred_on: string;
  is_demo: boolean;
}

async function postings(db: Db, fundId: number): Promise<Posting[]> {
  return queryRows<Posting>(
    db,
    sql`select t.kind, t.financial_year, t.amount_pence::text as amount, o.slug as partner, p.slug as programme,
          d.reference as decision, to_char(t.occurred_on, 'YYYY-MM-DD') as occurred_on, t.is_demo
        from ledger_transactions t
        left join organisations o on o.id = t.partner_organisation_id
        left join programmes p on p.id = t.programme_id
        left join decisions d on d.id = t.decision_id
        where t.fund_id = ${fundId} order by t.id`,
  );
}

async function demoDatabase(kind: 'pglite' | 'postgres'): Promise<{ t: TestDatabase; fundId: number }> {
  const t = await createTestDatabase(kind);
  await loadBuiltInGeography(t.database.db);
  await loadBuiltInOrganisations(t.database.db);
  const result = await loadGovernanceDemo(t.database.db);
  assert.ok(result.loaded);
  assert.ok((result.rows.fund ?? 0) > 50, JSON.stringify(result.rows));
  const [fund] = await queryRows<{ id: number }>(
    t.database.db,
    sql`select id from funds where slug = ${demoFundSlug}`,
  );
  return { t, fundId: Number(fund!.id) };
}

for (const kind of databaseKinds()) {
  describe(`the demo pooled fund (${kind})`, { timeout: 300_000 }, () => {
    let t: TestDatabase;
    let db: Db;
    let fundId: number;
    before(async () => {
      ({ t, fundId } = await demoDatabase(kind));
      db = t.database.db;
    });
    after(async () => {
      await t?.cleanup();
    });

    it('is the GLA-held fund, 2020-21 to 2025-26, the years before 2025-26 closed', async () => {
      const [fund] = await queryRows<{ name: string; holder: string }>(
        db,
        sql`select f.name, o.slug as holder from funds f join organisations o on o.id = f.organisation_id where f.id = ${fundId}`,
      );
      assert.deepEqual(fund, { name: 'London Health and Care Partnership pooled fund', holder: 'gla' });
      const years = await queryRows<{ financial_year: number; closed: boolean }>(
        db,
        sql`select financial_year, closed_at is not null as closed from fund_years where fund_id = ${fundId} order by 1`,
      );
      assert.deepEqual(
        years.map((y) => [y.financial_year, y.closed]),
        [
          [2020, true],
          [2021, true],
          [2022, true],
          [2023, true],
          [2024, true],
          [2025, false],
        ],
      );
    });

    it("reconciles, and its every posting kept the ledger's rules", async () => {
      assert.deepEqual(await reconcile(db, fundId), { ok: true, problems: [] });
      const overspent = await queryRows(
        db,
        sql`select id from ledger_accounts where fund_id = ${fundId}
            and ((kind = 'cash' and balance_pence < 0) or (kind in ('unallocated', 'allocated') and balance_pence > 0))`,
      );
      assert.deepEqual(overspent, []);
      // Every payment is within what its decision provides for the programme and year.
      const beyond = await queryRows(
        db,
        sql`select t.decision_id, t.programme_id, t.financial_year from ledger_transactions t
            where t.fund_id = ${fundId} and t.kind = 'payment'
            group by t.decision_id, t.programme_id, t.financial_year
            having sum(t.amount_pence) > (select coalesce(sum(e.amount_pence), 0) from decision_expenditures e
              where e.decision_id = t.decision_id and e.programme_id = t.programme_id
                and e.financial_year = t.financial_year and e.direction = 'expenditure')`,
      );
      assert.deepEqual(beyond, []);
    });

    it("records the GLA's £150,000 pledge and receipt each year as the public record, the rest as demonstration data", async () => {
      const all = await postings(db, fundId);
      const gla = all.filter((p) => p.partner === 'gla');
      assert.equal(gla.length, 12);
      assert.ok(gla.every((p) => p.amount === '15000000' && !p.is_demo));
      for (let year = 2020; year <= 2025; year++) {
        assert.deepEqual(
          gla.filter((p) => p.financial_year === year).map((p) => p.kind),
          ['pledge', 'receipt'],
        );
      }
      assert.ok(all.filter((p) => p.partner !== 'gla').every((p) => p.is_demo));
      const partners = new Set(all.map((p) => p.partner).filter(Boolean));
      for (const slug of [
        'nhs-england-london',
        'london-councils',
        'north-east-london-icb',
        'south-west-london-icb',
      ])
        assert.ok(partners.has(slug), slug);
    });

    it("adds 2021-22 up to MD2799's £650,000, pledged and received", async () => {
      const report = await fundReport(db, fundId);
      const year = report.years.find((y) => y.financialYear === 2021)!;
      assert.equal(year.pledgedPence, 650_000_00);
      assert.equal(year.receivedPence, 650_000_00);
      assert.ok(
        report.partners.some((p) => p.financialYear === 2025 && p.outstandingPence > 0),
        'something outstanding',
      );
    });

    it('allocates to the programmes and pays under the decisions that provide for them, within executed agreements', async () => {
      const all = await postings(db, fundId);
      const payments = all.filter((p) => p.kind === 'payment');
      const paid = (decision: string, year: number) =>
        payments
          .filter(
            (p) => p.decision === decision && p.financial_year === year && p.programme === 'london-office',
          )
          .reduce((total, p) => total + Number(p.amount), 0);
      assert.equal(paid('MD3326', 2024), 150_000_00);
      assert.equal(paid('MD3326', 2025), 75_000_00);
      assert.equal(paid('MD2704', 2020), 150_000_00);
      assert.ok(all.some((p) => p.kind === 'allocation' && p.programme === 'cvd-prevention'));
      assert.ok(
        all.some((p) => p.kind === 'deallocation' && p.programme === 'physical-activity-in-healthcare'),
      );
      assert.ok(payments.every((p) => p.is_demo));
      const agreements = await queryRows<{ status: string; is_demo: boolean }>(
        db,
        sql`select status, is_demo from funding_agreements where fund_id = ${fundId}`,
      );
      assert.ok(agreements.length >= 4);
      assert.ok(agreements.every((a) => a.status === 'executed' && a.is_demo));
    });

    it('is the same on every load (a fixed seed)', async () => {
      const again = await demoDatabase(kind);
      try {
        assert.deepEqual(await postings(again.t.database.db, again.fundId), await postings(db, fundId));
      } finally {
        await again.t.cleanup();
      }
    });

    it('without the programmes and decisions it records the pledges and receipts alone, and still reconciles', async () => {
      const bare = await createTestDatabase(kind);
      try {
        await loadBuiltInGeography(bare.database.db);
        await loadBuiltInOrganisations(bare.database.db);
        const organisations = await queryRows<{ id: number; slug: string }>(
          bare.database.db,
          sql`select id, slug from organisations`,
        );
        const ids = new Map<string, number>();
        await bare.database.db.transaction((trx) =>
          seedFundDemo({
            db: trx,
            organisationIds: new Map(organisations.map((o) => [o.slug, Number(o.id)])),
            ids,
          }),
        );
        const fund = ids.get('fund:pooled')!;
        const kinds = new Set((await postings(bare.database.db, fund)).map((p) => p.kind));
        assert.deepEqual([...kinds].sort(), ['pledge', 'receipt']);
        assert.equal((await reconcile(bare.database.db, fund)).ok, true);
      } finally {
        await bare.cleanup();
      }
    });
  });
}
