import { StatsInputError } from '@healthhub/stats/errors';
import { CalcInputError } from './calc-input-error.js';
import type { CalcContext, CalcOutput } from './calc-method.js';
import type { Cell } from './csv-output.js';
import { groupRows, type RowGroup } from './group-rows.js';

/**
 * Runs a one-row-per-group method: the group columns first, then the result's columns in the order the
 * result object lists them (the R package's order). A StatsInputError is turned into a CalcInputError that
 * names the file line of the offending row (or the group's first line) and the group.
 *
 * The first group is computed at once (its result names the columns); the others as the rows are read,
 * so each result is garbage as soon as its line is written instead of living until the end. The rows can
 * be read once.
 */
export function perGroup(
  context: CalcContext,
  compute: (rows: Int32Array, group: RowGroup) => Record<string, Cell>,
): CalcOutput {
  const groups = groupRows(context.table, context.groupBy);
  const run = (group: RowGroup): Record<string, Cell> => {
    try {
      return compute(group.rows, group);
    } catch (error) {
      throw locateError(context, group, error);
    }
  };
  if (groups.length === 0) return { header: [...context.groupBy], rows: [] };
  const first = run(groups[0]!);
  const resultHeader = Object.keys(first);
  const toRow = (group: RowGroup, result: Record<string, Cell>): Cell[] => {
    const row: Cell[] = group.key.slice();
    for (let j = 0; j < resultHeader.length; j++) row.push(result[resultHeader[j]!]);
    return row;
  };
  function* rows(): Generator<Cell[]> {
    yield toRow(groups[0]!, first);
    for (let g = 1; g < groups.length; g++) yield toRow(groups[g]!, run(groups[g]!));
  }
  return { header: [...context.groupBy, ...resultHeader], rows: rows() };
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
