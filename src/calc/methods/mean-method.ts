// Single-module imports keep the command's start-up to the modules it needs.
import { mean } from '@healthhub/stats/mean';
import type { CalcMethod } from '../calc-method.js';
import { checkArgument } from '../check-argument.js';
import type { Cell } from '../csv-output.js';
import { applyOutputType } from '../output-type.js';
import { perGroup, pick } from '../per-group.js';
import { numericColumn } from '../table-column.js';
import { withoutUndefined } from '../without-undefined.js';

export const meanMethod: CalcMethod = {
  summary: "mean with Student's t limits, as phe_mean",
  takesConfidence: true,
  takesMultiplier: false,
  options: {
    x: { type: 'string' },
    type: { type: 'string' },
  },
  help: `Mean of each group's values with Student's t-distribution confidence limits: phe_mean. Without
--group-by, one row for the whole file.

Column options (defaults in brackets):
  --x COLUMN       the values [x]
  --type TYPE      full, standard (no confidence, statistic, method), value, lower or upper [full]
  --confidence C   0.95 (or 95), 0.998, or the pair 0.95,0.998 [0.95]

A missing value makes the group's sum, standard deviation, mean and limits missing (value_count counts it),
as R's sum, sd and length do. One value gives no standard deviation or limits.

Output: the group columns, then value_sum, value_count, stdev, value, lowercl, uppercl (or lower95_0cl,
upper95_0cl, lower99_8cl, upper99_8cl), confidence, statistic ("mean"), method ("Student's t-distribution").`,
  run(context) {
    const { table, options } = context;
    const x = numericColumn(table, (options.x as string | undefined) ?? 'x', '--x');
    const settings = withoutUndefined({ confidence: context.confidence });
    checkArgument('--confidence', () => mean([1, 2], settings));
    const output = perGroup(
      context,
      (rows) => mean(pick(x, rows), settings) as unknown as Record<string, Cell>,
    );
    return applyOutputType(output, options.type, context.groupBy.length);
  },
};
