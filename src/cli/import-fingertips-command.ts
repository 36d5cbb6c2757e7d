import { UsageError } from '../errors/usage-error.js';
import { parseImportKindOptions } from './import-kind-options.js';
import { parseCommandArgs } from './parse-command-args.js';
import { runFileImport, runImportCommand } from './run-file-import.js';

const help = `Usage: healthhub import fingertips FILE.csv [--skip-invalid] [--report FILE]
       healthhub import fingertips --indicator ID --area-type ID [--parent-area-type ID]
                                   [--skip-invalid] [--report FILE]

Imports a Fingertips CSV, as the Fingertips site ("download data") or its API (all_data/csv) gives it: 26
columns, or 27 with "Time period range". Rows one field shorter than the header, line breaks inside quoted
fields and empty values with a note are read as Fingertips writes them.

With --indicator and --area-type instead of a file, the CSV is downloaded from the Fingertips API
(FINGERTIPS_API_URL, default https://fingertips.phe.org.uk: /api/all_data/csv/by_indicator_id) and imported
as a file would be. The load is named after the query, such as
fingertips-api-indicator-93356-area-type-402-parent-15.csv; the same response again changes nothing.

Areas and indicators the database does not know are added (an indicator with value type 'score' and
polarity 'no-judgement' until its definition is filled in; existing definitions are never overwritten).
Values are inserted, or updated when a newer edition changes them, the previous row kept in
indicator_value_history. Comparisons with England and London and the recent trend are computed with
@healthhub/stats; Fingertips' own are kept for reference.

Options:
  --indicator ID          the Fingertips indicator ID, such as 93356 (downloads from the API)
  --area-type ID          the Fingertips area type of the areas, such as 402 (upper-tier local authorities)
  --parent-area-type ID   the area type of their parents, default 15 (England); 6 for regions
  --skip-invalid          import the valid rows and report the others, instead of refusing the file
  --report FILE           where to write the rejected rows (line,reason); default FILE.report.csv beside the
                          input, or <name>.report.csv in the current directory for an API import

Exit status: 0 imported or already loaded; 2 refused (bad rows, header, truncated file) or bad usage;
1 failed (database unreachable, or the API unreachable, failing or timing out).`;

const apiOptions = {
  indicator: { type: 'string' },
  'area-type': { type: 'string' },
  'parent-area-type': { type: 'string' },
} as const;

const importOptions = { 'skip-invalid': { type: 'boolean' }, report: { type: 'string' } } as const;

export async function run(args: string[]): Promise<number> {
  const command = 'import fingertips';
  const { options, file, rest } = parseImportKindOptions('fingertips', args, apiOptions);
  const helpWanted = rest.slice(0, rest.indexOf('--')).includes('--help');
  const fromApi = Object.keys(apiOptions).some((name) => options[name] !== undefined);
  if (helpWanted || !fromApi) {
    if (file === undefined && !helpWanted) {
      throw new UsageError(
        `${command}: FILE.csv is required, or --indicator ID and --area-type ID. See 'healthhub ${command} --help'`,
      );
    }
    return runFileImport(rest, {
      kind: 'fingertips',
      help,
      importer: async () => (await import('../imports/fingertips/fingertips-importer.js')).fingertipsImporter,
    });
  }
  if (file !== undefined) {
    throw new UsageError(
      `${command}: give FILE.csv or --indicator and --area-type, not both. See 'healthhub ${command} --help'`,
    );
  }
  const api = await import('../imports/fingertips/fingertips-api.js');
  const query = api.fingertipsApiQuery(
    {
      indicator: options.indicator,
      areaType: options['area-type'],
      parentAreaType: options['parent-area-type'],
    },
    command,
  );
  const { values } = parseCommandArgs(command, rest, importOptions, true);
  return runImportCommand('fingertips', (db, onProgress, config) =>
    api.importFingertipsApi(db, query, {
      baseUrl: config.fingertipsApiUrl,
      skipInvalid: values['skip-invalid'] === true,
      ...(typeof values.report === 'string' ? { reportPath: values.report } : {}),
      onProgress,
    }),
  );
}
