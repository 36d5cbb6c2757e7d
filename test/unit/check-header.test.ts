import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkHeader, fieldsByKey, type HeaderColumn } from '../../src/imports/check-header.js';
import { ImportError } from '../../src/imports/import-error.js';

const columns: HeaderColumn<'code' | 'value' | 'parent' | 'range'>[] = [
  { key: 'code', name: 'Area Code' },
  { key: 'value', name: 'Value' },
  {
    key: 'parent',
    name: 'Compared to Region value or percentiles',
    pattern: /^compared to (?!england ).*percentiles$/,
  },
  { key: 'range', name: 'Time period range', optional: true },
];

test('columns are found in any order, ignoring case and spaces; an absent optional column is -1', () => {
  const match = checkHeader([' value', 'Compared to ICB value or percentiles', 'AREA  CODE'], columns);
  assert.deepEqual(match.index, { code: 2, value: 0, parent: 1, range: -1 });
  assert.equal(match.names.parent, 'Compared to ICB value or percentiles');
  assert.equal(match.width, 3);
  assert.deepEqual(fieldsByKey(['1.5', 'Better', 'E09000001'], match), {
    code: 'E09000001',
    value: '1.5',
    parent: 'Better',
    range: '',
  });
});

test('missing, unexpected and repeated columns are all named', () => {
  assert.throws(
    () => checkHeader(['Area Code', 'Valeu', 'Compared to percentiles', 'Area Code'], columns),
    (error: unknown) => {
      assert.ok(error instanceof ImportError);
      assert.equal(error.code, 'IMPORT_BAD_HEADER');
      assert.equal(error.line, 1);
      assert.equal(
        error.message,
        'the header does not match the format: missing "Value"; unexpected "Valeu"; repeated "Area Code"',
      );
      return true;
    },
  );
});
