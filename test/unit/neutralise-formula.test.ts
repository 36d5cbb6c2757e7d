import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvCell } from '../../src/app/csv-cell.js';
import { neutraliseFormula } from '../../src/app/neutralise-formula.js';

test('text that would start a spreadsheet formula gets a leading apostrophe', () => {
  for (const text of ['=SUM(A1)', '+cmd', '-2+3', '@x', '\tx', '\rx', '=1']) {
    assert.equal(neutraliseFormula(text), `'${text}`);
  }
});

test('numbers and number-like text are left alone, as data', () => {
  for (const value of [-1.5, 0, '-1.5', '+2', '-.5', '-1e-5', 'Hackney', '', 'a=b']) {
    assert.equal(neutraliseFormula(value), value);
  }
});

test('csvCell neutralises before quoting', () => {
  assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
  assert.equal(csvCell(-3), '-3');
  assert.equal(csvCell(null), '');
});
