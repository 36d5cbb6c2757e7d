import { parseCommandArgs } from './parse-command-args.js';

type StringOptions = Record<string, { type: 'string' }>;

/**
 * For an import kind with options of its own beside runFileImport's (--skip-invalid, --report, --help):
 * parses them all, strictly, and gives back the kind's option values, the file, and the arguments left for
 * runFileImport (its own options, then `--` and the positionals, so that a file named like an option is
 * still a file).
 */
export function parseImportKindOptions(kind: string, args: string[], own: StringOptions) {
  const { values, positionals } = parseCommandArgs(
    `import ${kind}`,
    args,
    { 'skip-invalid': { type: 'boolean' }, report: { type: 'string' }, ...own },
    true,
  );
  const all = values as Record<string, string | boolean | undefined>;
  const options: Record<string, string | undefined> = {};
  for (const name of Object.keys(own)) {
    const value = all[name];
    options[name] = typeof value === 'string' ? value : undefined;
  }
  const rest = [
    ...(all.help === true ? ['--help'] : []),
    ...(all['skip-invalid'] === true ? ['--skip-invalid'] : []),
    ...(typeof all.report === 'string' ? ['--report', all.report] : []),
    '--',
    ...positionals,
  ];
  return { options, file: positionals[0], rest };
}
