import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvText } from '../../src/decisions/csv-text.js';
import { formatFinancialYear } from '../../src/decisions/format-financial-year.js';
import { parseFinancialYear } from '../../src/decisions/parse-financial-year.js';
import { formatPounds } from '../../src/money/format-pounds.js';
import { maxPence, parsePounds } from '../../src/money/parse-pounds.js';
import { penceAsPounds } from '../../src/money/pence-as-pounds.js';

describe('decision money and years', () => {
  it('reads amounts typed by people exactly, to the penny, never through a float', () => {
    const cases: [string, number | null][] = [
      ['150,000', 15_000_000],
      ['3,200.50', 320_050],
      ['£49,995', 4_999_500],
      ['  £ 20000 ', 2_000_000],
      ['0.29', 29],
      ['1.1', 110],
      ['0.07', 7],
      ['1,234,567.89', 123_456_789],
      ['10000.01', 1_000_001],
      ['0', 0],
      ['1,00', null],
      ['12.345', null],
      ['1,0000', null],
      ['-5', null],
      ['£', null],
      ['1e6', null],
      ['150 000', null],
      ['', null],
    ];
    for (const [text, pence] of cases) assert.equal(parsePounds(text), pence, text);
    assert.equal(parsePounds('1,000,000,000,000'), maxPence);
    // Above the maximum it is still an amount: the form says it is too large rather than not an amount.
    assert.ok(parsePounds('10,000,000,000,000')! > maxPence);
  });

  it('shows pence as pounds, with pence only where there are some', () => {
    assert.equal(formatPounds(15_000_000), '£150,000');
    assert.equal(formatPounds(320_050), '£3,200.50');
    assert.equal(formatPounds(7), '£0.07');
    assert.equal(formatPounds(0), '£0');
    assert.equal(formatPounds(123_456_789_012_345), '£1,234,567,890,123.45');
    assert.equal(penceAsPounds(15_000_000), '150000.00');
    assert.equal(penceAsPounds(320_050), '3200.50');
    assert.equal(penceAsPounds(5), '0.05');
  });

  it('reads and writes financial years as the year they start', () => {
    assert.equal(parseFinancialYear('2024-25'), 2024);
    assert.equal(parseFinancialYear('2024/25'), 2024);
    assert.equal(parseFinancialYear('2024/2025'), 2024);
    assert.equal(parseFinancialYear('2099-00'), 2099);
    for (const bad of ['2024-26', '2024', '24-25', '2024-2026', 'next year'])
      assert.equal(parseFinancialYear(bad), null, bad);
    assert.equal(formatFinancialYear(2024), '2024-25');
    assert.equal(formatFinancialYear(2099), '2099-00');
  });

  it('keeps CSV text from being run as a formula', () => {
    for (const risky of ['=SUM(A1)', '+1', '-1+2', '@cmd', '\t=1', '\r=1'])
      assert.equal(csvText(risky), `'${risky}`);
    assert.equal(csvText('MD3326'), 'MD3326');
    assert.equal(csvText(null), '');
  });
});
