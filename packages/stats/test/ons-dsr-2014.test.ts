import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sharedPath } from '../../../test/support/shared-data.js';
import { dsr } from '../src/index.js';
import { type CsvRecord, num, readCsv } from './support/read-csv.js';

/**
 * End-to-end check on real data: ONS 2014 death registrations and mid-2014 population estimates, standardised
 * to the 2013 European Standard Population, must give ONS's own published age-standardised mortality rates
 * (Table 1a) for London's 33 authorities, London and England, for males, females and persons.
 *
 * ONS standardised on 20 bands with infants apart (0, 1-4, 5-9, ..., 85-89, 90+; ESP2013 weights 1,000 and
 * 4,000 for 0 and 1-4). With those bands every rate is within 0.34 per 100,000 of ONS's (one decimal place
 * published). PHEindicatormethods' own 19-band ESP2013 (0-4 combined, weight 5,000) pools infant and child
 * mortality, which moves some rates by up to 0.74 per 100,000 (Barking and Dagenham, males): so the 0.5
 * tolerance is met only with ONS's band structure.
 */

const AREAS = [
  ...Array.from({ length: 33 }, (_, i) => `E09${String(i + 1).padStart(6, '0')}`),
  'E12000007',
  'E92000001',
];
const SEXES = [
  { sex: 'Males', column: 'males' },
  { sex: 'Females', column: 'females' },
  { sex: 'Persons', column: 'persons' },
] as const;
const TOLERANCE = 0.5;

/** The 20-band label ("0", "1-4", "5-9", ..., "85-89", "90+") of a single year of age ("0" ... "89", "90+"). */
function band20(age: string): string {
  if (age === '90+') return age;
  const a = Number(age);
  if (a === 0) return '0';
  if (a < 5) return '1-4';
  const lo = a - (a % 5);
  return `${lo}-${lo + 4}`;
}

interface Data {
  deaths: Map<string, number>;
  population: Map<string, number>;
  published: Map<string, CsvRecord>;
  esp20: CsvRecord[];
  esp19: CsvRecord[];
}

let cache: Data | null = null;

function load(mortality: string, population: string): Data {
  if (cache) return cache;
  const wanted = new Set(AREAS);
  const deaths = new Map<string, number>();
  for (const r of readCsv(`${mortality}/ons_deaths_2014_la_ageband_sex.csv`)) {
    if (!wanted.has(r['area_code'] as string)) continue;
    const key = `${r['area_code']}|${r['sex']}|${r['age_band']}`;
    assert.ok(!deaths.has(key), `duplicate deaths row ${key}`);
    deaths.set(key, num(r['deaths']));
    // Persons = Males + Females (the deaths table has no persons rows).
    const persons = `${r['area_code']}|Persons|${r['age_band']}`;
    deaths.set(persons, (deaths.get(persons) ?? 0) + num(r['deaths']));
  }
  const pop = new Map<string, number>();
  for (const r of readCsv(`${population}/ons_mye2014_la_sya_sex.csv`)) {
    if (!wanted.has(r['area_code'] as string)) continue;
    const key = `${r['area_code']}|${r['sex']}|${band20(r['age'] as string)}`;
    pop.set(key, (pop.get(key) ?? 0) + num(r['population']));
  }
  const published = new Map<string, CsvRecord>();
  for (const r of readCsv(`${mortality}/ons_deaths_2014_la_rates_table1a.csv`)) {
    if (wanted.has(r['area_code'] as string)) published.set(r['area_code'] as string, r);
  }
  cache = {
    deaths,
    population: pop,
    published,
    esp20: readCsv(`${mortality}/esp2013_20bands_0_1-4_split.csv`),
    esp19: readCsv(`${mortality}/esp2013_19bands_0-4.csv`),
  };
  return cache;
}

/** Deaths and population of one area and sex on the bands of `esp` ("0-4" is "0" plus "1-4"). */
function bands(
  data: Data,
  area: string,
  sex: string,
  esp: CsvRecord[],
): { x: number[]; n: number[]; w: number[] } {
  const x: number[] = [];
  const n: number[] = [];
  const w: number[] = [];
  for (const row of esp) {
    const label = row['age_band'] as string;
    const parts = label === '0-4' ? ['0', '1-4'] : [label];
    let d = 0;
    let p = 0;
    for (const part of parts) {
      const dk = data.deaths.get(`${area}|${sex}|${part}`);
      const pk = data.population.get(`${area}|${sex}|${part}`);
      assert.ok(dk !== undefined && pk !== undefined, `missing ${area} ${sex} ${part}`);
      d += dk;
      p += pk;
    }
    x.push(d);
    n.push(p);
    w.push(num(row['standard_population']));
  }
  return { x, n, w };
}

function paths(t: Parameters<typeof sharedPath>[0]): [string, string] | null {
  const mortality = sharedPath(t, 'data', 'mortality');
  if (!mortality) return null;
  const population = sharedPath(t, 'data', 'population');
  if (!population) return null;
  return [mortality, population];
}

test('the inputs agree with ONS Table 1a (deaths and populations) for all 35 areas', (t) => {
  const p = paths(t);
  if (!p) return;
  const data = load(...p);
  assert.equal(data.published.size, AREAS.length);
  assert.equal(data.esp20.length, 20);
  assert.equal(data.esp19.length, 19);
  for (const area of AREAS) {
    const pub = data.published.get(area) as CsvRecord;
    for (const { sex, column } of SEXES) {
      const { x, n } = bands(data, area, sex, data.esp20);
      const deaths = x.reduce((a, b) => a + b, 0);
      const population = n.reduce((a, b) => a + b, 0);
      assert.equal(
        deaths,
        data.deaths.get(`${area}|${sex}|All ages`),
        `${area} ${sex} bands sum to all ages`,
      );
      assert.equal(deaths, num(pub[`deaths_${column}`]), `${area} ${sex} deaths`);
      assert.equal(
        Math.round(population / 100) / 10,
        num(pub[`population_thousands_${column}`]),
        `${area} ${sex} population (thousands)`,
      );
    }
  }
});

test('DSR per 100,000 (ESP2013, ONS bands 0, 1-4, ..., 90+) reproduces ONS published ASMRs within 0.5', (t) => {
  const p = paths(t);
  if (!p) return;
  const data = load(...p);
  let worst = { diff: 0, label: '' };
  let checked = 0;
  for (const area of AREAS) {
    const pub = data.published.get(area) as CsvRecord;
    for (const { sex, column } of SEXES) {
      const { x, n, w } = bands(data, area, sex, data.esp20);
      const result = dsr(x, n, w, { multiplier: 100000 });
      const expected = num(pub[`asmr_per_100k_${column}`]);
      assert.ok(Number.isFinite(expected), `${area} ${sex} has a published rate`);
      const diff = Math.abs(result.value - expected);
      assert.ok(
        diff <= TOLERANCE,
        `${area} ${pub['area_name']} ${sex}: ${result.value} vs ONS ${expected} (diff ${diff})`,
      );
      if (diff > worst.diff) worst = { diff, label: `${area} ${sex}` };
      checked++;
    }
  }
  assert.equal(checked, 105);
  console.log(
    `# ONS 2014 ASMR, 20 bands: max |difference| ${worst.diff.toFixed(3)} per 100,000 (${worst.label})`,
  );
});

test('with the 19-band ESP2013 (0-4 combined) the rates move by under 1 per 100,000 but exceed 0.5 somewhere', (t) => {
  const p = paths(t);
  if (!p) return;
  const data = load(...p);
  let worst = { diff: 0, label: '' };
  for (const area of AREAS) {
    const pub = data.published.get(area) as CsvRecord;
    for (const { sex, column } of SEXES) {
      const { x, n, w } = bands(data, area, sex, data.esp19);
      const diff = Math.abs(dsr(x, n, w, { multiplier: 100000 }).value - num(pub[`asmr_per_100k_${column}`]));
      assert.ok(diff < 1, `${area} ${sex}: ${diff}`);
      if (diff > worst.diff) worst = { diff, label: `${area} ${sex}` };
    }
  }
  // ONS did not pool infants with 1-4 year olds: this is why the 20-band structure is the one to use.
  assert.ok(worst.diff > TOLERANCE, `19 bands unexpectedly within ${TOLERANCE}: ${worst.diff}`);
  console.log(
    `# ONS 2014 ASMR, 19 bands: max |difference| ${worst.diff.toFixed(3)} per 100,000 (${worst.label})`,
  );
});
