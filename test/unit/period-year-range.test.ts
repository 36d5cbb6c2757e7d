import assert from 'node:assert/strict';
import { test } from 'node:test';
import { periodYearRange } from '../../src/indicators/period-year-range.js';

test('the years a Fingertips period covers', () => {
  const cases: [string, number][] = [
    ['2015', 1],
    ['2015/16', 1],
    ['2013 - 15', 3],
    ['2011 - 15', 5],
    ['1999 - 01', 3],
    ['2013/14 - 15/16', 3],
    ['2010 - 2012', 3],
    ['2015 Q1', 1],
    ['Jan 2020', 1],
  ];
  for (const [period, years] of cases) assert.equal(periodYearRange(period), years, period);
});
