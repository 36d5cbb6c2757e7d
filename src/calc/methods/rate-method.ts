// Single-module imports keep the command's start-up to the modules it needs.
import { rate } from '@healthhub/stats/rate';
import type { CalcMethod } from '../calc-method.js';
import { runCountMethod } from '../run-count-method.js';

export const rateMethod: CalcMethod = {
  summary: "crude rate with exact (x < 10) or Byar's limits, as phe_rate",
  takesConfidence: true,
  takesMultiplier: true,
  options: {
    x: { type: 'string' },
    n: { type: 'string' },
    type: { type: 'string' },
  },
  help: `Crude rate x / n * multiplier with confidence limits: phe_rate (exact chi-squared limits when x < 10,
Byar's method otherwise). x may exceed n.

Without --group-by the method is row-wise, as phe_rate on ungrouped data: one output row per input row,
every input column first. With --group-by, x and n are summed per group first (a missing value makes the
group's sum missing), as phe_rate does for grouped data: one row per group.

Column options (defaults in brackets):
  --x COLUMN       numerator: observed events [x]
  --n COLUMN       denominator: population or person-years [n]
  --type TYPE      full, standard (no confidence, statistic, method), value, lower or upper [full]
  --multiplier N   rate per N [100000]
  --confidence C   0.95 (or 95), 0.998, or the pair 0.95,0.998 [0.95]

Checked on every input row, in R's order: x >= 0, n > 0. Missing values give missing results.

Output: without --group-by, the input columns, then value, lowercl, uppercl (or lower95_0cl, upper95_0cl,
lower99_8cl, upper99_8cl), confidence, statistic, method ("Exact" or "Byars"). With --group-by, the group
columns, the summed x and n columns, then the same result columns.`,
  run(context) {
    return runCountMethod(context, rate, false);
  },
};
