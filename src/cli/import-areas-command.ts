import { UsageError } from '../errors/usage-error.js';
import { isIsoDate } from '../imports/formats/iso-date.js';
import { parseImportKindOptions } from './import-kind-options.js';
import { runFileImport } from './run-file-import.js';

const help = `Usage: healthhub import areas FILE.csv [--valid-from DATE] [--skip-invalid] [--report FILE]

Imports an ONS lookup of areas: the areas it names and which area each is in, from a date. The format is
told from the header:

  lsoa21-subicb24-icb24         lsoa21_name, lsoa21_code, sicbl24_name, sicbl24_code, sicbl24_code_nhs,
                                icb24_name, icb24_code, icb24_code_nhs
                                LSOA 2021 -> sub-ICB location -> ICB, from 2024-04-01
  lsoa11-subicb22-icb22-ltla22  lsoa11_name, lsoa11_code, sicbl22_name, sicbl22_code, sicbl22_code_h,
                                icb22_name, icb22_code, icb22_code_h, ltla22_name, ltla22_code
                                LSOA 2011 -> sub-ICB location -> ICB, LSOA 2011 -> district, from 2022-07-01
  lsoa21-ward24-ltla24          lsoa21_name, lsoa21_code, ward24_name, ward24_code, ltla24_name, ltla24_code
                                LSOA 2021 -> ward -> district, LSOA 2021 -> district, from 2024-05-01
  ltla24-icb24                  ltla24_code, ltla24_name, icb24_code, icb24_code_nhs, icb24_name,
                                sicbl24_code, sicbl24_code_nhs, sicbl24_name, n_lsoa21
                                district -> ICB, sub-ICB location -> ICB, from 2024-04-01

Area types: lsoa21, lsoa11, sub-icb, icb, ward, local-authority. Areas not yet known are added with the
file's names and NHS codes; known areas keep theirs (a name that is only the code is replaced). A membership
already in place is left alone; where an area has moved, its earlier membership ends on the date and the new
one begins; files of different vintages may be loaded in any order. The summary counts distinct areas and
memberships, not lines. The same file again with the same --valid-from (or none) changes nothing; with
another --valid-from it is loaded again, as of that date.

Options:
  --valid-from DATE  when the file's memberships begin (YYYY-MM-DD), instead of the lookup's vintage
  --skip-invalid     import the valid lines and report the others, instead of refusing the file
  --report FILE      where to write the rejected lines (line,reason); default FILE.report.csv beside the input

Exit status: 0 imported or already loaded; 2 refused (bad lines, header, truncated file) or bad usage;
1 failed (database unreachable).`;

export function run(args: string[]): Promise<number> {
  const { options, file, rest } = parseImportKindOptions('areas', args, { 'valid-from': { type: 'string' } });
  const validFrom = options['valid-from'];
  if (validFrom !== undefined && !isIsoDate(validFrom)) {
    throw new UsageError(`import areas: --valid-from '${validFrom}' is not a date (YYYY-MM-DD)`);
  }
  return runFileImport(rest, {
    kind: 'areas',
    help,
    importer: async () =>
      (await import('../imports/areas/areas-importer.js')).areasImporterFor(file!, {
        ...(validFrom ? { validFrom } : {}),
      }),
  });
}
