import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gssAreaType } from '../../src/imports/long-table/gss-area-type.js';
import { aggregateAgeBands } from '../../src/indicators/aggregate-age-bands.js';
import { indicatorAgeLabel } from '../../src/indicators/indicator-age-label.js';
import { standardPopulations } from '../../src/indicators/standard-populations.js';
import { formatAgeBand, parseAgeBand } from '../../src/populations/age-band.js';
import { parsePopulationSex } from '../../src/populations/population-sex.js';

test('ages and age bands as ONS tables write them', () => {
  assert.deepEqual(parseAgeBand('0'), { from: 0, to: 0 });
  assert.deepEqual(parseAgeBand(' 85-89 '), { from: 85, to: 89 });
  assert.deepEqual(parseAgeBand('85 – 89'), { from: 85, to: 89 });
  assert.deepEqual(parseAgeBand('90+'), { from: 90, to: null });
  assert.deepEqual(parseAgeBand('90 and over'), { from: 90, to: null });
  assert.deepEqual(parseAgeBand('Under 1'), { from: 0, to: 0 });
  assert.deepEqual(parseAgeBand('<75'), { from: 0, to: 74 });
  for (const total of ['All ages', 'ALL AGES', 'all', 'Total']) assert.equal(parseAgeBand(total), 'all-ages');
  for (const bad of ['', '5 years', '9-5', '-1', '1.5', '200', 'under 0', '90++']) {
    assert.equal(parseAgeBand(bad), undefined, bad);
  }
  assert.deepEqual(
    ['0', '1-4', '90+'].map((t) => formatAgeBand(parseAgeBand(t) as never)),
    ['0', '1-4', '90+'],
  );
});

test('sexes, area types by GSS prefix, and the age labels of indicator values', () => {
  assert.deepEqual(['Males', 'female', 'Persons', 'M', 'All', 'x', ''].map(parsePopulationSex), [
    'males',
    'females',
    'persons',
    'males',
    'persons',
    undefined,
    undefined,
  ]);
  assert.deepEqual(
    [
      'E09000001',
      'E06000001',
      'W06000022',
      'E12000007',
      'E92000001',
      'K04000001',
      'E13000001',
      'E14000530',
    ].map(gssAreaType),
    [
      'local-authority',
      'local-authority',
      'local-authority',
      'region',
      'country',
      'england-and-wales',
      'inner-outer-london',
      'gss-e14',
    ],
  );
  assert.deepEqual(
    [
      { from: 0, to: null },
      { from: 0, to: 74 },
      { from: 65, to: null },
      { from: 16, to: 64 },
      { from: 0, to: 0 },
    ].map(indicatorAgeLabel),
    ['All ages', '<75 yrs', '65+ yrs', '16-64 yrs', '0 yrs'],
  );
});

test('the standard populations: ESP2013 in 19 bands and in 20 (0 and 1-4 apart), each summing to 100,000', () => {
  for (const [name, standard] of Object.entries(standardPopulations)) {
    assert.equal(
      standard.weights.reduce((a, b) => a + b, 0),
      100000,
      name,
    );
    assert.equal(standard.bands.length, standard.weights.length, name);
  }
  assert.deepEqual(standardPopulations['esp2013-20']!.bands.slice(0, 3), [
    { from: 0, to: 0 },
    { from: 1, to: 4 },
    { from: 5, to: 9 },
  ]);
  assert.deepEqual(standardPopulations['esp2013-20']!.weights.slice(0, 3), [1000, 4000, 5500]);
});

test('stored bands sum into wanted bands when they fit inside them and cover them', () => {
  const single = Array.from({ length: 91 }, (_, age) => ({
    ageFrom: age,
    ageTo: age === 90 ? null : age,
    amount: 1,
  }));
  const esp19 = standardPopulations.esp2013!.bands;
  const esp20 = standardPopulations['esp2013-20']!.bands;
  assert.deepEqual(aggregateAgeBands(single, esp19), { ok: true, amounts: [...Array(18).fill(5), 1] });
  assert.deepEqual(aggregateAgeBands(single, esp20), { ok: true, amounts: [1, 4, ...Array(17).fill(5), 1] });
  // ONS's 0 and 1-4 add up into 0-4, but 0-4 cannot be split into 0 and 1-4.
  const ons = [
    { ageFrom: 0, ageTo: 0, amount: 2 },
    { ageFrom: 1, ageTo: 4, amount: 3 },
  ];
  assert.deepEqual(aggregateAgeBands(ons, [{ from: 0, to: 4 }]), { ok: true, amounts: [5] });
  assert.deepEqual(aggregateAgeBands([{ ageFrom: 0, ageTo: 4, amount: 5 }], esp20.slice(0, 2)), {
    ok: false,
    reason: 'age band 0-4 does not fit in 0',
  });
  // A gap, and ages not given at all.
  assert.deepEqual(aggregateAgeBands([ons[0]!], [{ from: 0, to: 4 }]), {
    ok: false,
    reason: 'ages 0-4 are not all given',
  });
  assert.deepEqual(aggregateAgeBands(single.slice(0, 90), [{ from: 0, to: null }]), {
    ok: false,
    reason: 'ages 0+ are not all given',
  });
  // The total of all ages as one band.
  assert.deepEqual(aggregateAgeBands([{ ageFrom: 0, ageTo: null, amount: 7 }], [{ from: 0, to: null }]), {
    ok: true,
    amounts: [7],
  });
});
