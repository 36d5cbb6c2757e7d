import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dateInputParts, datePartsOf } from '../../src/app/date-input-parts.js';
import { dateInputSchema } from '../../src/app/date-input-schema.js';
import { formatLongDate } from '../../src/app/format-long-date.js';
import { londonToday } from '../../src/app/london-today.js';

const due = dateInputSchema('due date');
const message = (parts: { day?: string; month?: string; year?: string }) => {
  const result = due.safeParse({ day: '', month: '', year: '', ...parts });
  return result.success ? result.data : `error: ${result.error.issues[0]!.message}`;
};

describe('GOV.UK date input', () => {
  test('gives the date as YYYY-MM-DD', () => {
    assert.equal(message({ day: '1', month: '2', year: '2026' }), '2026-02-01');
    assert.equal(message({ day: ' 29 ', month: '02', year: '2028' }), '2028-02-29');
  });

  test("refuses with the design system's messages", () => {
    assert.equal(message({}), 'error: Enter the due date');
    assert.equal(message({ day: '1', year: '2026' }), 'error: Due date must include a month');
    assert.equal(message({ year: '2026' }), 'error: Due date must include a day and month');
    assert.equal(message({ day: '29', month: '2', year: '2026' }), 'error: Due date must be a real date');
    assert.equal(message({ day: '31', month: '4', year: '2026' }), 'error: Due date must be a real date');
    assert.equal(message({ day: 'one', month: '4', year: '2026' }), 'error: Due date must be a real date');
    assert.equal(message({ day: '1', month: '4', year: '26' }), 'error: Year must include 4 numbers');
  });

  test('an optional date may be left empty, but not half filled in', () => {
    const optional = dateInputSchema('date they joined', { optional: true });
    assert.equal(optional.parse({ day: '', month: '', year: '' }), null);
    assert.equal(optional.safeParse({ day: '1', month: '', year: '' }).success, false);
  });

  test('reads the parts from a form, and fills them from a stored date', () => {
    assert.deepEqual(
      dateInputParts({ 'dueOn-day': '3', 'dueOn-month': '7', 'dueOn-year': '2026' }, 'dueOn'),
      {
        day: '3',
        month: '7',
        year: '2026',
      },
    );
    assert.deepEqual(dateInputParts({ 'dueOn-day': ['3', '4'] }, 'dueOn'), { day: '', month: '', year: '' });
    assert.deepEqual(datePartsOf('2026-07-03'), { day: '3', month: '7', year: '2026' });
  });

  test('dates as GOV.UK writes them, and today in London', () => {
    assert.equal(formatLongDate('2026-11-23'), '23 November 2026');
    assert.equal(formatLongDate(null), '');
    assert.match(formatLongDate(new Date('2026-07-01T12:05:00Z')), /^1 July 2026, 1:05\spm$/);
    // 23:30 UTC on 31 March 2026 is already 1 April in London (British Summer Time).
    assert.equal(londonToday(new Date('2026-03-31T23:30:00Z')), '2026-04-01');
    assert.equal(londonToday(new Date('2026-12-31T23:30:00Z')), '2026-12-31');
  });
});
