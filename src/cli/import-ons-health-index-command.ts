import { runFileImport } from './run-file-import.js';

const help = `Usage: healthhub import ons-health-index FILE.csv [--skip-invalid] [--report FILE]

Imports the ONS Health Index for England's underlying data in long form: columns ltla21_code, year,
indicator, value (e.g. ons_health_index_england_ltla21_indicators.csv: 56 indicators, 307 local authority
districts, 2015-2021). The values are each indicator's own measure (years, percentages, rates), not index
scores.

Each indicator name is an indicator with a fixed id: 980001-980056 for the Health Index's 56 indicators (in
the order of their names), 980101 onwards for names not among them. Value type 'score', the indicator's
polarity, period type calendar-year; existing definitions are never overwritten. Values are for persons,
all ages, the year as the period; a newer edition updates the values that changed and keeps what they were
in indicator_value_history. Districts not yet known are added as local-authority areas named by their code
(an areas or deprivation import with names names them). Comparisons and trends are computed with
@healthhub/stats.

Options:
  --skip-invalid   import the valid rows and report the others, instead of refusing the file
  --report FILE    where to write the rejected rows (line,reason); default FILE.report.csv beside the input

Exit status: 0 imported or already loaded; 2 refused (bad rows, header, truncated file) or bad usage;
1 failed (database unreachable).`;

export function run(args: string[]): Promise<number> {
  return runFileImport(args, {
    kind: 'ons-health-index',
    help,
    importer: async () =>
      (await import('../imports/ons-health-index/ons-health-index-importer.js')).onsHealthIndexImporter,
  });
}
