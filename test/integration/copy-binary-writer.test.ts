// The reading thread stages rows in COPY's binary format (CopyBinaryWriter): whatever the text or number,
// what PostgreSQL reads back is what was written (-0 as 0, as in text), NULL stays distinct from '', and a
// batch split anywhere reads the same.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { CopyBinaryWriter } from '../../src/db/copy-binary-writer.js';
import { copyChunks, postgresClientOf } from '../../src/db/copy-rows.js';
import { queryRows } from '../../src/db/query-rows.js';
import { createTestDatabase, databaseKinds } from '../support/test-database.js';

const tricky = fc.constantFrom(
  '',
  ' ',
  'a,b',
  'say "hi"',
  'two\nlines',
  '\\.',
  '\\N',
  '\t',
  '£ – ü',
  '🙂',
  'é'.repeat(300),
);
// PostgreSQL text cannot hold NUL; lone surrogates are not text either.
const text = fc.oneof(
  tricky,
  fc.string({ maxLength: 20, unit: 'grapheme' }).map((s) => s.replaceAll('\u0000', '')),
);
const number = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    1e-300,
    5e-324,
    1.7976931348623157e308,
    0.1,
    -2.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
  ),
  fc.double(),
);
const integer = fc.integer({ min: -2147483648, max: 2147483647 });

test('CopyBinaryWriter refuses what it cannot write exactly', () => {
  assert.throws(() => new CopyBinaryWriter(['numeric']), /numeric/);
  const writer = new CopyBinaryWriter(['integer', 'text']);
  assert.throws(() => writer.row([1]), /1 values for 2 columns/);
  assert.throws(() => writer.row([1.5, 'x']), /not an integer/);
  assert.throws(() => writer.row([2147483648, 'x']), /not an integer/);
});

for (const kind of databaseKinds()) {
  if (kind !== 'postgres') continue;
  describe(`CopyBinaryWriter on ${kind}`, () => {
    test('integers, doubles, text, booleans and NULLs read back as written', async () => {
      const t = await createTestDatabase(kind);
      try {
        const { db } = t.database;
        await fc.assert(
          fc.asyncProperty(
            fc.array(
              fc.tuple(fc.option(integer), fc.option(number), fc.option(text), fc.option(fc.boolean())),
              {
                minLength: 0,
                maxLength: 30,
              },
            ),
            fc.integer({ min: 1, max: 7 }),
            async (rows, per) => {
              await db.transaction(async (trx) => {
                await trx.execute(
                  sql`create temp table written (n integer, i integer, x double precision, a text, b boolean, big bigint) on commit drop`,
                );
                const writer = new CopyBinaryWriter([
                  'integer',
                  'integer',
                  'double precision',
                  'text',
                  'boolean',
                  'bigint',
                ]);
                const chunks: Uint8Array[] = [];
                rows.forEach((row, n) => {
                  writer.row([n, ...row, n * 4294967296]);
                  if (writer.rows === per) chunks.push(writer.take());
                });
                chunks.push(writer.take());
                const columns = ['n', 'i', 'x', 'a', 'b', 'big'];
                for (const chunk of chunks) {
                  await copyChunks(postgresClientOf(trx)!, 'written', columns, [chunk], 'binary');
                }
                const read = await queryRows<{
                  i: number | null;
                  x: number | null;
                  a: string | null;
                  b: boolean | null;
                  big: string;
                }>(trx, sql`select i, x, a, b, big from written order by n`);
                assert.deepEqual(
                  read.map((r) => [r.i, r.x === null ? null : Number(r.x), r.a, r.b]),
                  rows.map(([i, x, a, b]) => [i, x === null ? null : x === 0 ? 0 : x, a, b]),
                );
                assert.deepEqual(
                  read.map((r) => r.big),
                  rows.map((_, n) => String(n * 4294967296)),
                );
              });
            },
          ),
          { numRuns: 60 },
        );
      } finally {
        await t.cleanup();
      }
    });
  });
}
