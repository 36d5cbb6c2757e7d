import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { missionStatus } from '../../src/mission/mission-status.js';
import { periodYear } from '../../src/mission/period-year.js';
import { trajectoryValue } from '../../src/mission/trajectory-value.js';

// Higher is better: 60 in 2015 aimed at 70 by 2035, so the trajectory is 65 in 2025.
const rising = { baselineYear: 2015, baselineValue: 60, targetYear: 2035, targetValue: 70 } as const;
// Lower is better: 20 in 2015 aimed at 10 by 2035, so the trajectory is 15 in 2025.
const falling = { baselineYear: 2015, baselineValue: 20, targetYear: 2035, targetValue: 10 } as const;

describe('trajectoryValue', () => {
  test('is a straight line from baseline to target, held flat outside them', () => {
    assert.equal(trajectoryValue(rising, 2025), 65);
    assert.equal(trajectoryValue(falling, 2025), 15);
    assert.equal(trajectoryValue(rising, 2010), 60);
    assert.equal(trajectoryValue(rising, 2040), 70);
    assert.equal(trajectoryValue({ ...rising, targetYear: 2015 }, 2020), 70);
  });
});

describe('missionStatus', () => {
  test('high is good: on track at or above the trajectory, off track below it', () => {
    const at = (value: number) =>
      missionStatus({ ...rising, polarity: 'high-is-good', latest: { year: 2025, value } });
    assert.equal(at(66), 'On track');
    assert.equal(at(65), 'On track', 'exactly on the trajectory');
    assert.equal(at(64.9), 'Off track');
    assert.equal(at(58), 'Off track', 'worse than baseline');
  });

  test('low is good: on track at or below the trajectory, off track above it', () => {
    const at = (value: number) =>
      missionStatus({ ...falling, polarity: 'low-is-good', latest: { year: 2025, value } });
    assert.equal(at(14), 'On track');
    assert.equal(at(15), 'On track', 'exactly on the trajectory');
    assert.equal(at(15.1), 'Off track');
    assert.equal(at(22), 'Off track', 'worse than baseline');
  });

  test('float noise on the trajectory does not make a value off track', () => {
    const line = { baselineYear: 2015, baselineValue: 0.7, targetYear: 2035, targetValue: 0.1 };
    assert.ok(trajectoryValue(line, 2025) < 0.4, 'halfway from 0.7 to 0.1 falls just short of 0.4 in floats');
    assert.equal(
      missionStatus({ ...line, polarity: 'low-is-good', latest: { year: 2025, value: 0.4 } }),
      'On track',
    );
  });

  test('no latest value is no data', () => {
    assert.equal(missionStatus({ ...rising, polarity: 'high-is-good', latest: null }), 'No data');
    assert.equal(
      missionStatus({ ...rising, polarity: 'high-is-good', latest: { year: 2025, value: Number.NaN } }),
      'No data',
    );
  });

  test('a latest period before the baseline is no data', () => {
    assert.equal(
      missionStatus({ ...rising, polarity: 'high-is-good', latest: { year: 2013, value: 90 } }),
      'No data',
    );
  });

  test('the baseline year itself is on track unless worse than the baseline', () => {
    const at = (value: number) =>
      missionStatus({ ...rising, polarity: 'high-is-good', latest: { year: 2015, value } });
    assert.equal(at(60), 'On track');
    assert.equal(at(59), 'Off track');
  });

  test('a reached target is on track, in any year, both polarities', () => {
    assert.equal(
      missionStatus({ ...rising, polarity: 'high-is-good', latest: { year: 2016, value: 71 } }),
      'On track',
    );
    assert.equal(
      missionStatus({ ...falling, polarity: 'low-is-good', latest: { year: 2040, value: 10 } }),
      'On track',
    );
    assert.equal(
      missionStatus({ ...falling, polarity: 'low-is-good', latest: { year: 2040, value: 11 } }),
      'Off track',
      'after the target year the trajectory is the target',
    );
  });

  test('no polarity: judged in the direction the target was set', () => {
    assert.equal(
      missionStatus({ ...falling, polarity: 'no-judgement', latest: { year: 2025, value: 14 } }),
      'On track',
    );
    assert.equal(
      missionStatus({ ...rising, polarity: 'no-judgement', latest: { year: 2025, value: 64 } }),
      'Off track',
    );
  });
});

describe('periodYear', () => {
  test('is the year a period starts in', () => {
    assert.equal(periodYear('2015'), 2015);
    assert.equal(periodYear('2015/16'), 2015);
    assert.equal(periodYear('2015 - 17'), 2015);
    assert.equal(periodYear('Q1 2015'), null);
  });
});
