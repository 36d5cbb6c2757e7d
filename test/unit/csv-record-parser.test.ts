// Differential tests: readCsvRecords (on the hand-written parser) against csv-parse driven the way
// readCsvRecords drove it before, which every import was built and tested on.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { type CsvError, parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { CsvRecordParser, lineBreaksIn } from '../../src/imports/csv-record-parser.js';
import { ImportError } from '../../src/imports/import-error.js';
import { type CsvRecord, readCsvRecords } from '../../src/imports/read-csv-records.js';

const dir = mkdtempSync(join(tmpdir(), 'healthhub-csv-parser-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

interface Outcome {
  records: CsvRecord[];
  bytes?: number;
  error?: { code: string; line: number | undefined; message: string };
}

interface Options {
  optionalTrailingFields?: number;
  maxRecordSize?: number;
}

const problems: Record<string, string> = {
  INVALID_OPENING_QUOTE: 'a quote inside an unquoted field',
  CSV_INVALID_CLOSING_QUOTE: 'text after the closing quote of a field',
  CSV_MAX_RECORD_SIZE: 'a record longer than the limit (an unclosed quote?)',
};

function csvFailure(error: CsvError, line: number): Outcome['error'] {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    return {
      code: 'IMPORT_TRUNCATED',
      line,
      message: `the file ends inside a quoted field opened in the record starting on line ${line}: it looks truncated`,
    };
  }
  const problem = problems[error.code];
  assert.ok(problem, `unexpected csv-parse error ${error.code}`);
  return {
    code: 'IMPORT_MALFORMED_CSV',
    line,
    message: `malformed CSV in the record starting on line ${line}: ${problem}`,
  };
}

/** What readCsvRecords gave on csv-parse: the header parsed alone, then the bytes after it. */
function reference(bytes: Buffer, options: Options): Outcome {
  const optional = options.optionalTrailingFields ?? 0;
  const common = {
    relax_column_count: true,
    max_record_size: options.maxRecordSize ?? 1 << 20,
    skip_records_with_error: true,
  };
  // csv-parse with the skipped records' first error, as readCsvRecords took it through on_skip.
  const run = <T>(input: Buffer, extra: object): { rows: T[]; error?: CsvError } => {
    const out: { rows: T[]; error?: CsvError } = { rows: [] };
    out.rows = parse(input, {
      ...common,
      ...extra,
      on_skip: (e: CsvError | undefined) => {
        out.error ??= e;
        return undefined;
      },
    }) as T[];
    return out;
  };
  const first = run<{ record: string[]; info: { bytes: number } }>(bytes, { bom: true, info: true });
  let nextLine = 1;
  let header: { fields: string[]; line: number; bytes: number } | undefined;
  for (const [i, { record, info }] of first.rows.entries()) {
    if (first.error && i >= Number(first.error.records ?? 0)) break;
    const line = nextLine;
    nextLine = line + 1 + lineBreaksIn(record);
    if (record.length === 1 && record[0] === '') continue;
    header = { fields: record, line, bytes: info.bytes };
    break;
  }
  if (!header) {
    return first.error
      ? { records: [], error: csvFailure(first.error, nextLine) }
      : { records: [], bytes: bytes.length };
  }
  const records: CsvRecord[] = [{ line: header.line, fields: header.fields }];
  const width = header.fields.length;
  const data = run<string[]>(bytes.subarray(header.bytes), {});
  let held: CsvRecord | undefined;
  for (const [i, fields] of data.rows.entries()) {
    if (data.error && i >= Number(data.error.records ?? 0)) break;
    const line = nextLine;
    nextLine = line + 1 + lineBreaksIn(fields);
    if (fields.length === 1 && fields[0] === '') continue;
    if (fields.length < width && fields.length >= width - optional) {
      while (fields.length < width) fields.push('');
    }
    if (held) records.push(held);
    held = { line, fields };
  }
  if (data.error) return { records, error: csvFailure(data.error, nextLine) };
  if (held) {
    if (held.fields.length < width - optional) {
      return {
        records,
        error: {
          code: 'IMPORT_TRUNCATED',
          line: held.line,
          message: `the last record (line ${held.line}) has ${held.fields.length} of the header's ${width} fields: the file looks truncated`,
        },
      };
    }
    records.push(held);
  }
  return { records, bytes: bytes.length };
}

async function actual(path: string, options: Options & { chunkSize?: number }): Promise<Outcome> {
  const records: CsvRecord[] = [];
  let bytes = 0;
  try {
    for await (const record of readCsvRecords(path, { ...options, onChunk: (c) => (bytes += c.length) })) {
      records.push(record);
    }
    return { records, bytes };
  } catch (error) {
    assert.ok(error instanceof ImportError, String(error));
    return { records, error: { code: error.code, line: error.line, message: error.message } };
  }
}

async function compare(input: string | Buffer, options: Options, chunkSizes: readonly number[]) {
  const bytes = typeof input === 'string' ? Buffer.from(input) : input;
  const path = join(dir, `${++n}.csv`);
  writeFileSync(path, bytes);
  const expected = reference(bytes, options);
  for (const chunkSize of chunkSizes) {
    assert.deepEqual(await actual(path, { ...options, chunkSize }), expected, `chunks of ${chunkSize}`);
  }
}

test('tricky inputs read as csv-parse read them, whatever the chunk boundaries', async () => {
  const inputs = [
    'a,b,c\r\n1,"x\ny",3\r\n\r\n4,"p\r\nq\r\nr",6\r\n7,8,9\r\n',
    '\ufeff"a",b\n1,2',
    'a,b\n1,2\r\n3,4\r\n', // the data find their own line ending
    'a,b\n1,2\n3,4\r\n5,6\n', // later \r is text
    'a,b\r\n1,2\r\n3,4\n5,6\r\n',
    'a,b\r1,2\r3,4\r',
    'a,b\r1,2\r\n3,4\r',
    'a,b\n1,"2"\n3,"4"\r\n', // \r after a closing quote is not the line ending
    'a,b\n1,"2"\u0000x\n3,4\n', // csv-parse reads NUL after a closing quote as the field going on
    'a,b\n1,"2"\u0000x"\n3,4\n',
    'a,b\n""\n1,2\n',
    'a,b\n1,"2" \n',
    'a,b\n1,2"3"\n',
    'a,b\n1,"2\n3,4\n',
    '\ufeff',
    '\ufeff\n\n',
    '',
    '\n\n\na,b\n1,2\n',
    '\r\n\na,b\n1,2\n',
    'a,b',
    'a,b\n1,2\n\n\n',
    'a,b\r\n1,2\r',
    'a,b\n\ufeff1,2\n',
    'a,b\n"x""y","""",""""""\n',
    'a,b\n","\n',
    'a,b\r\n1,2\n3\r\n4,5\r\n',
    'a,b\n1,2\r3\n4,5\n',
    'a,b\n1,"',
    'a,b\n",1\n',
    'a\n1\n\n2\n',
    '""\n"",""\na\n',
    'é,😀\n"é,😀\n😀","x"\n',
    'a,b,c\n1,2,3\n4,5',
    'a,b,c\n1,2\n1\n1,2,3,4\n5,6,7\n',
  ];
  for (const input of inputs) {
    for (const optionalTrailingFields of [0, 1]) {
      await compare(input, { optionalTrailingFields }, [1, 2, 3, 65536]);
    }
  }
  const long = (a: string, b: string) => `a,b\n${a},${b}\n`;
  for (const input of [
    long('x'.repeat(50), 'y'.repeat(50)),
    long('x'.repeat(50), 'y'.repeat(51)),
    long('x'.repeat(50), 'y'.repeat(52)),
    long('x'.repeat(50), 'é'.repeat(26)),
    long('é'.repeat(50), 'y'.repeat(51)),
    long(`"${'x'.repeat(120)}`, ''),
    long('x'.repeat(200), '"'),
    `${'x'.repeat(200)}\n1\n`,
  ]) {
    await compare(input, { maxRecordSize: 100 }, [1, 7, 65536]);
  }
  // Invalid UTF-8 decodes to the same replacement characters.
  await compare(
    Buffer.from([97, 44, 98, 10, 0xe2, 0x82, 44, 0xff, 10, 0xf0, 0x9f, 0x98, 10, 0xc3]),
    {},
    [1, 65536],
  );
});

const text = (chars: string[], maxLength: number) =>
  fc.array(fc.constantFrom(...chars), { maxLength }).map((a) => a.join(''));
const chunkSizes = fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 2 });

test('random well-formed CSV reads as csv-parse reads it', async () => {
  const plain = text(['a', 'b', ' ', 'é', '😀', '1'], 6);
  const quoted = text(['a', ',', '"', '\n', '\r', '\r\n', 'é', '😀', ' '], 8).map(
    (s) => `"${s.replaceAll('"', '""')}"`,
  );
  const record = fc.array(fc.oneof(plain, quoted), { minLength: 1, maxLength: 5 }).map((f) => f.join(','));
  const eol = fc.constantFrom('\n', '\r\n', '\r');
  const file = fc
    .tuple(
      fc.boolean(),
      fc.array(fc.tuple(record, eol), { maxLength: 8 }),
      fc.constantFrom('', '\n', '\r\n'),
      fc.boolean(),
    )
    .map(([bom, records, end, sameEol]) => {
      const first = records[0]?.[1] ?? '\n';
      return `${bom ? '\ufeff' : ''}${records.map(([r, e]) => r + (sameEol ? first : e)).join('')}${end}`;
    });
  await fc.assert(
    fc.asyncProperty(file, fc.integer({ min: 0, max: 2 }), chunkSizes, async (input, optional, sizes) => {
      await compare(input, { optionalTrailingFields: optional }, [...sizes, 65536]);
    }),
    { numRuns: 400 },
  );
});

test('random text, malformed or not, reads as csv-parse reads it, with any size limit', async () => {
  const input = text(['a', 'é', '😀', ',', '"', '""', '\n', '\r', '\r\n', ' ', '\u0000', '\ufeff'], 40);
  const maxRecordSize = fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined });
  await fc.assert(
    fc.asyncProperty(
      input,
      fc.integer({ min: 0, max: 2 }),
      maxRecordSize,
      chunkSizes,
      async (s, optional, max, sizes) => {
        await compare(s, { optionalTrailingFields: optional, maxRecordSize: max }, [...sizes, 65536]);
      },
    ),
    { numRuns: 1500 },
  );
});

test('random bytes, invalid UTF-8 included, read as csv-parse reads them', async () => {
  // 0xfe is left out: csv-parse took a leading FF FE for a UTF-16 byte order mark (not supported now).
  const bytes = fc
    .array(
      fc.constantFrom(
        0x61,
        0x2c,
        0x22,
        0x0a,
        0x0d,
        0x00,
        0xe2,
        0x82,
        0xac,
        0xff,
        0xf0,
        0x9f,
        0x98,
        0x80,
        0xc3,
        0xa9,
        0xef,
        0xbb,
        0xbf,
      ),
      { maxLength: 40 },
    )
    .map((a) => Buffer.from(a));
  await fc.assert(
    fc.asyncProperty(bytes, chunkSizes, async (b, sizes) => {
      await compare(b, {}, [...sizes, 65536]);
    }),
    { numRuns: 800 },
  );
});

test('the parser keeps only the unfinished record between writes', () => {
  const parser = new CsvRecordParser(1 << 20);
  parser.write('a,"b\n');
  assert.equal(parser.next(), undefined);
  parser.write('c",d\n1,2\n3');
  assert.deepEqual(parser.next(), ['a', 'b\nc', 'd']);
  assert.equal(parser.breaks, 1);
  assert.deepEqual(parser.next(), ['1', '2']);
  assert.equal(parser.next(), undefined);
  assert.equal(
    (parser as unknown as { text: string; pos: number }).text.slice(
      (parser as unknown as { pos: number }).pos,
    ),
    '3',
  );
  parser.end();
  assert.deepEqual(parser.next(), ['3']);
  assert.equal(parser.next(), undefined);
});
