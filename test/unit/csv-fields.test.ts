import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import {
  gssCodeCell,
  integerCell,
  optionalNumberCell,
  optionalTextCell,
  requiredTextCell,
  textCell,
} from '../../src/imports/csv-fields.js';
import { validateRow } from '../../src/imports/validate-row.js';

test('numbers: empty is null; decimals and exponents read; anything else is refused with the text', () => {
  const number = optionalNumberCell({ missing: ['NA'] });
  assert.equal(number.parse(''), null);
  assert.equal(number.parse('  '), null);
  assert.equal(number.parse('NA'), null);
  assert.equal(number.parse(' 94.7261896202678 '), 94.7261896202678);
  assert.equal(number.parse('-1.5e-3'), -0.0015);
  assert.equal(number.parse('.5'), 0.5);
  for (const bad of ['abc', '0x10', '1,234', 'NaN', 'Infinity', '1e999', '1e']) {
    const result = number.safeParse(bad);
    assert.equal(result.success, false, bad);
  }
});

test('integers, codes and text', () => {
  assert.equal(integerCell({ min: 1 }).parse('93356'), 93356);
  assert.equal(integerCell({ min: 1 }).safeParse('0').success, false);
  assert.equal(integerCell().safeParse('1.5').success, false);
  assert.equal(integerCell().safeParse('3000000000').success, false);
  assert.equal(gssCodeCell().parse(' e09000001 '), 'E09000001');
  assert.equal(gssCodeCell().safeParse('E0900001').success, false);
  assert.equal(
    textCell().parse(' Campylobacter incidence rate/100,000\n'),
    'Campylobacter incidence rate/100,000',
  );
  assert.equal(optionalTextCell().parse(' '), null);
  assert.equal(requiredTextCell().safeParse('  ').success, false);
});

test('a rejected row names each bad column as the file names it', () => {
  const schema = z.object({ value: optionalNumberCell(), count: integerCell(), code: gssCodeCell() });
  const names = { value: 'Value', count: 'Count', code: 'Area Code' };
  assert.deepEqual(validateRow(schema, { value: '1', count: '2', code: 'E92000001' }, names), {
    ok: true,
    row: { value: 1, count: 2, code: 'E92000001' },
  });
  assert.deepEqual(validateRow(schema, { value: 'abc', count: '', code: 'X\n1' }, names), {
    ok: false,
    reason:
      "Value: 'abc' is not a number; Count: is empty; Area Code: 'X 1' is not an ONS area code (such as E09000001)",
  });
});
