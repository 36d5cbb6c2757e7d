import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ImportError } from '../../src/imports/import-error.js';
import { type CsvRecord, type ReadCsvOptions, readCsvRecords } from '../../src/imports/read-csv-records.js';

const dir = mkdtempSync(join(tmpdir(), 'healthhub-read-csv-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

async function read(text: string | Buffer, options: ReadCsvOptions = {}): Promise<CsvRecord[]> {
  const path = join(dir, `${++n}.csv`);
  writeFileSync(path, text);
  const records: CsvRecord[] = [];
  for await (const record of readCsvRecords(path, options)) records.push(record);
  return records;
}

async function refused(text: string, code: string, line: number, options: ReadCsvOptions = {}) {
  await assert.rejects(read(text, options), (error: unknown) => {
    assert.ok(error instanceof ImportError);
    assert.equal(error.code, code);
    assert.equal(error.line, line);
    return true;
  });
}

test('records carry the line they start on, across quoted line breaks (\\n, \\r\\n) and blank lines', async () => {
  const records = await read('a,b,c\r\n1,"x\ny",3\r\n\r\n4,"p\r\nq\r\nr",6\r\n7,8,9\r\n');
  assert.deepEqual(records, [
    { line: 1, fields: ['a', 'b', 'c'] },
    { line: 2, fields: ['1', 'x\ny', '3'] },
    { line: 5, fields: ['4', 'p\r\nq\r\nr', '6'] },
    { line: 8, fields: ['7', '8', '9'] },
  ]);
});

test('a byte order mark is dropped; a last line without a line break is read', async () => {
  const records = await read(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('"a",b\n1,2')]));
  assert.deepEqual(records, [
    { line: 1, fields: ['a', 'b'] },
    { line: 2, fields: ['1', '2'] },
  ]);
});

test('rows short by the optional trailing fields are padded; other lengths are passed on as they are', async () => {
  const records = await read('a,b,c\n1,2\n1\n1,2,3,4\n5,6,7\n', { optionalTrailingFields: 1 });
  assert.deepEqual(
    records.map((r) => r.fields),
    [['a', 'b', 'c'], ['1', '2', ''], ['1'], ['1', '2', '3', '4'], ['5', '6', '7']],
  );
});

test('a truncated file is refused: last record too short, or ending inside a quoted field', async () => {
  await refused('a,b,c\n1,2,3\n4,5', 'IMPORT_TRUNCATED', 3);
  await refused('a,b,c,d\n1,2,3,4\n4,5', 'IMPORT_TRUNCATED', 3, { optionalTrailingFields: 1 });
  await refused('a,b,c\n1,2,3\n4,"5\n6', 'IMPORT_TRUNCATED', 3);
  // One field short is a Fingertips row, not a truncation, when the importer allows it.
  assert.equal((await read('a,b,c\n1,2,3\n4,5', { optionalTrailingFields: 1 })).length, 3);
});

test('broken quoting is refused as malformed, naming the record', async () => {
  await refused('a,b\n1,2\n3,"4"x\n', 'IMPORT_MALFORMED_CSV', 3);
  await refused('a,b\n1,2"3\n', 'IMPORT_MALFORMED_CSV', 2);
  await refused(`a,b\n1,"${'x'.repeat(200)}\n`, 'IMPORT_MALFORMED_CSV', 2, { maxRecordSize: 100 });
});

test('every byte is seen by onChunk; an unreadable file is IMPORT_UNREADABLE', async () => {
  const text = `a,b\n${'1,2\n'.repeat(50_000)}`;
  let bytes = 0;
  const records = await read(text, { onChunk: (chunk) => (bytes += chunk.length) });
  assert.equal(records.length, 50_001);
  assert.equal(bytes, Buffer.byteLength(text));
  await assert.rejects(
    async () => {
      for await (const _ of readCsvRecords(join(dir, 'absent.csv'))) {
        // nothing
      }
    },
    (error: unknown) => error instanceof ImportError && error.code === 'IMPORT_UNREADABLE',
  );
});
