import { UsageError } from '../errors/usage-error.js';
import { importKinds } from './import-kinds.js';

const help = () => `Usage: healthhub import <kind> FILE.csv [--skip-invalid] [--report FILE]

Imports a data file into the database (DATABASE_URL, or the embedded database under HEALTHHUB_DATA_DIR).

Kinds:
${Object.entries(importKinds)
  .map(([name, kind]) => `  ${name.padEnd(12)}${kind.summary}`)
  .join('\n')}

Every import is one transaction: all or nothing. The same file again changes nothing; a newer edition
updates the values that changed and keeps what they were. Strict by default: a file with any bad row, a
wrong header or a truncated end is refused whole (exit 2) and the database stays as it was; --skip-invalid
imports the valid rows. Rejected rows are listed with their line and reason in the report (--report FILE,
default FILE.report.csv beside the input), written whenever there is a problem.

Run 'healthhub import <kind> --help' for a kind's options.`;

export async function run(args: string[]): Promise<number> {
  const [kind, ...rest] = args;
  if (kind === undefined || kind === '--help' || kind === '-h') {
    process.stdout.write(`${help()}\n`);
    return kind === undefined ? 2 : 0;
  }
  const entry = Object.hasOwn(importKinds, kind) ? importKinds[kind] : undefined;
  if (!entry) {
    throw new UsageError(`import: unknown kind '${kind}'; kinds: ${Object.keys(importKinds).join(', ')}`);
  }
  return (await entry.load()).run(rest);
}
