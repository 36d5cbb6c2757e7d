// Single-module imports keep the command's start-up to the modules it needs.
import { dsr } from '@healthhub/stats/dsr';
import { esp2013 } from '@healthhub/stats/esp2013';
import { CalcInputError } from '../calc-input-error.js';
import type { CalcMethod } from '../calc-method.js';
import { applyOutputType } from '../output-type.js';
import { parseBooleanOption } from '../parse-boolean-option.js';
import { perGroup, pick } from '../per-group.js';
import { numericColumn, textColumn } from '../table-column.js';
import { withoutUndefined } from '../without-undefined.js';

export const dsrMethod: CalcMethod = {
  summary: "directly standardised rate (Dobson method with Byar's limits), as calculate_dsr",
  takesConfidence: true,
  takesMultiplier: true,
  options: {
    x: { type: 'string' },
    n: { type: 'string' },
    stdpop: { type: 'string' },
    'independent-events': { type: 'string' },
    eventfreq: { type: 'string' },
    ageband: { type: 'string' },
    type: { type: 'string' },
  },
  help: `Directly standardised rate per group: calculate_dsr (Dobson method, Byar's limits).
A group whose total count is below 10 gets no value or limits, with statistic "dsr NA for total count < 10".

Column options (defaults in brackets):
  --x COLUMN                   observed events per age band [x]
  --n COLUMN                   population per age band [n]
  --stdpop COLUMN              standard population per age band. Without it, the 2013 European Standard
                               Population (19 bands 0-4, 5-9, ..., 85-89, 90+) is applied to the rows of
                               each group in the order they appear, which must be age order
  --independent-events BOOL    true, or false when one person can have several events [true]
  --eventfreq COLUMN           events per person (with --independent-events false)
  --ageband COLUMN             age band of each row (with --independent-events false)
  --type TYPE                  full, standard, value, lower or upper [full]
  --multiplier N               rate per N [100000]
  --confidence C               0.95, 0.998 or 0.95,0.998 [0.95]

Output: the group columns, then total_count, total_pop, value, the limits, confidence, statistic, method.`,
  run(context) {
    const { table, options } = context;
    const x = numericColumn(table, (options.x as string | undefined) ?? 'x', '--x');
    const n = numericColumn(table, (options.n as string | undefined) ?? 'n', '--n');
    const stdpop = options.stdpop ? numericColumn(table, options.stdpop as string, '--stdpop') : undefined;
    const independent = parseBooleanOption(options['independent-events'], '--independent-events', true);
    const eventfreq = options.eventfreq
      ? numericColumn(table, options.eventfreq as string, '--eventfreq')
      : undefined;
    const ageband = options.ageband ? textColumn(table, options.ageband as string, '--ageband') : undefined;
    if (!independent && (!eventfreq || !ageband)) {
      throw new CalcInputError('BAD_OPTION', '--independent-events false needs --eventfreq and --ageband');
    }
    const dsrOptions = withoutUndefined({ confidence: context.confidence, multiplier: context.multiplier });
    const output = perGroup(context, (rows) => {
      let standard: ArrayLike<number>;
      if (stdpop) standard = pick(stdpop, rows);
      else if (rows.length === esp2013.length) standard = esp2013;
      else {
        throw new CalcInputError(
          'WRONG_NUMBER_OF_AGEBANDS',
          `a group has ${rows.length} rows but the default standard population (ESP2013) has ${esp2013.length} age bands; give --stdpop or one row per band`,
          table.lines[rows[0]!],
        );
      }
      const groupOptions = independent
        ? dsrOptions
        : {
            ...dsrOptions,
            independentEvents: false,
            eventfreq: pick(eventfreq!, rows),
            ageband: Array.from(rows, (r) => ageband![r]!),
          };
      return dsr(pick(x, rows), pick(n, rows), standard, groupOptions) as unknown as Record<
        string,
        number | string
      >;
    });
    return applyOutputType(output, options.type, context.groupBy.length);
  },
};
