import { type Config, loadConfig } from '../config/config.js';
import { openDatabase } from '../db/database.js';
import type { Db } from '../db/db.js';
import { UsageError } from '../errors/usage-error.js';
import type { ImportProgressListener } from '../imports/import-progress.js';
import { formatImportSummary, type ImportSummary } from '../imports/import-summary.js';
import type { Importer } from '../imports/importer.js';
import { createProgressBar } from '../imports/progress-bar.js';
import { runImport } from '../imports/run-import.js';
import { parseCommandArgs } from './parse-command-args.js';

/**
 * `healthhub import <kind> FILE.csv [--skip-invalid] [--report FILE]` for any file importer: parses the
 * arguments, migrates and opens the database, runs the import with a progress bar on a terminal, and prints
 * the summary on stdout. A refused file throws ImportError (exit 2, one line on stderr).
 */
export async function runFileImport<K extends string, Row>(
  args: string[],
  command: { kind: string; help: string; importer: () => Promise<Importer<K, Row>> },
): Promise<number> {
  const name = `import ${command.kind}`;
  const { values, positionals } = parseCommandArgs(
    name,
    args,
    { 'skip-invalid': { type: 'boolean' }, report: { type: 'string' } },
    true,
  );
  if (values.help) {
    process.stdout.write(`${command.help}\n`);
    return 0;
  }
  if (positionals.length !== 1) {
    throw new UsageError(
      `${name}: ${positionals.length === 0 ? 'FILE.csv is required' : 'one file at a time'}. See 'healthhub ${name} --help'`,
    );
  }
  const importer = await command.importer();
  return runImportCommand(command.kind, (db, onProgress) =>
    runImport(db, importer, {
      file: positionals[0]!,
      skipInvalid: values['skip-invalid'] === true,
      ...(typeof values.report === 'string' ? { reportPath: values.report } : {}),
      onProgress,
    }),
  );
}

/**
 * The part of an import command after its arguments are checked, whatever the input (a file, an API):
 * migrates and opens the database, runs `importing` with a progress bar labelled `label` on a terminal,
 * prints the summary on stdout and closes the database.
 */
export async function runImportCommand(
  label: string,
  importing: (db: Db, onProgress: ImportProgressListener, config: Config) => Promise<ImportSummary>,
): Promise<number> {
  const config = loadConfig();
  const database = await openDatabase(config);
  const bar = createProgressBar(label);
  try {
    await database.migrate();
    const summary = await importing(database.db, bar.update, config);
    bar.end();
    process.stdout.write(`${formatImportSummary(summary)}\n`);
    return 0;
  } finally {
    bar.end();
    await database.close();
  }
}
