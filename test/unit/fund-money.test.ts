import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { financialYearLabel } from '../../src/funds/financial-year-label.js';
import { formatPounds } from '../../src/money/format-pounds.js';
import { maxPence, parsePounds } from '../../src/money/parse-pounds.js';
import { penceAsPounds } from '../../src/money/pence-as-pounds.js';

describe('fund money: pounds typed, shown and downloaded', () => {
  it('parses amounts typed in pounds exactly to pence', () => {
    const cases: [string, number | null][] = [
      ['150,000', 15_000_000],
      ['£150,000', 15_000_000],
      ['£ 3,200.50', 320_050],
      ['49995', 4_999_500],
      ['0.29', 29],
      ['0.1', 10],
      ['1,234,567.89', 123_456_789],
      ['  7  ', 700],
      ['0', 0],
      ['1,50,000', null],
      ['1.234', null],
      ['-5', null],
      ['£', null],
      ['12 pounds', null],
      ['1e5', null],
      ['', null],
    ];
    for (const [text, pence] of cases) assert.equal(parsePounds(text), pence, text);
    assert.ok(parsePounds('99999999999999')! > maxPence, 'too large is reported as too large');
  });

  it('shows pence as £ with thousands separators, and pence only when there are some', () => {
    assert.equal(formatPounds(15_000_000), '£150,000');
    assert.equal(formatPounds(320_050), '£3,200.50');
    assert.equal(formatPounds(7), '£0.07');
    assert.equal(formatPounds(0), '£0');
    assert.equal(formatPounds(-100_000), '-£1,000');
    assert.equal(formatPounds(maxPence), '£1,000,000,000,000');
  });

  it('writes pounds for CSV as plain decimals', () => {
    assert.equal(penceAsPounds(15_000_000), '150000.00');
    assert.equal(penceAsPounds(5), '0.05');
    assert.equal(penceAsPounds(-250), '-2.50');
  });

  it('reads back every amount it shows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: maxPence }), (pence) => {
        assert.equal(parsePounds(formatPounds(pence)), pence);
        assert.equal(parsePounds(penceAsPounds(pence)), pence);
      }),
    );
  });

  it('names financial years as people write them', () => {
    assert.equal(financialYearLabel(2024), '2024-25');
    assert.equal(financialYearLabel(2099), '2099-00');
    assert.equal(financialYearLabel(2009), '2009-10');
  });
});
