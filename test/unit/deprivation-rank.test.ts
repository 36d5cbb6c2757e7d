import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deprivationRank } from '../../src/indicators/deprivation-rank.js';

test('deprivationRank: Fingertips decile labels, most deprived first', () => {
  const labels = [
    'Most deprived decile (IMD2019)',
    'Second most deprived decile (IMD2019)',
    'Third more deprived decile (IMD2019)',
    'Fourth more deprived decile (IMD2019)',
    'Fifth more deprived decile (IMD2019)',
    'Fifth less deprived decile (IMD2019)',
    'Fourth less deprived decile (IMD2019)',
    'Third less deprived decile (IMD2019)',
    'Second least deprived decile (IMD2019)',
    'Least deprived decile (IMD2019)',
  ];
  assert.deepEqual(labels.map(deprivationRank), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
});

test('deprivationRank: quintile labels', () => {
  assert.equal(deprivationRank('Most deprived quintile (IMD2019)'), 1);
  assert.equal(deprivationRank('Second most deprived quintile (IMD2019)'), 2);
  assert.equal(deprivationRank('Middle quintile (IMD2019)'), 3);
  assert.equal(deprivationRank('Third quintile'), 3);
  assert.equal(deprivationRank('Third more deprived quintile (IMD2015)'), 3);
  assert.equal(deprivationRank('Second least deprived quintile (IMD2019)'), 4);
  assert.equal(deprivationRank('Least deprived quintile (IMD2019)'), 5);
});

test('deprivationRank: plain ranks and digits', () => {
  assert.equal(deprivationRank('1 - most deprived'), 1);
  assert.equal(deprivationRank('10 - least deprived'), 10);
  assert.equal(deprivationRank('4'), 4);
  assert.equal(deprivationRank(' 7 '), 7);
});

test('deprivationRank: labels it cannot rank give null', () => {
  for (const label of [
    '',
    'White British',
    'Persons',
    '0',
    '11',
    'Fourth less deprived quintile',
    'Sixth most deprived decile',
    'Most deprived',
    'decile',
  ]) {
    assert.equal(deprivationRank(label), null, label);
  }
});
