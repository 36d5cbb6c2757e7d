// Single-module imports keep the command's start-up to the modules it needs.
import { isRatio } from '@healthhub/stats/is-ratio';
import type { CalcMethod } from '../calc-method.js';
import { checkArgument } from '../check-argument.js';
import type { Cell } from '../csv-output.js';
import { isrGroups, isrOptions, isrOptionsHelp } from '../isr-groups.js';
import { applyOutputType } from '../output-type.js';
import { parseNumberOption } from '../parse-number-option.js';
import { withoutUndefined } from '../without-undefined.js';

export const isratioMethod: CalcMethod = {
  summary: "indirectly standardised ratio (SMR) with exact or Byar's limits, as calculate_ISRatio",
  takesConfidence: true,
  takesMultiplier: false,
  options: { ...isrOptions, refvalue: { type: 'string' } },
  help: `Indirectly standardised ratio (standardised mortality ratio) per group: calculate_ISRatio.
expected = sum(x_ref / n_ref * n) over the group's age bands (missing x_ref or n count as 0), observed =
sum(x) (missing ignored), value = observed / expected * refvalue; limits exact (chi-squared) when observed
< 10, Byar's method otherwise. Every group must have the same number of rows.

Column options (defaults in brackets):
${isrOptionsHelp}
  --refvalue N              the standardised reference ratio, e.g. 100 [1]
  --confidence C            0.95 (or 95), 0.998, or the pair 0.95,0.998 [0.95]

Output: the group columns, then observed, expected, value, lowercl, uppercl (or lower95_0cl, upper95_0cl,
lower99_8cl, upper99_8cl), confidence, statistic, method ("Exact" or "Byars").`,
  run(context) {
    const { options } = context;
    const settings = withoutUndefined({
      confidence: context.confidence,
      refvalue: parseNumberOption(options.refvalue, '--refvalue'),
    });
    const output = isrGroups(
      context,
      () => checkArgument('--confidence', () => isRatio([1], [1], [1], [1], settings)),
      (x, n, xRef, nRef) => isRatio(x, n, xRef, nRef, settings) as unknown as Record<string, Cell>,
    );
    return applyOutputType(output, options.type, context.groupBy.length);
  },
};
