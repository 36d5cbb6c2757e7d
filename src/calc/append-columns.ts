import type { CalcOutput } from './calc-method.js';
import type { Cell } from './csv-output.js';
import type { CsvTable } from './csv-table.js';
import { inputFields, keptColumns } from './input-fields.js';

/**
 * One output row per input row, for results computed a column at a time: the input columns as written in
 * the file, then the result columns. An input column named like a result column is replaced by the result
 * (keptColumns' rule, shared with the other row-wise methods).
 *
 * @param table the input
 * @param names the result columns' names
 * @param columns the result columns, each with one cell per input row
 */
export function appendColumns(
  table: CsvTable,
  names: readonly string[],
  columns: readonly ArrayLike<Cell>[],
): CalcOutput {
  const kept = keptColumns(table, names);
  const rows: Cell[][] = new Array(table.rowCount);
  for (let i = 0; i < table.rowCount; i++) {
    const row = inputFields(table, i, kept);
    for (let k = 0; k < columns.length; k++) row.push(columns[k]![i]);
    rows[i] = row;
  }
  return { header: [...kept.map((j) => table.header[j]!), ...names], rows };
}
