import { UsageError } from '../errors/usage-error.js';
import { parseImportKindOptions } from './import-kind-options.js';
import { runFileImport } from './run-file-import.js';

const help = `Usage: healthhub import deprivation FILE.csv [--edition IMDYYYY] [--skip-invalid] [--report FILE]

Imports the Index of Multiple Deprivation of areas in one edition (English Indices of Deprivation, MHCLG).
The format is told from the header:

  imd2019-lsoa11   lsoa11_code, IMD_decile, IMD_rank and the domains' deciles and ranks (File 7):
                   decile and rank of each LSOA 2011; no score
  imd2019-ltla19   ltla19_code, Score, Proportion, Extent and the domains' scores (File 10):
                   each district's average score
  imd2025-ltla24   ltla24_code, ltla24_name, imd_average_score, imd_rank_of_average_score, ... (File 10)
  imd2025-icb24    icb24_code, icb24_name, imd_average_score, imd_rank_of_average_score, ... (File 13):
                   average score and its rank (1 = most deprived)

Only the overall IMD is stored. The edition is --edition, else the file's name (imd2019_... is IMD2019),
else the format's. Areas not yet known are added (named by the file, or by their code when it has no
names). A corrected file of the same edition updates the rows that differ. The same file again with the
same --edition (or none) changes nothing; with another --edition it is loaded again, as that edition.

Options:
  --edition IMDYYYY  the IMD edition, e.g. IMD2019
  --skip-invalid     import the valid rows and report the others, instead of refusing the file
  --report FILE      where to write the rejected rows (line,reason); default FILE.report.csv beside the input

Exit status: 0 imported or already loaded; 2 refused (bad rows, header, truncated file) or bad usage;
1 failed (database unreachable).`;

export function run(args: string[]): Promise<number> {
  const { options, file, rest } = parseImportKindOptions('deprivation', args, {
    edition: { type: 'string' },
  });
  const edition = options.edition?.trim().toUpperCase();
  if (edition !== undefined && !/^IMD\d{4}$/.test(edition)) {
    throw new UsageError(
      `import deprivation: --edition '${options.edition}' is not an IMD edition such as IMD2019`,
    );
  }
  return runFileImport(rest, {
    kind: 'deprivation',
    help,
    importer: async () =>
      (await import('../imports/deprivation/deprivation-importer.js')).deprivationImporterFor(file!, {
        ...(edition ? { edition } : {}),
      }),
  });
}
