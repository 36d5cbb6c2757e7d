import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadConfig } from '../../src/config/config.js';
import { ConfigError } from '../../src/errors/config-error.js';
import {
  defaultRiskBanding,
  describeBanding,
  parseRiskBanding,
  possibleRiskScores,
  ragForScore,
} from '../../src/risks/risk-banding.js';

const refused = (text: string, pattern: RegExp) =>
  assert.throws(
    () => parseRiskBanding(text),
    (error: unknown) =>
      error instanceof ConfigError &&
      error.code === 'CONFIG_INVALID' &&
      error.variable === 'RISK_BANDING' &&
      pattern.test(error.message),
  );

describe('risk banding', () => {
  test('the scores a 1-5 × 1-5 rating can give', () => {
    assert.deepEqual(possibleRiskScores, [1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16, 20, 25]);
  });

  test('the default banding: green 1-6, amber 8-12, red 15-25', () => {
    const banding = parseRiskBanding(defaultRiskBanding);
    const rag = (s: number) => ragForScore(banding, s);
    assert.deepEqual([1, 4, 6].map(rag), ['green', 'green', 'green']);
    assert.deepEqual([8, 9, 10, 12].map(rag), ['amber', 'amber', 'amber', 'amber']);
    assert.deepEqual([15, 16, 20, 25].map(rag), ['red', 'red', 'red', 'red']);
    assert.equal(describeBanding(banding), 'green 1 to 6, amber 8 to 12, red 15 to 25');
  });

  test('bands may be given in any order, with spaces, and may leave scores that never occur uncovered', () => {
    const banding = parseRiskBanding(' red:13-25 , green:1-4,amber:5-12');
    assert.deepEqual(
      banding.map((b) => b.rag),
      ['green', 'amber', 'red'],
    );
    assert.equal(ragForScore(banding, 5), 'amber');
    assert.equal(ragForScore(banding, 15), 'red');
    // 7 and 11 can never be a score, so a banding need not say what they are.
    assert.equal(parseRiskBanding('green:1-6,amber:8-10,red:12-25').length, 3);
  });

  test('refuses a banding that leaves a possible score without a RAG', () => {
    refused('green:1-6,amber:9-12,red:15-25', /no band covers the score 8/);
    refused('green:1-6,amber:8-12,red:16-25', /no band covers the score 15/);
    refused('green:2-6,amber:8-12,red:15-25', /no band covers the score 1\b/);
  });

  test('refuses overlapping bands, even over scores that never occur', () => {
    refused('green:1-8,amber:8-12,red:15-25', /overlap/);
    refused('green:1-7,amber:7-12,red:15-25', /overlap/);
  });

  test('refuses malformed bands', () => {
    refused('', /is not a band/);
    refused('green:1-6;amber:8-12;red:15-25', /is not a band/);
    refused('blue:1-6,amber:8-12,red:15-25', /is not a band/);
    refused('green:6-1,amber:8-12,red:15-25', /lowest first/);
    refused('green:0-6,amber:8-12,red:15-25', /within 1-25/);
    refused('green:1-6,amber:8-12,red:15-26', /within 1-25/);
  });

  test('RISK_BANDING in the environment: the default, a valid one, and a bad one stopping start-up', () => {
    assert.equal(ragForScore(loadConfig({}).riskBanding, 12), 'amber');
    assert.equal(
      ragForScore(loadConfig({ RISK_BANDING: 'green:1-4,amber:5-12,red:15-25' }).riskBanding, 5),
      'amber',
    );
    assert.equal(loadConfig({ RISK_BANDING: '' }).riskBanding.length, 3, 'empty means unset');
    assert.throws(
      () => loadConfig({ RISK_BANDING: 'green:1-6,amber:8-12' }),
      (error: unknown) => error instanceof ConfigError && error.variable === 'RISK_BANDING',
    );
  });
});
