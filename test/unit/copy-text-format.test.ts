import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import fc from 'fast-check';
import { copyTextField } from '../../src/db/copy-text-format.js';
import { readCopyTextLines } from '../../src/db/read-copy-text-lines.js';

/** Text as PostgreSQL's COPY TO writes a field of it. */
const copyTextEscape = (text: string) =>
  text.replaceAll('\\', '\\\\').replaceAll('\t', '\\t').replaceAll('\n', '\\n').replaceAll('\r', '\\r');
const copyTextFields = (line: string) => line.split('\t').map(copyTextField);

const dir = mkdtempSync(join(tmpdir(), 'healthhub-copy-text-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

async function lines(text: string, batchSize: number): Promise<string[][]> {
  const path = join(dir, `${++n}.copy`);
  writeFileSync(path, text);
  const batches: string[][] = [];
  for await (const batch of readCopyTextLines(path, batchSize)) batches.push(batch);
  return batches;
}

test('a field of COPY text: \\N is NULL, escapes are undone, other text is as it is', () => {
  assert.equal(copyTextField('\\N'), null);
  assert.equal(copyTextField(''), '');
  assert.equal(copyTextField('plain text, "quoted"'), 'plain text, "quoted"');
  assert.equal(copyTextField('a\\tb\\nc\\rd\\\\e'), 'a\tb\nc\rd\\e');
  assert.equal(copyTextField('\\b\\f\\v'), '\b\f\v');
  assert.equal(copyTextField('\\\\N'), '\\N');
  // Octal and hex escapes (COPY FROM reads them; COPY TO never writes them).
  assert.equal(copyTextField('\\101\\x42\\7'), 'AB\u0007');
  // Any other escaped character stands for itself.
  assert.equal(copyTextField('\\.\\q'), '.q');
});

test('what COPY TO writes, copyTextField reads back, for any text', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), (text) => {
      assert.equal(copyTextField(copyTextEscape(text)), text);
      assert.ok(!/[\t\n\r]/.test(copyTextEscape(text)));
    }),
  );
  assert.equal(copyTextEscape('\\N'), '\\\\N');
});

test('a line of COPY text is split at its tabs into fields, NULLs kept', () => {
  assert.deepEqual(copyTextFields('1\t\\N\tx\\ty\t'), ['1', null, 'x\ty', '']);
  fc.assert(
    fc.property(fc.array(fc.option(fc.string({ unit: 'binary' }))), (fields) => {
      fc.pre(fields.length > 0);
      const line = fields.map((f) => (f === null ? '\\N' : copyTextEscape(f))).join('\t');
      assert.deepEqual(copyTextFields(line), fields);
    }),
  );
});

test('the lines of a file come in batches, without their line breaks', async () => {
  assert.deepEqual(await lines('a\tb\nc\\nd\n\ne\n', 2), [
    ['a\tb', 'c\\nd'],
    ['', 'e'],
  ]);
  assert.deepEqual(await lines('', 5), []);
});

test('lines and characters split across the reads of a large file come whole', async () => {
  // Over a megabyte (one read), with multi-byte characters everywhere a read might end.
  const expected = Array.from({ length: 60_000 }, (_, i) => `${i}\t£€🙂 ${'é'.repeat(i % 7)}\t\\N`);
  const batches = await lines(`${expected.join('\n')}\n`, 7_000);
  assert.deepEqual(batches.flat(), expected);
  assert.ok(batches.slice(0, -1).every((b) => b.length === 7_000));
});

test('a file that ends inside a row is refused', async () => {
  await assert.rejects(lines('a\nb', 10), /ends inside a row/);
});
