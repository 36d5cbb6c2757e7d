import { accurateSum } from '@healthhub/stats/accurate-sum';
import { appendColumns } from './append-columns.js';
import { CalcInputError } from './calc-input-error.js';
import type { CalcContext, CalcOutput } from './calc-method.js';
import type { Cell } from './csv-output.js';
import { groupRows } from './group-rows.js';
import { pick } from './per-group.js';

/** A numerator and a denominator column, parsed, with their names in the file. */
export interface CountColumns {
  readonly x: Float64Array;
  readonly n: Float64Array;
  readonly xName: string;
  readonly nName: string;
}

/**
 * phe_proportion's and phe_rate's checks, made on the rows as given (before any summing), in R's order:
 * a negative numerator anywhere, then a denominator of 0 or less anywhere, then (proportions only) a
 * numerator above its denominator. Missing values pass, as in R. The first offending row names the line.
 */
export function checkCounts(context: CalcContext, columns: CountColumns, xNotAboveN: boolean): void {
  const { x, n, xName, nName } = columns;
  const { lines } = context.table;
  for (let i = 0; i < x.length; i++) {
    if (x[i]! < 0)
      throw new CalcInputError(
        'NEGATIVE_COUNT',
        `numerators must be greater than or equal to zero (${xName} is ${x[i]})`,
        lines[i],
      );
  }
  for (let i = 0; i < n.length; i++) {
    if (n[i]! <= 0)
      throw new CalcInputError(
        'NON_POSITIVE_DENOMINATOR',
        `denominators must be greater than zero (${nName} is ${n[i]})`,
        lines[i],
      );
  }
  if (!xNotAboveN) return;
  for (let i = 0; i < x.length; i++) {
    if (x[i]! > n[i]!)
      throw new CalcInputError(
        'X_GREATER_THAN_N',
        `numerators must be less than or equal to denominator for a proportion statistic (${xName} ${x[i]} > ${nName} ${n[i]})`,
        lines[i],
      );
  }
}

/**
 * The shape of phe_proportion's and phe_rate's output. Without group columns the method is row-wise: one
 * output row per input row, every input column as written, then the result columns. With group columns the
 * numerators and denominators are first summed per group (R's `summarise(x = sum(x), n = sum(n))`; a missing
 * value makes the sum missing): one row per group, the group columns, the summed x and n columns, then the
 * result columns. `leading` is the number of columns before the results (for `applyOutputType`).
 */
export function rowOrGroupSums(
  context: CalcContext,
  columns: CountColumns,
  compute: (x: number, n: number) => Record<string, Cell>,
): CalcOutput & { readonly leading: number } {
  const { table, groupBy } = context;
  const { x, n } = columns;
  const resultHeader = Object.keys(compute(Number.NaN, Number.NaN));
  const width = resultHeader.length;
  if (groupBy.length === 0) {
    const columns: Cell[][] = resultHeader.map(() => new Array(table.rowCount));
    for (let i = 0; i < table.rowCount; i++) {
      const result = compute(x[i]!, n[i]!);
      for (let k = 0; k < width; k++) columns[k]![i] = result[resultHeader[k]!];
    }
    const output = appendColumns(table, resultHeader, columns);
    return { ...output, leading: output.header.length - width };
  }
  const rows: Cell[][] = [];
  for (const group of groupRows(table, groupBy)) {
    const xs = accurateSum(pick(x, group.rows));
    const ns = accurateSum(pick(n, group.rows));
    const result = compute(xs, ns);
    const row: Cell[] = [...group.key, xs, ns];
    for (let k = 0; k < width; k++) row.push(result[resultHeader[k]!]);
    rows.push(row);
  }
  return {
    header: [...groupBy, columns.xName, columns.nName, ...resultHeader],
    rows,
    leading: groupBy.length + 2,
  };
}
