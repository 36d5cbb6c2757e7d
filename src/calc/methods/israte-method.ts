// Single-module imports keep the command's start-up to the modules it needs.
import { isRate } from '@healthhub/stats/is-rate';
import type { CalcMethod } from '../calc-method.js';
import { checkArgument } from '../check-argument.js';
import type { Cell } from '../csv-output.js';
import { isrGroups, isrOptions, isrOptionsHelp } from '../isr-groups.js';
import { applyOutputType } from '../output-type.js';
import { withoutUndefined } from '../without-undefined.js';

export const israteMethod: CalcMethod = {
  summary: "indirectly standardised rate with exact or Byar's limits, as calculate_ISRate",
  takesConfidence: true,
  takesMultiplier: true,
  options: isrOptions,
  help: `Indirectly standardised rate per group: calculate_ISRate.
expected = sum(x_ref / n_ref * n) over the group's age bands (missing x_ref or n count as 0), observed =
sum(x) (missing ignored), ref_rate = sum(x_ref) / sum(n_ref) * multiplier, value = observed / expected *
ref_rate; limits exact (chi-squared) when observed < 10, Byar's method otherwise. Every group must have the
same number of rows.

Column options (defaults in brackets):
${isrOptionsHelp}
  --multiplier N            rate per N [100000]
  --confidence C            0.95 (or 95), 0.998, or the pair 0.95,0.998 [0.95]

Output: the group columns, then observed, expected, ref_rate, value, lowercl, uppercl (or lower95_0cl,
upper95_0cl, lower99_8cl, upper99_8cl), confidence, statistic, method ("Exact" or "Byars").`,
  run(context) {
    const settings = withoutUndefined({ confidence: context.confidence, multiplier: context.multiplier });
    const output = isrGroups(
      context,
      () => checkArgument('--confidence', () => isRate([1], [1], [1], [1], settings)),
      (x, n, xRef, nRef) => isRate(x, n, xRef, nRef, settings) as unknown as Record<string, Cell>,
    );
    return applyOutputType(output, context.options.type, context.groupBy.length);
  },
};
