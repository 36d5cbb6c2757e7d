// createRowValidator reads clean records with the cells' own functions and leaves the rest to zod: whatever
// the record, its result must be the one its zod schema gives.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { createRowValidator } from '../../src/imports/create-row-validator.js';
import {
  CellIssue,
  gssCodeCell,
  integerCell,
  optionalNumberCell,
  optionalTextCell,
  refineCell,
  requiredTextCell,
  textCell,
} from '../../src/imports/csv-fields.js';
import { validateRow } from '../../src/imports/validate-row.js';

const validate = createRowValidator(
  {
    id: integerCell({ min: 1, max: 1000 }),
    code: gssCodeCell(),
    name: requiredTextCell(),
    note: optionalTextCell(),
    kind: refineCell(textCell(), (text) => (text === 'bad' ? new CellIssue(`'${text}' is refused`) : text)),
    lower: optionalNumberCell({ missing: ['NA'] }),
    upper: optionalNumberCell(),
  },
  {
    check: (row) =>
      row.lower !== null && row.upper !== null && row.lower > row.upper
        ? [{ key: 'lower', message: `${row.lower} is above the upper limit ${row.upper}` }]
        : [],
    build: (row) => ({
      ...row,
      width: row.lower === null || row.upper === null ? null : row.upper - row.lower,
    }),
  },
);
const names = {
  id: 'ID',
  code: 'Code',
  name: 'Name',
  note: 'Note',
  kind: 'Kind',
  lower: 'Lower',
  upper: 'Upper',
};

const cellText = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'NA',
    'bad',
    '0',
    '1',
    '1000',
    '1001',
    '-3',
    '1.5',
    '2e2',
    'E09000001',
    ' e12000007 ',
  ),
  fc.integer({ min: -5, max: 1500 }).map(String),
  fc.double({ noNaN: true }).map(String),
  fc.string({ maxLength: 12 }),
);

test('any record: the same row or the same reasons as the zod schema', () => {
  fc.assert(
    fc.property(
      fc.record({
        id: cellText,
        code: cellText,
        name: cellText,
        note: cellText,
        kind: cellText,
        lower: cellText,
        upper: cellText,
      }),
      (values) => {
        assert.deepEqual(validate(values, names), validateRow(validate.schema, values, names));
      },
    ),
    { numRuns: 2000 },
  );
});

test('a clean record is read; a bad cell or a cross-cell problem gives zod reasons naming the column', () => {
  const clean = {
    id: '7',
    code: ' e09000001',
    name: ' Hackney ',
    note: '',
    kind: 'x',
    lower: '1.5',
    upper: '2.5',
  };
  assert.deepEqual(validate(clean, names), {
    ok: true,
    row: {
      id: 7,
      code: 'E09000001',
      name: 'Hackney',
      note: null,
      kind: 'x',
      lower: 1.5,
      upper: 2.5,
      width: 1,
    },
  });
  assert.deepEqual(validate({ ...clean, id: '0', kind: 'bad' }, names), {
    ok: false,
    reason: "ID: '0' is out of range (1 to 1000); Kind: 'bad' is refused",
  });
  assert.deepEqual(validate({ ...clean, lower: '3' }, names), {
    ok: false,
    reason: 'Lower: 3 is above the upper limit 2.5',
  });
  // A record without one of the cells (not a string) is zod's to refuse.
  const { note: _, ...missing } = clean;
  assert.equal(validate(missing as typeof clean, names).ok, false);
});
