import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { scratchFiles } from '../support/import-assertions.js';
import { runCli } from '../support/run-cli.js';

// A tiny England loaded through the real import commands: seven LSOAs with IMD 2019 deciles, six of them in
// a lookup (four in North East London's boroughs, two in Hartlepool), one known only to the IMD file.
const lookupHeader =
  '"lsoa11_name","lsoa11_code","sicbl22_name","sicbl22_code","sicbl22_code_h","icb22_name","icb22_code","icb22_code_h","ltla22_name","ltla22_code"';
const nel =
  '"NHS North East London ICB - A3A8R","E38000255","A3A8R","NHS North East London Integrated Care Board","E54000029","QMF"';
const nenc =
  '"NHS North East and North Cumbria ICB - 16C","E38000247","16C","NHS North East and North Cumbria Integrated Care Board","E54000050","QHM"';
const lookup = [
  lookupHeader,
  `"City of London 001A","E01000001",${nel},"City of London","E09000001"`,
  `"City of London 001B","E01000002",${nel},"City of London","E09000001"`,
  `"Barking and Dagenham 001A","E01000027",${nel},"Barking and Dagenham","E09000002"`,
  `"Barking and Dagenham 001B","E01000028",${nel},"Barking and Dagenham","E09000002"`,
  `"Hartlepool 009A","E01011949",${nenc},"Hartlepool","E06000001"`,
  `"Hartlepool 008A","E01011950",${nenc},"Hartlepool","E06000001"`,
];

const imdHeader =
  '"lsoa11_code","IMD_decile","Income_decile","Employment_decile","Education_decile","Health_decile","Crime_decile","Housing_and_Access_decile","Environment_decile","IMD_rank","Income_rank","Employment_rank","Education_rank","Health_rank","Crime_rank","Housing_and_Access_rank","Environment_rank"';
const deciles: Record<string, number> = {
  E01000001: 9,
  E01000002: 10,
  E01000027: 1,
  E01000028: 1,
  E01011949: 1,
  E01011950: 5,
  E01033000: 10,
};
const imd = [
  imdHeader,
  ...Object.entries(deciles).map(([code, decile]) => {
    const rank = (decile - 1) * 3284 + 100;
    return `"${code}",${Array(8).fill(decile).join(',')},${Array(8).fill(rank).join(',')}`;
  }),
];

// E01000028 has no population; the Welsh LSOA has no decile. E01000002 is given in bands with its "All
// ages" total beside them (a check, not stored), so its population is the bands' sum.
const population2020 = [
  'area_code,area_name,sex,age,population',
  'E01000001,City of London 001A,Persons,All ages,1500',
  'E01000001,City of London 001A,Males,All ages,700',
  'E01000002,City of London 001B,Persons,0-15,300',
  'E01000002,City of London 001B,Persons,16-64,900',
  'E01000002,City of London 001B,Persons,65+,200',
  'E01000002,City of London 001B,Persons,All ages,1400',
  'E01000027,Barking and Dagenham 001A,Persons,All ages,2000',
  'E01011949,Hartlepool 009A,Persons,All ages,1944',
  'E01011950,Hartlepool 008A,Persons,All ages,1600',
  'E01033000,Somewhere 001A,Persons,All ages,1700',
  'W01000001,Isle of Anglesey 001A,Persons,All ages,1800',
];
const population2019 = [
  'area_code,area_name,sex,age,population',
  'E01000001,City of London 001A,Persons,All ages,1490',
];

const files = scratchFiles('deprivation-deciles');
after(() => files.remove());
const env = { HEALTHHUB_DATA_DIR: files.path('db') };
const cli = (...args: string[]) => runCli(['deprivation-deciles', ...args], env);

describe('healthhub deprivation-deciles', () => {
  before(async () => {
    const write = (lines: string[], name: string) => files.write(`${lines.join('\n')}\n`, name);
    for (const args of [
      ['import', 'population', write(population2020, 'population'), '--year', '2020'],
      ['import', 'population', write(population2019, 'population'), '--year', '2019'],
      ['import', 'areas', write(lookup, 'lookup')],
      ['import', 'deprivation', write(imd, 'imd2019_lsoa')],
    ]) {
      const result = await runCli(args, env);
      assert.equal(result.code, 0, `${args.slice(0, 2).join(' ')}: ${result.stderr}`);
    }
  });

  test('all England, as csv: the population and LSOAs of each decile', async () => {
    const result = await cli('--edition', 'IMD2019', '--year', '2020', '--format', 'csv');
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr, '');
    const total = 3944 + 1600 + 1500 + 3100;
    assert.equal(
      result.stdout,
      [
        'decile,lsoas,lsoas_with_population,population,share',
        `1,3,2,3944,${3944 / total}`,
        `5,1,1,1600,${1600 / total}`,
        `9,1,1,1500,${1500 / total}`,
        `10,2,2,3100,${3100 / total}`,
        '',
      ].join('\n'),
    );
  });

  test('the default table: aligned, with a title and a total', async () => {
    const result = await cli('--edition', 'imd2019', '--year', '2020');
    assert.equal(result.code, 0, result.stderr);
    assert.equal(
      result.stdout,
      [
        'IMD2019 deciles (1 = most deprived), persons populations of 2020, all LSOAs with a decile',
        'decile  LSOAs  with population  population   share',
        '     1      3                2       3,944   38.9%',
        '     5      1                1       1,600   15.8%',
        '     9      1                1       1,500   14.8%',
        '    10      2                2       3,100   30.6%',
        ' total      7                6      10,144  100.0%',
        '',
      ].join('\n'),
    );
  });

  test('json, within an ICB (LSOA -> sub-ICB -> ICB) and a borough (LSOA -> district)', async () => {
    const icb = await cli(
      '--edition',
      'IMD2019',
      '--year',
      '2020',
      '--area',
      'E54000029',
      '--format',
      'json',
    );
    assert.equal(icb.code, 0, icb.stderr);
    const parsed = JSON.parse(icb.stdout);
    assert.deepEqual(
      [parsed.edition, parsed.year, parsed.sex, parsed.lsoas, parsed.lsoasWithPopulation, parsed.population],
      ['IMD2019', 2020, 'persons', 4, 3, 4900],
    );
    assert.deepEqual(parsed.area, {
      code: 'E54000029',
      name: 'NHS North East London Integrated Care Board',
      on: new Date().toISOString().slice(0, 10),
    });
    assert.deepEqual(
      parsed.deciles.map((d: Record<string, number>) => [
        d.decile,
        d.lsoas,
        d.lsoasWithPopulation,
        d.population,
      ]),
      [
        [1, 2, 1, 2000],
        [9, 1, 1, 1500],
        [10, 1, 1, 1400],
      ],
    );
    const borough = await cli(
      '--edition',
      'IMD2019',
      '--year',
      '2020',
      '--area',
      'e09000002',
      '--on',
      '2022-07-01',
      '--format',
      'csv',
    );
    assert.equal(borough.code, 0, borough.stderr);
    assert.equal(borough.stdout, 'decile,lsoas,lsoas_with_population,population,share\n1,2,1,2000,1\n');
  });

  test('--sex and --year choose the populations; none at all is a warning, not an error', async () => {
    const males = await cli('--edition', 'IMD2019', '--year', '2020', '--sex', 'males', '--format', 'csv');
    assert.equal(males.code, 0, males.stderr);
    assert.match(males.stdout, /^9,1,1,700,1$/m);
    assert.match(males.stdout, /^1,3,0,0,0$/m);
    const earlier = await cli('--edition', 'IMD2019', '--year', '2019', '--format', 'csv');
    assert.equal(earlier.code, 0, earlier.stderr);
    assert.match(earlier.stdout, /^9,1,1,1490,1$/m);
    const none = await cli('--edition', 'IMD2019', '--year', '2018', '--format', 'csv');
    assert.equal(none.code, 0, none.stderr);
    assert.equal(
      none.stderr,
      "healthhub: warning: no LSOA has a persons population for 2018 ('healthhub import population')\n",
    );
    assert.match(none.stdout, /^10,2,0,0,0$/m);
  });

  test('bad options exit 2 with one line; so do an unknown area and nothing to aggregate', async () => {
    const cases: [string[], RegExp][] = [
      [['--year', '2020'], /deprivation-deciles: --edition is required/],
      [['--edition', 'IMD2019'], /deprivation-deciles: --year is required/],
      [
        ['--edition', '2019', '--year', '2020'],
        /--edition must be an IMD edition such as IMD2019, not '2019'/,
      ],
      [['--edition', 'IMD2019', '--year', '20x0'], /--year must be a year such as 2014, not '20x0'/],
      [['--edition', 'IMD2019', '--year', '2020', '--sex', 'x'], /--sex must be persons, males or females/],
      [['--edition', 'IMD2019', '--year', '2020', '--format', 'xml'], /--format must be table, csv, json/],
      [
        ['--edition', 'IMD2019', '--year', '2020', '--area', 'London'],
        /--area: 'London' is not an ONS area code/,
      ],
      [['--edition', 'IMD2019', '--year', '2020', '--on', '2022-01-01'], /--on is for --area/],
      [
        ['--edition', 'IMD2019', '--year', '2020', '--area', 'E54000029', '--on', '2022-02-30'],
        /--on '2022-02-30' is not a date/,
      ],
      [
        ['--edition', 'IMD2019', '--year', '2020', '--decile', '1'],
        /deprivation-deciles: Unknown option '--decile'/,
      ],
      [
        ['--edition', 'IMD2019', '--year', '2020', '--area', 'E12000007'],
        /--area E12000007 is not an area in the database/,
      ],
      [['--edition', 'IMD2025', '--year', '2020'], /no LSOA has a decile in IMD2025: import its LSOA file/],
      [
        ['--edition', 'IMD2019', '--year', '2020', '--area', 'E54000029', '--on', '2022-06-30'],
        /no LSOA with an IMD2019 decile lies within E54000029 on 2022-06-30/,
      ],
    ];
    for (const [args, message] of cases) {
      const result = await cli(...args);
      assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.equal(result.stdout, '');
      const lines = result.stderr.trim().split('\n');
      assert.equal(lines.length, 1, result.stderr);
      assert.match(lines[0]!, /^healthhub: deprivation-deciles: /);
      assert.match(lines[0]!, message);
    }
  });
});
