import { eq, sql } from 'drizzle-orm';
import { areas } from '../areas/areas-table.js';
import type { DeprivationDecileAggregates } from '../areas/deprivation-decile-aggregates.js';
import { DeprivationDecilesError } from '../areas/deprivation-deciles-error.js';
import { formatCsv } from '../calc/csv-output.js';
import { loadConfig } from '../config/config.js';
import { openDatabase } from '../db/database.js';
import type { Db } from '../db/db.js';
import { queryRows } from '../db/query-rows.js';
import { UsageError } from '../errors/usage-error.js';
import { isIsoDate } from '../imports/formats/iso-date.js';
import { type PopulationSex, parsePopulationSex } from '../populations/population-sex.js';
import { yearOption } from './import-option-values.js';
import { parseCommandArgs } from './parse-command-args.js';

const command = 'deprivation-deciles';

const help = `Usage: healthhub deprivation-deciles --edition IMDYYYY --year YYYY [--area CODE [--on DATE]]
                                    [--sex persons|males|females] [--format table|csv|json]

The population of each Index of Multiple Deprivation decile (1 = the most deprived tenth of LSOAs
nationally): every LSOA with a decile in the edition ('healthhub import deprivation' of an LSOA file), its
population for the year and sex summed over its ages ('healthhub import population'), grouped by decile,
with the count of LSOAs in each and of those with a population. All LSOAs with a decile (all England for
the English indices), or those within --area: LSOAs reach an area through the memberships that
'healthhub import areas' records (LSOA -> district -> London; LSOA -> sub-ICB -> ICB), as they stood on
--on.

Options:
  --edition IMDYYYY   the IMD edition, e.g. IMD2019 (LSOA 2011 deciles)
  --year YYYY         the year of the populations
  --area CODE         only the LSOAs within this area, e.g. E12000007 (London) or an ICB's E54 code
  --on DATE           the date of the memberships for --area (YYYY-MM-DD; default today)
  --sex SEX           persons (default), males or females
  --format FORMAT     table (default; aligned, for reading), csv or json

Exit status: 0 printed; 2 bad usage, an unknown area, or no LSOA deciles to aggregate; 1 failed (database
unreachable).`;

const options = {
  edition: { type: 'string' },
  year: { type: 'string' },
  area: { type: 'string' },
  on: { type: 'string' },
  sex: { type: 'string' },
  format: { type: 'string' },
} as const;

const formats = ['table', 'csv', 'json'] as const;
type Format = (typeof formats)[number];

interface Request {
  readonly edition: string;
  readonly year: number;
  readonly sex: PopulationSex;
  readonly area: string | undefined;
  readonly on: string;
  readonly format: Format;
}

function request(values: Record<string, string | boolean | undefined>): Request {
  const fail = (message: string): never => {
    throw new UsageError(`${command}: ${message}. See 'healthhub ${command} --help'`);
  };
  const text = (name: string) => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const editionText = text('edition') ?? fail('--edition is required');
  const edition = editionText.trim().toUpperCase();
  if (!/^IMD\d{4}$/.test(edition))
    fail(`--edition must be an IMD edition such as IMD2019, not '${editionText}'`);
  const year = yearOption(command, text('year') ?? fail('--year is required'))!;
  const sexText = text('sex') ?? 'persons';
  const sex =
    parsePopulationSex(sexText) ?? fail(`--sex must be persons, males or females, not '${sexText}'`);
  const areaText = text('area');
  const area = areaText?.trim().toUpperCase();
  if (area !== undefined && !/^[EWSNK]\d{8}$/.test(area)) {
    fail(`--area: '${areaText}' is not an ONS area code (such as E12000007)`);
  }
  const onText = text('on');
  if (onText !== undefined && area === undefined) fail('--on is for --area');
  if (onText !== undefined && !isIsoDate(onText)) fail(`--on '${onText}' is not a date (YYYY-MM-DD)`);
  const formatText = text('format') ?? 'table';
  if (!(formats as readonly string[]).includes(formatText)) {
    fail(`--format must be ${formats.join(', ')}, not '${formatText}'`);
  }
  return {
    edition,
    year,
    sex,
    area,
    on: onText ?? new Date().toISOString().slice(0, 10),
    format: formatText as Format,
  };
}

export async function run(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(command, args, options);
  if (values.help) {
    process.stdout.write(`${help}\n`);
    return 0;
  }
  const wanted = request(values as Record<string, string | boolean | undefined>);
  const { deprivationDecileAggregates } = await import('../areas/deprivation-decile-aggregates.js');
  const database = await openDatabase(loadConfig());
  try {
    await database.migrate();
    const db = database.db;
    const area = wanted.area === undefined ? undefined : await findArea(db, wanted.area);
    const result = await deprivationDecileAggregates(db, {
      edition: wanted.edition,
      year: wanted.year,
      sex: wanted.sex,
      ...(area ? { within: { code: area.code, on: wanted.on } } : {}),
    });
    if (result.lsoas === 0) await explainNoLsoas(db, wanted);
    if (result.lsoasWithPopulation === 0) {
      process.stderr.write(
        `healthhub: warning: no LSOA has a ${wanted.sex} population for ${wanted.year} ('healthhub import population')\n`,
      );
    }
    const scope = area ? { code: area.code, name: area.name, on: wanted.on } : null;
    process.stdout.write(format(wanted.format, result, scope));
    return 0;
  } finally {
    await database.close();
  }
}

async function findArea(db: Db, code: string): Promise<{ code: string; name: string }> {
  const [area] = await db
    .select({ code: areas.code, name: areas.name })
    .from(areas)
    .where(eq(areas.code, code))
    .limit(1);
  if (!area) {
    throw new DeprivationDecilesError(
      'DECILES_UNKNOWN_AREA',
      `${command}: --area ${code} is not an area in the database (lookups add areas: 'healthhub import areas'; London's built-in geography comes with 'healthhub serve' or 'healthhub demo')`,
    );
  }
  return area;
}

/** Nothing to aggregate: says whether the edition is missing or the area holds none of its LSOAs. */
async function explainNoLsoas(db: Db, wanted: Request): Promise<never> {
  const [edition] = await queryRows<{ found: boolean }>(
    db,
    sql`select exists (select 1 from deprivation where edition = ${wanted.edition} and decile is not null) as found`,
  );
  if (!edition?.found || wanted.area === undefined) {
    throw new DeprivationDecilesError(
      'DECILES_NO_EDITION',
      `${command}: no LSOA has a decile in ${wanted.edition}: import its LSOA file with 'healthhub import deprivation'`,
    );
  }
  throw new DeprivationDecilesError(
    'DECILES_NO_LSOAS',
    `${command}: no LSOA with an ${wanted.edition} decile lies within ${wanted.area} on ${wanted.on}: import a lookup that links them with 'healthhub import areas'`,
  );
}

type Scope = { code: string; name: string; on: string } | null;

function format(kind: Format, result: DeprivationDecileAggregates, scope: Scope): string {
  switch (kind) {
    case 'json':
      return `${JSON.stringify({ ...result, area: scope }, null, 2)}\n`;
    case 'csv':
      return formatCsv(
        ['decile', 'lsoas', 'lsoas_with_population', 'population', 'share'],
        result.deciles.map((d) => [d.decile, d.lsoas, d.lsoasWithPopulation, d.population, d.share]),
      );
    case 'table':
      return formatTable(result, scope);
  }
}

// Estimates may be fractional: a table rounds them to the person, csv and json keep them exact.
const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat('en-GB', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

function formatTable(result: DeprivationDecileAggregates, scope: Scope): string {
  const within = scope
    ? `LSOAs within ${scope.code} ${scope.name} on ${scope.on}`
    : 'all LSOAs with a decile';
  const title = `${result.edition} deciles (1 = most deprived), ${result.sex} populations of ${result.year}, ${within}`;
  const rows: string[][] = [
    ['decile', 'LSOAs', 'with population', 'population', 'share'],
    ...result.deciles.map((d) => [
      String(d.decile),
      whole.format(d.lsoas),
      whole.format(d.lsoasWithPopulation),
      whole.format(d.population),
      percent.format(d.share),
    ]),
    [
      'total',
      whole.format(result.lsoas),
      whole.format(result.lsoasWithPopulation),
      whole.format(result.population),
      percent.format(result.population > 0 ? 1 : 0),
    ],
  ];
  const widths = rows[0]!.map((_, j) => Math.max(...rows.map((r) => r[j]!.length)));
  const lines = rows.map((r) => r.map((cell, j) => cell.padStart(widths[j]!)).join('  '));
  return `${title}\n${lines.join('\n')}\n`;
}
