import type { Cell } from './csv-output.js';
import type { CsvTable } from './csv-table.js';

/** What every method receives from the command line besides its own options. */
export interface CalcContext {
  readonly table: CsvTable;
  readonly groupBy: readonly string[];
  /** --confidence as given (0.95, 95, or a pair); undefined means the method's default. */
  readonly confidence: number | number[] | undefined;
  /** --multiplier; undefined means the method's default. */
  readonly multiplier: number | undefined;
  /** The method's own options, by long name. */
  readonly options: Readonly<Record<string, string | boolean | undefined>>;
  /** Reads another CSV file the options name (e.g. --ref-file). */
  readTable(path: string, option: string): CsvTable;
  /** R's warnings: printed on stderr, one line each. */
  warn(message: string): void;
}

/** A CSV result: its header and rows (which may be produced as they are read, and read once). */
export interface CalcOutput {
  readonly header: readonly string[];
  readonly rows: Iterable<readonly Cell[]>;
}

/** One `healthhub calc METHOD`: its options, its help, and how it turns the input into the output. */
export interface CalcMethod {
  readonly summary: string;
  /** Method options (long names without --) and whether each takes a value. */
  readonly options: Readonly<Record<string, { readonly type: 'string' | 'boolean' }>>;
  /** Whether --confidence and --multiplier mean anything to this method. */
  readonly takesConfidence: boolean;
  readonly takesMultiplier: boolean;
  /** The body of `healthhub calc METHOD --help`, after the common usage line. */
  readonly help: string;
  run(context: CalcContext): CalcOutput;
}
