import type { Cell } from './csv-output.js';
import type { CsvTable } from './csv-table.js';

/**
 * The indices of the input columns to copy to the output: every column but those named in `drop`. Pass the
 * result column names too: an input column of the same name is replaced by the result (as R's mutate does),
 * never written twice.
 */
export function keptColumns(table: CsvTable, drop: readonly string[] = []): number[] {
  const out: number[] = [];
  for (let j = 0; j < table.header.length; j++) if (!drop.includes(table.header[j]!)) out.push(j);
  return out;
}

/**
 * Starts an output row with input row `row`'s fields of the given columns, as written in the file, for the
 * methods that keep the input columns (R's row-wise results: quantile, life expectancy, ungrouped proportion
 * and rate).
 */
export function inputFields(table: CsvTable, row: number, columns: readonly number[]): Cell[] {
  const out: Cell[] = new Array(columns.length);
  for (let k = 0; k < columns.length; k++) out[k] = table.field(row, columns[k]!);
  return out;
}
