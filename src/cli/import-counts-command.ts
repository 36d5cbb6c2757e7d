import { UsageError } from '../errors/usage-error.js';
import { COUNT_COLUMN_NAMES } from '../imports/counts/counts-columns.js';
import { parseImportKindOptions } from './import-kind-options.js';
import { measureOption, yearOption } from './import-option-values.js';
import { readHeaderNames } from './read-header-names.js';
import { runFileImport } from './run-file-import.js';

const help = `Usage: healthhub import counts FILE.csv [--measure NAME] [--year YYYY] [--skip-invalid] [--report FILE]

Imports a long table of event counts (deaths, births, diagnoses, ...), one row per area, sex and age band:

  area_code,area_name,sex,age_band,<count>[,measure][,year]

as ONS's death registrations by area reshaped long (see docs/data-formats.md). The count column is named
for what it counts: ${COUNT_COLUMN_NAMES.join(', ')}. Sex is Males, Females or Persons; age_band a band
(0, 1-4, 85-89), an open band (90+) or "All ages" (checked against the sum of the bands beside it, and kept
only when there are none). --measure names what is counted (e.g. deaths-all-causes) and --year the year,
each required when the file has no such column. 'healthhub compute' derives indicator values from the
counts and populations.

Areas the database does not know are added, their type from the GSS code. A newer edition replaces the
counts it gives for each measure, area, year and sex; event counts keep no history.

Options:
  --measure NAME   what is counted: lower-case letters, digits and hyphens (deaths-all-causes)
  --year YYYY      the year of the counts
  --skip-invalid   import the valid rows and report the others, instead of refusing the file
  --report FILE    where to write the rejected rows (line,reason); default FILE.report.csv beside the input

Exit status: 0 imported or already loaded; 2 refused (bad rows, header, truncated file) or bad usage;
1 failed (database unreachable).`;

export async function run(args: string[]): Promise<number> {
  const command = 'import counts';
  const { options, file, rest } = parseImportKindOptions('counts', args, {
    measure: { type: 'string' },
    year: { type: 'string' },
  });
  const helpWanted = rest.slice(0, rest.indexOf('--')).includes('--help');
  const measure = helpWanted ? undefined : measureOption(command, options.measure);
  const year = helpWanted ? undefined : yearOption(command, options.year);
  if (!helpWanted && (year === undefined || measure === undefined) && file !== undefined) {
    const names = await readHeaderNames(file);
    for (const [given, column, option] of [
      [year, 'year', '--year YYYY'],
      [measure, 'measure', '--measure NAME'],
    ] as const) {
      if (names && given === undefined && !names.includes(column)) {
        throw new UsageError(`${command}: ${file} has no ${column} column: give ${option}`);
      }
    }
  }
  return runFileImport(rest, {
    kind: 'counts',
    help,
    importer: async () =>
      (await import('../imports/counts/counts-importer.js')).createCountsImporter({
        ...(measure === undefined ? {} : { measure }),
        ...(year === undefined ? {} : { year }),
      }),
  });
}
