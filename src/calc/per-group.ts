import { StatsInputError } from '@healthhub/stats/errors';
import { CalcInputError } from './calc-input-error.js';
import type { CalcContext, CalcOutput } from './calc-method.js';
import type { Cell } from './csv-output.js';
import { groupRows, type RowGroup } from './group-rows.js';

/**
 * Runs a one-row-per-group method: the group columns first, then the result's columns in the order the
 * result object lists them (the R package's order). A StatsInputError is turned into a CalcInputError that
 * names the file line of the offending row (or the group's first line) and the group.
 */
export function perGroup(
  context: CalcContext,
  compute: (rows: Int32Array, group: RowGroup) => Record<string, Cell>,
): CalcOutput {
  const groups = groupRows(context.table, context.groupBy);
  const out: Cell[][] = [];
  let resultHeader: string[] | undefined;
  for (const group of groups) {
    let result: Record<string, Cell>;
    try {
      result = compute(group.rows, group);
    } catch (error) {
      throw locateError(context, group, error);
    }
    resultHeader ??= Object.keys(result);
    const row: Cell[] = group.key.slice();
    for (let j = 0; j < resultHeader.length; j++) row.push(result[resultHeader[j]!]);
    out.push(row);
  }
  return { header: [...context.groupBy, ...(resultHeader ?? [])], rows: out };
}

/** Calls `compute` for one group, mapping the library's errors to the input file's lines. */
export function withRowContext<T>(context: CalcContext, group: RowGroup, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    throw locateError(context, group, error);
  }
}

/** A StatsInputError raised for a group, as a CalcInputError naming the input file's line; others unchanged. */
export function locateError(context: CalcContext, group: RowGroup, error: unknown): unknown {
  if (!(error instanceof StatsInputError)) return error;
  const index = error.row !== undefined ? group.rows[error.row] : group.rows[0];
  const line = index === undefined ? undefined : context.table.lines[index];
  const where = context.groupBy.length
    ? ` (group ${context.groupBy.map((g, j) => `${g}=${group.key[j]}`).join(', ')})`
    : '';
  return new CalcInputError(error.code, `${error.message}${where}`, line);
}

/** Picks a group's values out of a whole column: a view when the group's rows are contiguous, else a copy. */
export function pick(column: Float64Array, rows: Int32Array): Float64Array {
  const first = rows[0] ?? 0;
  if (rows.length > 0 && rows[rows.length - 1] === first + rows.length - 1)
    return column.subarray(first, first + rows.length);
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = column[rows[i]!]!;
  return out;
}
