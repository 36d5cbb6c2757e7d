import { loadConfig } from '../config/config.js';
import { openDatabase } from '../db/database.js';
import { UsageError } from '../errors/usage-error.js';
import { createProgressBar } from '../imports/progress-bar.js';
import { ComputeError } from '../indicators/compute-error.js';
import { type ComputeMethod, type ComputeRequest, computeMethods } from '../indicators/compute-request.js';
import { formatComputeSummary } from '../indicators/compute-summary.js';
import { polarities } from '../indicators/indicators-table.js';
import { standardPopulations } from '../indicators/standard-populations.js';
import { type AgeBand, parseAgeBand } from '../populations/age-band.js';
import { type PopulationSex, parsePopulationSex } from '../populations/population-sex.js';
import { measureOption, yearOption } from './import-option-values.js';
import { parseCommandArgs } from './parse-command-args.js';

const help = `Usage: healthhub compute dsr --indicator ID --measure NAME --year YYYY [options]
       healthhub compute rate --indicator ID --measure NAME --year YYYY [options]
       healthhub compute proportion --indicator ID --numerator-measure NAME --denominator-measure NAME
                                    --year YYYY [options]

Computes indicator values from the event counts and populations in the database ('healthhub import counts'
and 'healthhub import population') with @healthhub/stats, for every area with counts for the year (or the
areas asked for), and writes them to the indicator, at 95% and 99.8%:

  dsr         a directly standardised rate of the counts of --measure over the populations (Dobson limits),
              counts and populations summed into the bands of the standard population (single years, or 0
              and 1-4, add up into 0-4); fewer than 10 events give no value. Value type dsr, per 100,000.
  rate        a crude rate of the counts of --measure over the populations (exact or Byar's limits).
              Value type crude-rate, per 100,000.
  proportion  the counts of --numerator-measure over those of --denominator-measure (Wilson limits).
              Value type proportion, a percentage.

Persons are computed from males and females when a table has no persons rows. The indicator is created when
it does not exist (--name required); its value type, multiplier, unit and method are set to the
computation's. Values are inserted, or updated with the previous row kept in indicator_value_history;
comparisons with England and London and the recent trend are computed. One transaction, recorded as a load
(name 'compute'); the same inputs again change nothing.

Options:
  --indicator ID         the indicator to write (a positive whole number)
  --name TEXT            the indicator's name (required to create it; renames an existing one)
  --year YYYY            the year of the counts and populations; the values' period
  --measure NAME         the counts' measure (dsr, rate), e.g. deaths-all-causes
  --numerator-measure NAME, --denominator-measure NAME   the measures of a proportion
  --sex LIST             persons, males, females, or several with commas (default persons)
  --ages BAND            all (default), FROM-TO or FROM+ (e.g. 0-74 for deaths under 75)
  --areas CODES          these areas only, with commas; each must be computable
  --area-type TYPE       the areas of this type only (local-authority, region, ...)
  --standard NAME        dsr: ${Object.values(standardPopulations)
    .map((s) => `${s.name} (${s.description})`)
    .join(',\n                         ')}; default esp2013
  --multiplier N         per how many (default 100000; 100 for a proportion)
  --polarity P           ${polarities.join(', ')} (default low-is-good; no-judgement for a proportion)

Exit status: 0 computed or unchanged; 2 bad usage or nothing to compute; 1 failed (database unreachable).`;

const options = {
  indicator: { type: 'string' },
  name: { type: 'string' },
  year: { type: 'string' },
  measure: { type: 'string' },
  'numerator-measure': { type: 'string' },
  'denominator-measure': { type: 'string' },
  sex: { type: 'string' },
  ages: { type: 'string' },
  areas: { type: 'string' },
  'area-type': { type: 'string' },
  standard: { type: 'string' },
  multiplier: { type: 'string' },
  polarity: { type: 'string' },
} as const;

/** Only for these methods. */
const methodOptions: Readonly<Record<string, readonly ComputeMethod[]>> = {
  measure: ['dsr', 'rate'],
  'numerator-measure': ['proportion'],
  'denominator-measure': ['proportion'],
  standard: ['dsr'],
};

function request(
  method: ComputeMethod,
  values: Record<string, string | boolean | undefined>,
): ComputeRequest {
  const command = `compute ${method}`;
  const fail = (message: string): never => {
    throw new UsageError(`${command}: ${message}. See 'healthhub compute --help'`);
  };
  const text = (name: string) => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const required = (name: string) => text(name) ?? fail(`--${name} is required`);
  for (const [name, methods] of Object.entries(methodOptions)) {
    if (text(name) !== undefined && !methods.includes(method))
      fail(`--${name} is for ${methods.join(' and ')}`);
  }

  const indicatorText = required('indicator');
  const indicatorId = /^\d{1,9}$/.test(indicatorText) ? Number(indicatorText) : 0;
  if (indicatorId <= 0) fail(`--indicator must be a positive whole number, not '${indicatorText}'`);
  const year = yearOption(command, required('year'))!;
  const name = text('name')?.trim();
  if (name === '') fail('--name must not be empty');

  const sexes: PopulationSex[] = [];
  for (const part of (text('sex') ?? 'persons').split(',')) {
    const sex = parsePopulationSex(part);
    if (!sex) fail(`--sex must be persons, males or females (or several with commas), not '${part}'`);
    else if (!sexes.includes(sex)) sexes.push(sex);
  }

  let ages: AgeBand = { from: 0, to: null };
  const agesText = text('ages');
  if (agesText !== undefined) {
    const band = parseAgeBand(agesText);
    if (band === undefined) fail(`--ages must be all, FROM-TO or FROM+, not '${agesText}'`);
    else if (band !== 'all-ages') ages = band;
  }

  const areasText = text('areas');
  const areaType = text('area-type');
  if (areasText !== undefined && areaType !== undefined) fail('give --areas or --area-type, not both');
  const areas = areasText
    ?.split(',')
    .map((code) => code.trim().toUpperCase())
    .filter((code) => code !== '');
  for (const code of areas ?? []) {
    if (!/^[EWSNK]\d{8}$/.test(code)) fail(`--areas: '${code}' is not an ONS area code (such as E09000001)`);
  }
  if (areas?.length === 0) fail('--areas names no area');

  const multiplierText = text('multiplier');
  const multiplier = multiplierText === undefined ? undefined : Number(multiplierText);
  if (multiplier !== undefined && !(Number.isFinite(multiplier) && multiplier > 0)) {
    fail(`--multiplier must be a positive number, not '${multiplierText}'`);
  }
  const polarity = text('polarity');
  if (polarity !== undefined && !(polarities as readonly string[]).includes(polarity)) {
    fail(`--polarity must be one of ${polarities.join(', ')}, not '${polarity}'`);
  }

  const common = {
    indicatorId,
    year,
    sexes,
    ages,
    ...(name === undefined ? {} : { name }),
    ...(polarity === undefined ? {} : { polarity: polarity as (typeof polarities)[number] }),
    ...(multiplier === undefined ? {} : { multiplier }),
    ...(areas === undefined ? {} : { areas }),
    ...(areaType === undefined ? {} : { areaType }),
  };
  const measure = (option: string) => measureOption(command, required(option), `--${option}`)!;
  switch (method) {
    case 'dsr': {
      const standard = text('standard') ?? 'esp2013';
      if (!Object.hasOwn(standardPopulations, standard)) {
        fail(`--standard must be one of ${Object.keys(standardPopulations).join(', ')}, not '${standard}'`);
      }
      return { ...common, method, measure: measure('measure'), standard };
    }
    case 'rate':
      return { ...common, method, measure: measure('measure') };
    case 'proportion':
      return {
        ...common,
        method,
        numeratorMeasure: measure('numerator-measure'),
        denominatorMeasure: measure('denominator-measure'),
      };
  }
}

export async function run(args: string[]): Promise<number> {
  const [method, ...rest] = args;
  if (method === undefined || method === '--help' || method === '-h') {
    process.stdout.write(`${help}\n`);
    return method === undefined ? 2 : 0;
  }
  if (!(computeMethods as readonly string[]).includes(method)) {
    throw new UsageError(`compute: unknown method '${method}'; methods: ${computeMethods.join(', ')}`);
  }
  const { values } = parseCommandArgs(`compute ${method}`, rest, options);
  if (values.help) {
    process.stdout.write(`${help}\n`);
    return 0;
  }
  const wanted = request(method as ComputeMethod, values as Record<string, string | boolean | undefined>);
  const { runComputation } = await import('../indicators/run-computation.js');
  const database = await openDatabase(loadConfig());
  const bar = createProgressBar(`compute ${method}`);
  try {
    await database.migrate();
    const summary = await runComputation(database.db, wanted, { onProgress: bar.update }).catch((error) => {
      throw error instanceof ComputeError
        ? new ComputeError(error.code, `compute ${method}: ${error.message}`)
        : error;
    });
    bar.end();
    process.stdout.write(`${formatComputeSummary(summary)}\n`);
    return 0;
  } finally {
    bar.end();
    await database.close();
  }
}
