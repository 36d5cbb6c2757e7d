import { runFileImport } from './run-file-import.js';

const help = `Usage: healthhub import fingertips FILE.csv [--skip-invalid] [--report FILE]

Imports a Fingertips CSV, as the Fingertips site ("download data") or its API (all_data/csv) gives it: 26
columns, or 27 with "Time period range". Rows one field shorter than the header, line breaks inside quoted
fields and empty values with a note are read as Fingertips writes them.

Areas and indicators the database does not know are added (an indicator with value type 'score' and
polarity 'no-judgement' until its definition is filled in; existing definitions are never overwritten).
Values are inserted, or updated when a newer edition changes them, the previous row kept in
indicator_value_history. Comparisons with England and London and the recent trend are computed with
@healthhub/stats; Fingertips' own are kept for reference.

Options:
  --skip-invalid   import the valid rows and report the others, instead of refusing the file
  --report FILE    where to write the rejected rows (line,reason); default FILE.report.csv beside the input

Exit status: 0 imported or already loaded; 2 refused (bad rows, header, truncated file) or bad usage;
1 failed (database unreachable).`;

export function run(args: string[]): Promise<number> {
  return runFileImport(args, {
    kind: 'fingertips',
    help,
    importer: async () => (await import('../imports/fingertips/fingertips-importer.js')).fingertipsImporter,
  });
}
