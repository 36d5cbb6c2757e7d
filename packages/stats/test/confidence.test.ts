import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ciColumnNames, confidenceLabel, normaliseConfidence, StatsInputError } from '../src/index.js';

function throwsCode(fn: () => unknown, code: string, wording: string): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof StatsInputError);
    assert.equal(e.code, code);
    assert.ok(e.message.includes(wording), e.message);
    return true;
  });
}

test('normaliseConfidence scales percent-style levels and keeps fractions', () => {
  assert.deepEqual(normaliseConfidence(0.95), [0.95]);
  assert.deepEqual(normaliseConfidence(95), [0.95]);
  assert.deepEqual(normaliseConfidence(99.8), [0.998]);
  assert.deepEqual(normaliseConfidence(0.9), [0.9]);
  assert.deepEqual(normaliseConfidence(1), [1]);
  assert.deepEqual(normaliseConfidence(100), [1]);
  assert.deepEqual(normaliseConfidence([0.95]), [0.95]);
  assert.deepEqual(normaliseConfidence([0.95, 0.998]), [0.95, 0.998]);
});

test('normaliseConfidence rejects what R rejects, with R wording', () => {
  const range = 'confidence level must be between 90 and 100 or between 0.9 and 1';
  throwsCode(() => normaliseConfidence(0.8), 'CONFIDENCE_OUT_OF_RANGE', range);
  throwsCode(() => normaliseConfidence(3), 'CONFIDENCE_OUT_OF_RANGE', range);
  throwsCode(() => normaliseConfidence(1000), 'CONFIDENCE_OUT_OF_RANGE', range);
  throwsCode(() => normaliseConfidence(Number.NaN), 'CONFIDENCE_OUT_OF_RANGE', range);
  throwsCode(
    () => normaliseConfidence([90.95, 0.998, 1]),
    'TOO_MANY_CONFIDENCE_LEVELS',
    'a maximum of two confidence levels can be provided',
  );
  const pair = 'two confidence levels can only be produced if they are specified as 0.95 and 0.998';
  throwsCode(() => normaliseConfidence([0.95, 1]), 'INVALID_CONFIDENCE_PAIR', pair);
  throwsCode(() => normaliseConfidence([95, 99.8]), 'INVALID_CONFIDENCE_PAIR', pair);
  throwsCode(() => normaliseConfidence([]), 'NO_CONFIDENCE_LEVEL', 'at least one');
});

test('normaliseConfidence anyPair accepts other in-range pairs', () => {
  assert.deepEqual(normaliseConfidence([95, 99], { anyPair: true }), [0.95, 0.99]);
  throwsCode(
    () => normaliseConfidence([0.95, 0.5], { anyPair: true }),
    'CONFIDENCE_OUT_OF_RANGE',
    'between 90',
  );
});

test('ciColumnNames follows R naming', () => {
  assert.deepEqual(ciColumnNames([0.95]), [{ lower: 'lowercl', upper: 'uppercl' }]);
  assert.deepEqual(ciColumnNames([0.998]), [{ lower: 'lowercl', upper: 'uppercl' }]);
  assert.deepEqual(ciColumnNames([0.95, 0.998]), [
    { lower: 'lower95_0cl', upper: 'upper95_0cl' },
    { lower: 'lower99_8cl', upper: 'upper99_8cl' },
  ]);
});

test('confidenceLabel prints as R pastes', () => {
  assert.equal(confidenceLabel([0.95]), '95%');
  assert.equal(confidenceLabel([0.998]), '99.8%');
  assert.equal(confidenceLabel([0.9]), '90%');
  assert.equal(confidenceLabel([0.95, 0.998]), '95%, 99.8%');
  assert.equal(confidenceLabel(normaliseConfidence(99.8)), '99.8%');
});
