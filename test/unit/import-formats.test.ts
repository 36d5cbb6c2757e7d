import assert from 'node:assert/strict';
import { test } from 'node:test';
import { areaLookupFormats } from '../../src/imports/areas/area-lookup-formats.js';
import { areaLookupRowParser } from '../../src/imports/areas/area-lookup-row.js';
import { checkHeader } from '../../src/imports/check-header.js';
import { deprivationFormats } from '../../src/imports/deprivation/deprivation-formats.js';
import { deprivationRowParser } from '../../src/imports/deprivation/deprivation-row.js';
import { type CsvFormat, chooseCsvFormat } from '../../src/imports/formats/choose-csv-format.js';
import { isIsoDate } from '../../src/imports/formats/iso-date.js';
import {
  ONS_HEALTH_INDEX_IDS,
  onsHealthIndexIndicator,
  onsHealthIndexIndicators,
} from '../../src/imports/ons-health-index/ons-health-index-indicators.js';
import { parseOnsHealthIndexRow } from '../../src/imports/ons-health-index/ons-health-index-row.js';

test('the 56 Health Index indicators: ids 980001-980056 in the code-point order of their names', () => {
  assert.equal(onsHealthIndexIndicators.length, 56);
  onsHealthIndexIndicators.forEach((indicator, i) => {
    assert.equal(indicator.id, ONS_HEALTH_INDEX_IDS.first + i);
    if (i > 0) assert.ok(onsHealthIndexIndicators[i - 1]!.name < indicator.name, indicator.name);
  });
  assert.equal(onsHealthIndexIndicator('life EXPECTANCY')?.id, 980029);
  assert.equal(onsHealthIndexIndicator('Life expectancy')?.polarity, 'high-is-good');
  assert.equal(onsHealthIndexIndicator('Smoking')?.polarity, 'low-is-good');
  assert.equal(onsHealthIndexIndicator('Loneliness'), undefined);
});

test('ONS Health Index rows: listed names take their id, others none; NA is a missing value', () => {
  const names = { areaCode: 'ltla21_code', year: 'year', indicator: 'indicator', value: 'value' };
  assert.deepEqual(
    parseOnsHealthIndexRow(
      { areaCode: ' e09000012', year: '2015', indicator: 'Smoking ', value: 'NA' },
      names,
    ),
    {
      ok: true,
      row: { areaCode: 'E09000012', year: 2015, indicatorName: 'Smoking', indicatorId: 980051, value: null },
    },
  );
  const other = parseOnsHealthIndexRow(
    { areaCode: 'E06000001', year: '2022', indicator: 'New', value: '1' },
    names,
  );
  assert.deepEqual(other.ok && other.row.indicatorId, null);
  assert.deepEqual(
    parseOnsHealthIndexRow({ areaCode: 'E92000001', year: '20x5', indicator: '', value: '1,5' }, names),
    {
      ok: false,
      reason:
        "ltla21_code: 'E92000001' is not a local authority district code (E06, E07, E08 or E09); " +
        "year: '20x5' is not a whole number; indicator: is empty; value: '1,5' is not a number",
    },
  );
});

test('formats are told apart by their headers; an unknown header gets the nearest format', () => {
  for (const formats of [areaLookupFormats, deprivationFormats] as readonly (readonly CsvFormat[])[]) {
    for (const format of formats) {
      const header = format.columns.map((c) => c.name.toUpperCase());
      assert.equal(chooseCsvFormat(header, formats).id, format.id);
      // No other format accepts its header.
      for (const other of formats) {
        if (other !== format) assert.throws(() => checkHeader(header, other.columns));
      }
    }
  }
  assert.equal(chooseCsvFormat(['imd_2025_extent'], deprivationFormats).id, 'imd2025-ltla24');
  assert.equal(
    chooseCsvFormat(['lsoa21_code', 'lsoa21_name', 'ward24_code', 'ward_name'], areaLookupFormats).id,
    'lsoa21-ward24-ltla24',
  );
  assert.equal(chooseCsvFormat(undefined, areaLookupFormats).id, areaLookupFormats[0]!.id);
});

test('lookup lines: each level a code of its kind and a name; NHS codes may be empty', () => {
  const format = areaLookupFormats.find((f) => f.id === 'lsoa21-subicb24-icb24')!;
  const parse = areaLookupRowParser(format);
  const names = Object.fromEntries(format.columns.map((c) => [c.key, c.name]));
  const fields = {
    lsoa21_name: 'City of London 001A',
    lsoa21_code: 'E01000001',
    sicbl24_name: 'NHS North East London ICB - A3A8R',
    sicbl24_code: 'E38000255',
    sicbl24_code_nhs: '',
    icb24_name: 'NHS North East London Integrated Care Board',
    icb24_code: 'E54000029',
    icb24_code_nhs: 'QMF',
  };
  assert.deepEqual(parse(fields, names), {
    ok: true,
    row: {
      codes: ['E01000001', 'E38000255', 'E54000029'],
      names: [
        'City of London 001A',
        'NHS North East London ICB - A3A8R',
        'NHS North East London Integrated Care Board',
      ],
      nhsCodes: [null, null, 'QMF'],
    },
  });
  assert.deepEqual(parse({ ...fields, lsoa21_code: 'W01000001', icb24_code: 'E38000255' }, names), {
    ok: false,
    reason:
      "lsoa21_code: 'W01000001' is not an LSOA code in England (E01); icb24_code: 'E38000255' is not an ICB code (E54)",
  });
});

test('deprivation rows: decile 1 to 10, rank from 1, a score where the format has one', () => {
  const lsoa = deprivationFormats.find((f) => f.id === 'imd2019-lsoa11')!;
  const names = Object.fromEntries(lsoa.columns.map((c) => [c.key, c.name]));
  const fields = Object.fromEntries(lsoa.columns.map((c) => [c.key, '1']));
  assert.deepEqual(
    deprivationRowParser(lsoa)({ ...fields, lsoa11_code: 'E01000001', IMD_decile: '9' }, names),
    {
      ok: true,
      row: { areaCode: 'E01000001', areaName: null, score: null, rank: 1, decile: 9 },
    },
  );
  assert.deepEqual(
    deprivationRowParser(lsoa)({ ...fields, lsoa11_code: 'E01000001', IMD_decile: '0' }, names),
    {
      ok: false,
      reason: "IMD_decile: '0' is out of range (1 to 10)",
    },
  );
  const icb = deprivationFormats.find((f) => f.id === 'imd2025-icb24')!;
  const icbFields = Object.fromEntries(icb.columns.map((c) => [c.key, '2']));
  const parse = deprivationRowParser(icb);
  const icbNames = Object.fromEntries(icb.columns.map((c) => [c.key, c.name]));
  assert.deepEqual(
    parse({ ...icbFields, icb24_code: 'E54000029', icb24_name: 'NEL', imd_average_score: '' }, icbNames),
    {
      ok: false,
      reason: 'imd_average_score: is empty',
    },
  );
});

test('dates are real calendar dates written YYYY-MM-DD', () => {
  assert.ok(isIsoDate('2024-04-01'));
  assert.ok(isIsoDate('2024-02-29'));
  for (const bad of ['2023-02-29', '2024-4-1', '2024-13-01', '01/04/2024', '2024-04-01T00:00', ''])
    assert.ok(!isIsoDate(bad), bad);
});
