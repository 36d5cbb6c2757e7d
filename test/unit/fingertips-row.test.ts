import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkHeader, fieldsByKey } from '../../src/imports/check-header.js';
import { fingertipsAreaType } from '../../src/imports/fingertips/fingertips-area-type.js';
import { fingertipsColumns } from '../../src/imports/fingertips/fingertips-columns.js';
import { parseFingertipsRow } from '../../src/imports/fingertips/fingertips-row.js';

const header =
  'Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Count,Denominator,Value note,Recent Trend,Compared to England value or percentiles,Compared to Region value or percentiles,Time period Sortable,New data,Compared to goal'.split(
    ',',
  );
const match = checkHeader(header, fingertipsColumns);
const parse = (fields: string[]) => parseFingertipsRow(fieldsByKey([...fields, ''], match), match.names);
const hackney = [
  '93356',
  'Campylobacter incidence rate/100,000\n',
  'E12000007',
  'London region',
  'E09000012',
  'Hackney',
  'County & UA',
  'Persons',
  'All ages',
  '',
  '',
  '2015',
  '59.4018770993163',
  '50.6838116645743',
  '69.1890674412788',
  '',
  '',
  '165',
  '277769',
  'Value for Hackney and City of London combined',
  '',
  'Better',
  'Similar',
  '20150000',
];

test('the 26 and 27 column headers are Fingertips; the parent comparison is named after its type', () => {
  assert.equal(match.width, 26);
  const api = [...header.slice(0, 22), 'Compared to percentiles', ...header.slice(23), 'Time period range'];
  assert.equal(checkHeader(api, fingertipsColumns).width, 27);
});

test('a real row: numbers, empty limits as null, the note and the source comparisons kept', () => {
  assert.deepEqual(parse(hackney), {
    ok: true,
    row: {
      indicatorId: 93356,
      indicatorName: 'Campylobacter incidence rate/100,000',
      areaCode: 'E09000012',
      areaName: 'Hackney',
      areaType: 'county-ua',
      sex: 'Persons',
      age: 'All ages',
      categoryType: '',
      category: '',
      period: '2015',
      periodSort: 20150000,
      value: 59.4018770993163,
      lower95: 50.6838116645743,
      upper95: 69.1890674412788,
      lower998: null,
      upper998: null,
      count: 165,
      denominator: 277769,
      valueNote: 'Value for Hackney and City of London combined',
      sourceTrend: null,
      sourceComparedToEngland: 'Better',
      sourceComparedToRegion: 'Similar',
    },
  });
});

test('bad rows are rejected with every reason', () => {
  const bad = [...hackney];
  bad[0] = '';
  bad[4] = 'Hackney';
  bad[13] = '70';
  bad[17] = '-1';
  bad[23] = '';
  const result = parse(bad);
  assert.equal(result.ok, false);
  assert.equal(
    result.ok ? '' : result.reason,
    "Indicator ID: is empty; Area Code: 'Hackney' is not an ONS area code (such as E09000001); Time period Sortable: is empty",
  );
  const limits = [...hackney];
  limits[13] = '70';
  limits[17] = '-1';
  assert.deepEqual(parse(limits), {
    ok: false,
    reason: 'Lower CI 95.0 limit: 70 is above the upper limit 69.1890674412788; Count: -1 is negative',
  });
});

test('area types: the known ones by name, others as slugs', () => {
  assert.equal(fingertipsAreaType('England'), 'country');
  assert.equal(fingertipsAreaType('Region'), 'region');
  assert.equal(fingertipsAreaType('County & UA'), 'county-ua');
  assert.equal(fingertipsAreaType('Counties & UAs (from Apr 2023)'), 'county-ua');
  assert.equal(fingertipsAreaType('Districts & UAs (from Apr 2021)'), 'district-ua');
  assert.equal(fingertipsAreaType('ICB'), 'icb');
  assert.equal(fingertipsAreaType('Sub-ICB, former CCGs'), 'sub-icb-former-ccgs');
  assert.equal(fingertipsAreaType('2021'), undefined);
});
