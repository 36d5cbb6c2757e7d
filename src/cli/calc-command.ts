import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { CalcInputError } from '../calc/calc-input-error.js';
import type { CalcContext } from '../calc/calc-method.js';
import { calcMethods } from '../calc/calc-methods.js';
import { formatCsv } from '../calc/csv-output.js';
import { type CsvTable, parseCsvTable } from '../calc/csv-table.js';
import { UsageError } from '../errors/usage-error.js';

const usage = `Usage: healthhub calc METHOD --input FILE.csv [--output FILE.csv] [--group-by a,b]
         [--confidence 0.95 | 0.95,0.998] [--multiplier N] [column options]`;

const common = {
  input: { type: 'string' },
  output: { type: 'string' },
  'group-by': { type: 'string' },
  confidence: { type: 'string' },
  multiplier: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const help = () => `${usage}

Computes public-health indicators from a CSV file with OHID's methods (PHEindicatormethods 2.1), one result
row per group (per input row for life-expectancy and quantile), written as CSV to stdout or --output.

Methods:
${Object.keys(calcMethods)
  .map((m) => `  ${m}`)
  .join('\n')}

Run 'healthhub calc METHOD --help' for a method's column options.
Bad input exits 2 with one line naming the line of the file and the problem; nothing is written to --output.`;

export async function run(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h') {
    process.stdout.write(`${help()}\n`);
    return name === undefined ? 2 : 0;
  }
  const load = Object.hasOwn(calcMethods, name) ? calcMethods[name] : undefined;
  if (!load)
    throw new UsageError(`calc: unknown method '${name}'; methods: ${Object.keys(calcMethods).join(', ')}`);
  const method = await load();
  const options = { ...common, ...method.options };
  let parsed: ReturnType<
    typeof parseArgs<{ options: typeof options; strict: true; allowPositionals: false }>
  >;
  try {
    parsed = parseArgs({ args: rest, options, strict: true, allowPositionals: false });
  } catch (error) {
    const message = (error as Error).message.split('\n')[0]!.replace(/\. To specify a positional.*$/, '');
    throw new UsageError(`calc ${name}: ${message}. See 'healthhub calc ${name} --help'`);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help) {
    process.stdout.write(
      `Usage: healthhub calc ${name} --input FILE.csv [--output FILE.csv] [--group-by a,b] [options]\n\n${method.help}\n`,
    );
    return 0;
  }
  if (typeof values.input !== 'string') throw new UsageError(`calc ${name}: --input FILE.csv is required`);
  if (!method.takesConfidence && values.confidence !== undefined)
    throw new UsageError(`calc ${name}: --confidence does not apply to this method`);
  if (!method.takesMultiplier && values.multiplier !== undefined)
    throw new UsageError(`calc ${name}: --multiplier does not apply to this method`);

  const context: CalcContext = {
    table: readTable(values.input, '--input'),
    groupBy:
      typeof values['group-by'] === 'string'
        ? values['group-by']
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : [],
    confidence: parseConfidence(values.confidence as string | undefined),
    multiplier: parseNumber(values.multiplier as string | undefined, '--multiplier'),
    options: values,
    readTable,
    warn: (message) => process.stderr.write(`healthhub: warning: ${message}\n`),
  };
  const result = method.run(context);
  const text = formatCsv(result.header, result.rows);
  if (typeof values.output === 'string') writeAtomically(values.output, text);
  else process.stdout.write(text);
  return 0;
}

function readTable(path: string, option: string): CsvTable {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new CalcInputError(
      'INPUT_UNREADABLE',
      `cannot read ${option} ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  try {
    return parseCsvTable(bytes);
  } catch (error) {
    if (error instanceof CalcInputError) throw new CalcInputError(error.code, `${path}: ${error.message}`);
    throw error;
  }
}

function parseConfidence(value: string | undefined): number | number[] | undefined {
  if (value === undefined) return undefined;
  const parts = value.split(',').map((s) => parseNumber(s.trim(), '--confidence')!);
  return parts.length === 1 ? parts[0] : parts;
}

function parseNumber(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n))
    throw new UsageError(`calc: ${option} must be a number (got '${value}')`);
  return n;
}

/** Writes beside the target and renames, so a failure never leaves a half-written output file. */
function writeAtomically(path: string, text: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
