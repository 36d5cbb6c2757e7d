import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import fc from 'fast-check';
import { type CopyBinaryType, CopyBinaryWriter } from '../../src/db/copy-binary-writer.js';
import { readCopyBinaryRows } from '../../src/db/read-copy-binary-rows.js';

const dir = mkdtempSync(join(tmpdir(), 'healthhub-copy-binary-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

const COLUMNS: CopyBinaryType[] = ['integer', 'bigint', 'double precision', 'text', 'boolean'];

async function read(bytes: Uint8Array, batchSize: number, columns = COLUMNS): Promise<unknown[][][]> {
  const path = join(dir, `${++n}.copy`);
  writeFileSync(path, bytes);
  const batches: unknown[][][] = [];
  for await (const batch of readCopyBinaryRows(path, columns, batchSize)) batches.push(batch);
  return batches;
}

const row = fc.tuple(
  fc.option(fc.integer({ min: -2147483648, max: 2147483647 })),
  fc.option(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n })),
  fc.option(fc.double()),
  fc.option(fc.string({ unit: 'grapheme' })),
  fc.option(fc.boolean()),
);

test('what CopyBinaryWriter writes reads back, in batches, bigint as text and -0 as 0', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(row, { maxLength: 40 }), fc.integer({ min: 1, max: 9 }), async (rows, size) => {
      const writer = new CopyBinaryWriter(COLUMNS);
      for (const r of rows) writer.row(r);
      const batches = await read(writer.take(), size);
      assert.ok(batches.every((b, i) => b.length === (i < batches.length - 1 ? size : b.length)));
      assert.deepEqual(
        batches.flat(),
        rows.map(([i, big, x, t, b]) => [i, big === null ? null : String(big), x === 0 ? 0 : x, t, b]),
      );
    }),
    { numRuns: 200 },
  );
});

test('rows and characters split across the reads of a large file come whole', async () => {
  const writer = new CopyBinaryWriter(['integer', 'text']);
  const expected = Array.from({ length: 30_000 }, (_, i) => [i, `£€🙂 ${'é'.repeat(i % 13)}`]);
  for (const r of expected) writer.row(r);
  const bytes = writer.take();
  assert.ok(bytes.length > 1 << 19, 'more than two reads');
  const batches = await read(bytes, 7_000, ['integer', 'text']);
  assert.deepEqual(batches.flat(), expected);
});

test('a file that is not a whole COPY binary stream is refused', async () => {
  const writer = new CopyBinaryWriter(['integer']);
  writer.row([1]);
  const bytes = writer.take();
  await assert.rejects(read(bytes.subarray(0, bytes.length - 2), 10, ['integer']), /ends inside a row/);
  await assert.rejects(read(new TextEncoder().encode('1\t2\n'), 10, ['integer']), /no signature/);
  await assert.rejects(read(bytes, 10, ['integer', 'text']), /a row of 1 fields, not 2/);
  await assert.rejects(read(bytes, 10, ['bigint']), /a bigint field of 4 bytes/);
  await assert.rejects(read(new Uint8Array([...bytes, 0, 1]), 10, ['integer']), /after its trailer/);
});
