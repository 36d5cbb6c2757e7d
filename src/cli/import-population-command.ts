import { UsageError } from '../errors/usage-error.js';
import { parseImportKindOptions } from './import-kind-options.js';
import { yearOption } from './import-option-values.js';
import { readHeaderNames } from './read-header-names.js';
import { runFileImport } from './run-file-import.js';

const help = `Usage: healthhub import population FILE.csv [--year YYYY] [--skip-invalid] [--report FILE]

Imports a long population table, one row per area, sex and age (or age band):

  area_code,area_name,sex,age,population[,year]

as ONS's mid-year estimates reshaped long (see docs/data-formats.md). Sex is Males, Females or Persons; age
a single year (0 ... 89), a band (0-4, 85-89), an open band (90+) or "All ages" (kept only when no band of
the same area, year and sex is given; otherwise it must equal their sum). --year gives the year of every row
and is required when the file has no year column.

Areas the database does not know are added, their type from the GSS code (E09 local-authority, E12 region,
E92 country, ...). A newer edition replaces the populations it gives for each area, year and sex (bands it
overlaps included); populations keep no history.

Options:
  --year YYYY      the year of the estimates (required when the file has no year column)
  --skip-invalid   import the valid rows and report the others, instead of refusing the file
  --report FILE    where to write the rejected rows (line,reason); default FILE.report.csv beside the input

Exit status: 0 imported or already loaded; 2 refused (bad rows, header, truncated file) or bad usage;
1 failed (database unreachable).`;

export async function run(args: string[]): Promise<number> {
  const command = 'import population';
  const { options, file, rest } = parseImportKindOptions('population', args, { year: { type: 'string' } });
  const helpWanted = rest.slice(0, rest.indexOf('--')).includes('--help');
  const year = helpWanted ? undefined : yearOption(command, options.year);
  if (!helpWanted && year === undefined && file !== undefined) {
    const names = await readHeaderNames(file);
    if (names && !names.includes('year')) {
      throw new UsageError(`${command}: ${file} has no year column: give --year YYYY`);
    }
  }
  return runFileImport(rest, {
    kind: 'population',
    help,
    importer: async () =>
      (await import('../imports/population/population-importer.js')).createPopulationImporter(
        year === undefined ? {} : { year },
      ),
  });
}
