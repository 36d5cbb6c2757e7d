// Single-module imports keep the command's start-up to the modules it needs.
import { proportion } from '@healthhub/stats/proportion';
import type { CalcMethod } from '../calc-method.js';
import { runCountMethod } from '../run-count-method.js';

export const proportionMethod: CalcMethod = {
  summary: 'proportion with Wilson score limits, as phe_proportion',
  takesConfidence: true,
  takesMultiplier: true,
  options: {
    x: { type: 'string' },
    n: { type: 'string' },
    type: { type: 'string' },
  },
  help: `Proportion x / n with Wilson score confidence limits: phe_proportion.

Without --group-by the method is row-wise, as phe_proportion on ungrouped data: one output row per input
row, every input column first. With --group-by, x and n are summed per group first (a missing value makes
the group's sum missing), as phe_proportion does for grouped data: one row per group.

Column options (defaults in brackets):
  --x COLUMN       numerator: cases meeting the condition [x]
  --n COLUMN       denominator: cases in the sample [n]
  --type TYPE      full, standard (no confidence, statistic, method), value, lower or upper [full]
  --multiplier N   scale of the result, e.g. 100 for a percentage [1]
  --confidence C   0.95 (or 95), 0.998, or the pair 0.95,0.998 [0.95]

Checked on every input row, in R's order: x >= 0, n > 0, x <= n. Missing values give missing results.

Output: without --group-by, the input columns, then value, lowercl, uppercl (or lower95_0cl, upper95_0cl,
lower99_8cl, upper99_8cl), confidence, statistic, method. With --group-by, the group columns, the summed x
and n columns, then the same result columns.`,
  run(context) {
    return runCountMethod(context, proportion, true);
  },
};
