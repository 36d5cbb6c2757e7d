import type { CalcContext, CalcOutput } from './calc-method.js';
import { checkArgument } from './check-argument.js';
import type { Cell } from './csv-output.js';
import { applyOutputType } from './output-type.js';
import { checkCounts, rowOrGroupSums } from './row-or-group-sums.js';
import { numericColumn } from './table-column.js';
import { withoutUndefined } from './without-undefined.js';

/** A method of a count x out of n: phe_proportion or phe_rate. */
type CountMethod = (
  x: number,
  n: number,
  options: { confidence?: number | number[]; multiplier?: number },
) => object;

/**
 * What proportion and rate share: read --x and --n, check every row in R's order (x >= 0, n > 0, and x <= n
 * for proportions), check --confidence once, then one row per input row or, with --group-by, per group of
 * summed counts, and R's `type` columns.
 */
export function runCountMethod(context: CalcContext, compute: CountMethod, xAtMostN: boolean): CalcOutput {
  const { table, options } = context;
  const xName = (options.x as string | undefined) ?? 'x';
  const nName = (options.n as string | undefined) ?? 'n';
  const columns = {
    x: numericColumn(table, xName, '--x'),
    n: numericColumn(table, nName, '--n'),
    xName,
    nName,
  };
  checkCounts(context, columns, xAtMostN);
  const settings = withoutUndefined({ confidence: context.confidence, multiplier: context.multiplier });
  checkArgument('--confidence', () => compute(0, 1, settings));
  const output = rowOrGroupSums(context, columns, (x, n) => compute(x, n, settings) as Record<string, Cell>);
  return applyOutputType(output, options.type, output.leading);
}
