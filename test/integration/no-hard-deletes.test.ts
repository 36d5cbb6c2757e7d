import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/query-rows.js';
import { loadDemo } from '../../src/demo/load-demo.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/test-database.js';

const neverDeleted = [
  'organisations',
  'decisions',
  'funds',
  'fund_years',
  'funding_agreements',
  'programmes',
  'programme_milestones',
  'programme_updates',
  'risks',
  'risk_ratings',
  'boards',
  'board_members',
  'meetings',
  'agenda_items',
  'meeting_actions',
  'meeting_decisions',
  'ledger_transactions',
  'ledger_entries',
  'audit_events',
];

for (const kind of databaseKinds()) {
  describe(`governance records are never deleted (${kind})`, () => {
    let t: TestDatabase;
    before(async () => {
      t = await createTestDatabase(kind);
      await loadDemo(t.database.db);
    });
    after(() => t?.cleanup());

    it('the database refuses a DELETE of any governance record, and the rows stay', async () => {
      for (const table of neverDeleted) {
        const [{ n }] = (await queryRows<{ n: number }>(
          t.database.db,
          sql.raw(`select count(*)::int as n from ${table}`),
        )) as [{ n: number }];
        assert.ok(n > 0, `the demo has ${table} rows to try`);
        await assert.rejects(
          t.database.db.transaction((trx) => trx.execute(sql.raw(`delete from ${table}`))),
          (e: Error & { cause?: { message?: string } }) =>
            /never deleted|append-only|refused/.test(`${e.message} ${e.cause?.message ?? ''}`),
          table,
        );
        const [{ n: still }] = (await queryRows<{ n: number }>(
          t.database.db,
          sql.raw(`select count(*)::int as n from ${table}`),
        )) as [{ n: number }];
        assert.equal(still, n, table);
      }
    });

    it("a decision's lines go only while it is a draft", async () => {
      await assert.rejects(
        t.database.db.transaction((trx) =>
          trx.execute(
            sql`delete from decision_expenditures where decision_id = (select id from decisions where reference = 'MD3326')`,
          ),
        ),
      );
      const [draft] = await queryRows<{ id: number }>(
        t.database.db,
        sql`insert into decisions (organisation_id, reference, type, title)
            values ((select id from organisations where slug = 'gla'), 'DRAFT-1', 'DAR', 'A draft') returning id`,
      );
      await t.database.db.execute(
        sql`insert into decision_expenditures (decision_id, amount_pence, financial_year) values (${draft!.id}, 100, 2025)`,
      );
      await t.database.db.execute(sql`delete from decision_expenditures where decision_id = ${draft!.id}`);
      const left = await queryRows(
        t.database.db,
        sql`select 1 from decision_expenditures where decision_id = ${draft!.id}`,
      );
      assert.equal(left.length, 0);
    });
  });
}
