import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { areaParents } from '../../src/areas/area-parents-table.js';
import { childAreas, countAreasByType } from '../../src/areas/area-repository.js';
import { areas } from '../../src/areas/areas-table.js';
import { loadBuiltInGeography } from '../../src/areas/load-built-in-geography.js';
import { openDatabase } from '../../src/db/database.js';
import { queryRows } from '../../src/db/query-rows.js';
import { isDatabaseEmpty, loadDemo } from '../../src/demo/load-demo.js';
import { dataLoads } from '../../src/imports/data-loads-table.js';
import { createTestDatabase, databaseKinds } from '../support/test-database.js';

for (const kind of databaseKinds()) {
  describe(`database on ${kind}`, () => {
    test('migrations create the tables and applying them again changes nothing', async () => {
      const t = await createTestDatabase(kind);
      try {
        await t.database.migrate();
        const tables = await queryRows<{ table_name: string }>(
          t.database.db,
          sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
        );
        assert.deepEqual(
          tables.map((r) => r.table_name),
          [
            'agenda_items',
            'area_boundaries',
            'area_parents',
            'area_tile_positions',
            'areas',
            'audit_events',
            'board_members',
            'boards',
            'data_loads',
            'decision_documents',
            'decision_expenditures',
            'decision_milestones',
            'decision_relations',
            'decision_risks',
            'decisions',
            'deprivation',
            'event_counts',
            'fund_years',
            'funding_agreements',
            'funds',
            'indicator_targets',
            'indicator_value_history',
            'indicator_values',
            'indicators',
            'ledger_accounts',
            'ledger_entries',
            'ledger_transactions',
            'meeting_actions',
            'meeting_decisions',
            'meetings',
            'memberships',
            'organisations',
            'password_resets',
            'populations',
            'programme_decisions',
            'programme_indicators',
            'programme_milestones',
            'programme_updates',
            'programmes',
            'risk_ratings',
            'risks',
            'sessions',
            'users',
          ],
        );
        const [applied] = await queryRows<{ n: number }>(
          t.database.db,
          sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
        );
        assert.ok(applied!.n >= 1);
      } finally {
        await t.cleanup();
      }
    });

    test("the demo loader adds London's geography once, in one transaction, and records the load", async () => {
      const t = await createTestDatabase(kind);
      try {
        assert.equal(await isDatabaseEmpty(t.database.db), true);
        const first = await loadDemo(t.database.db);
        assert.equal(first.loaded, true);
        assert.deepEqual(
          {
            areas: first.rows['areas'],
            'area memberships': first.rows['area memberships'],
            tiles: first.rows['tiles'],
          },
          { areas: 40, 'area memberships': 72, tiles: 33 },
        );
        assert.deepEqual(await countAreasByType(t.database.db), {
          country: 1,
          icb: 5,
          'local-authority': 33,
          region: 1,
        });
        const second = await loadDemo(t.database.db);
        assert.equal(second.loaded, false);
        const loads = await t.database.db.select().from(dataLoads).orderBy(dataLoads.id);
        assert.deepEqual(
          loads.map((l) => [l.kind, l.isDemo]),
          [
            ['built-in', false],
            // The evidence demo, then the governance demo.
            ['demo', true],
            ['demo', true],
          ],
        );
        // The demonstration data are content: npm start does not load them again.
        assert.equal(await isDatabaseEmpty(t.database.db), false);
        const tiles = await queryRows<{ n: number }>(
          t.database.db,
          sql`select count(*)::int as n from area_tile_positions`,
        );
        assert.equal(tiles[0]!.n, 33);
        assert.deepEqual(
          (await childAreas(t.database.db, 'E54000028', 'local-authority')).map((a) => a.name),
          ['Barnet', 'Camden', 'Enfield', 'Haringey', 'Islington'],
        );
        assert.equal((await childAreas(t.database.db, 'E12000007', 'local-authority')).length, 33);
        assert.equal(
          (await childAreas(t.database.db, 'E12000007', 'local-authority', '1960-01-01')).length,
          0,
        );
      } finally {
        await t.cleanup();
      }
    });

    test('constraints refuse bad rows: code format, unknown type, missing parent', async () => {
      const t = await createTestDatabase(kind);
      try {
        const insert = (row: { code: string; name: string; areaType: string }) =>
          t.database.db.insert(areas).values(row);
        await assert.rejects(insert({ code: 'X1', name: 'Bad', areaType: 'region' }), (e: Error) =>
          /areas_code_format/.test(String((e as { cause?: Error }).cause?.message ?? e.message)),
        );
        await assert.rejects(insert({ code: 'E12000099', name: 'Bad', areaType: 'Not A Slug' }), (e: Error) =>
          /areas_type_format/.test(String((e as { cause?: Error }).cause?.message ?? e.message)),
        );
        await assert.rejects(
          t.database.db
            .insert(areaParents)
            .values({ childCode: 'E09000099', parentCode: 'E54000099', validFrom: '2022-07-01' }),
        );
        await loadBuiltInGeography(t.database.db);
        await assert.rejects(
          t.database.db.insert(areaParents).values({
            childCode: 'E09000001',
            parentCode: 'E54000029',
            validFrom: '2024-01-01',
            validTo: '2023-01-01',
          }),
        );
        // Built-in geography is not evidence: the database counts as empty until data is loaded or imported.
        assert.equal(await isDatabaseEmpty(t.database.db), true);
        await t.database.db.insert(dataLoads).values({ kind: 'import', name: 'fingertips', isDemo: false });
        assert.equal(await isDatabaseEmpty(t.database.db), false);
      } finally {
        await t.cleanup();
      }
    });

    test('a failed transaction leaves nothing half-written', async () => {
      const t = await createTestDatabase(kind);
      try {
        await assert.rejects(
          t.database.db.transaction(async (trx) => {
            await trx.insert(areas).values({ code: 'E92000001', name: 'England', areaType: 'country' });
            await trx.insert(areas).values({ code: 'E92000001', name: 'England again', areaType: 'country' });
          }),
        );
        assert.equal(await isDatabaseEmpty(t.database.db), true);
      } finally {
        await t.cleanup();
      }
    });

    if (kind === 'postgres') {
      test('several instances migrating at once take turns (advisory lock)', async () => {
        const t = await createTestDatabase(kind);
        try {
          const others = await Promise.all([
            openDatabase(t.config),
            openDatabase(t.config),
            openDatabase(t.config),
          ]);
          await Promise.all(others.map((d) => d.migrate()));
          await Promise.all(others.map((d) => d.close()));
          const [rows] = await queryRows<{ n: number }>(
            t.database.db,
            sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
          );
          const [distinct] = await queryRows<{ n: number }>(
            t.database.db,
            sql`select count(distinct hash)::int as n from drizzle.__drizzle_migrations`,
          );
          assert.equal(rows!.n, distinct!.n);
        } finally {
          await t.cleanup();
        }
      });
    }
  });
}

describe('the embedded database persists under HEALTHHUB_DATA_DIR', () => {
  test('data written by one opening is there at the next', async () => {
    const { mkdtempSync, rmSync, existsSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { loadConfig } = await import('../../src/config/config.js');
    const dir = mkdtempSync(join(tmpdir(), 'healthhub-data-'));
    try {
      const config = loadConfig({ NODE_ENV: 'test', HEALTHHUB_DATA_DIR: dir });
      const first = await openDatabase(config);
      await first.migrate();
      await loadDemo(first.db);
      await first.close();
      assert.ok(existsSync(join(dir, 'pglite')));
      const second = await openDatabase(config);
      assert.equal((await countAreasByType(second.db))['local-authority'], 33);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
