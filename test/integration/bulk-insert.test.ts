// bulkInsert is how every import writes in bulk: COPY (CSV) on PostgreSQL, unnest on PGlite. Whatever the
// text or number, what is read back is what was written, and NULL stays distinct from ''.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { queryRows } from '../../src/db/query-rows.js';
import { bulkInsert } from '../../src/imports/bulk-insert.js';
import { createTestDatabase, databaseKinds } from '../support/test-database.js';

const tricky = fc.constantFrom(
  '',
  ' ',
  ' padded ',
  'a,b',
  'say "hi"',
  '"',
  'two\nlines',
  'crlf\r\nend',
  '\\.',
  '\\N',
  'NULL',
  'back\\slash',
  '\t',
  '£ – ü',
);
// PostgreSQL text cannot hold NUL; everything else can.
const text = fc.oneof(
  tricky,
  fc.string({ maxLength: 20, unit: 'binary' }).map((s) => s.replaceAll('\u0000', '')),
);
const number = fc.oneof(
  fc.constantFrom(0, -0, 1e-300, 5e-324, 1.7976931348623157e308, 0.1, -2.5),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

for (const kind of databaseKinds()) {
  describe(`bulkInsert on ${kind}`, () => {
    test('text, NULL, empty text and doubles read back as written', async () => {
      const t = await createTestDatabase(kind);
      try {
        const { db } = t.database;
        await fc.assert(
          fc.asyncProperty(
            fc.array(fc.tuple(fc.option(text), fc.option(number), fc.option(text)), {
              minLength: 1,
              maxLength: 30,
            }),
            async (rows) => {
              await db.transaction(async (trx) => {
                await trx.execute(
                  sql`create temp table written (n integer, a text, x double precision, b text) on commit drop`,
                );
                await bulkInsert(
                  trx,
                  'written',
                  [
                    ['n', 'integer'],
                    ['a', 'text'],
                    ['x', 'double precision'],
                    ['b', 'text'],
                  ],
                  rows.map(([a, x, b], n) => [n, a, x, b]),
                );
                const read = await queryRows<{ a: string | null; x: number | null; b: string | null }>(
                  trx,
                  sql`select a, x, b from written order by n`,
                );
                assert.deepEqual(
                  read.map((r) => [r.a, r.x === null ? null : Number(r.x), r.b]),
                  rows.map(([a, x, b]) => [a, x === null ? null : x === 0 ? 0 : x, b]),
                );
              });
            },
          ),
          { numRuns: kind === 'postgres' ? 60 : 30 },
        );
      } finally {
        await t.cleanup();
      }
    });
  });
}
