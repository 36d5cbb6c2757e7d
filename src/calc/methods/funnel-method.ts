// Single-module imports keep the command's start-up to the modules it needs.

import { StatsInputError } from '@healthhub/stats/errors';
import { funnelLimits } from '@healthhub/stats/funnel-limits';
import { funnelPoints } from '@healthhub/stats/funnel-points';
import type { FunnelInput } from '@healthhub/stats/funnel-rate-checks';
import { funnelSignificance } from '@healthhub/stats/funnel-significance';
import { UsageError } from '../../errors/usage-error.js';
import { appendColumns } from '../append-columns.js';
import { CalcInputError } from '../calc-input-error.js';
import type { CalcContext, CalcMethod, CalcOutput } from '../calc-method.js';
import type { Cell } from '../csv-output.js';
import { groupRows, type RowGroup } from '../group-rows.js';
import { parseChoiceOption } from '../parse-choice-option.js';
import { parseNumberOption } from '../parse-number-option.js';
import { locateError, pick } from '../per-group.js';
import { numericColumn } from '../table-column.js';

type Statistic = 'proportion' | 'ratio' | 'rate';
type Compute = 'limits' | 'significance' | 'points';

/** The options each --compute takes, besides --statistic, --multiplier and the column options. */
const OWN_OPTIONS: Readonly<Record<Compute, readonly string[]>> = {
  limits: ['ratio-type', 'rate-type', 'years-of-data', 'type'],
  significance: ['rate-type'],
  points: ['rate-type', 'years-of-data'],
};
const ALL_OWN = ['ratio-type', 'rate-type', 'years-of-data', 'type'];

export const funnelMethod: CalcMethod = {
  summary:
    'funnel plot control limits, significance and plot points, as calculate_funnel_limits, assign_funnel_significance and calculate_funnel_points',
  takesConfidence: false,
  takesMultiplier: true,
  options: {
    compute: { type: 'string' },
    statistic: { type: 'string' },
    numerator: { type: 'string' },
    denominator: { type: 'string' },
    rate: { type: 'string' },
    'ratio-type': { type: 'string' },
    'rate-type': { type: 'string' },
    'years-of-data': { type: 'string' },
    type: { type: 'string' },
  },
  help: `Funnel plots, after the Fingertips method (95% "2s" and 99.8% "3s" limits around the average of all
the rows). --compute chooses the R function:

  limits         calculate_funnel_limits: 100 rows of control limits for drawing the funnel. Works on the
                 whole file (R fails on grouped data), so --group-by is refused: filter the file first.
  significance   assign_funnel_significance: one row per input row, the input columns then significance
                 ("High (0.001)", "High (0.025)", "Low (0.001)", "Low (0.025)", "Not significant", "Not
                 applicable for events less than 10 for dsrs"), each row against the average of its group.
                 Note: R's function ignores dplyr groups (its average is over the whole data frame); here
                 --group-by gives each group its own funnel, as running R on each group's rows separately.
  points         calculate_funnel_points (rates): one row per input row, the input columns then
                 <rate column>_chart and denominator_derived (average annual population); --group-by makes
                 no difference to these per-row values.

Options (defaults in brackets):
  --compute WHAT               limits, significance or points [limits]
  --statistic S                proportion, ratio or rate; required for limits and significance (points are
                               for rates only)
  --numerator COLUMN           events: proportion numerator, observed count of a ratio, rate events
                               [numerator]
  --denominator COLUMN         proportion denominator, or the expected count of a ratio [denominator]; for
                               rates, optional: the population, needed for rows with 0 events
  --rate COLUMN                the rate of each row (rates) [rate]
  --ratio-type T               count (limits of observed / expected - 1) or isr (x 100); ratio limits
  --rate-type T                dsr or crude; rates
  --years-of-data N            years the counts cover; rate limits and points
  --type TYPE                  full or standard (without statistic and method); limits [full]
  --multiplier N               scale of the values, e.g. 100 for percentages or 100000 for rates; required
                               for limits and for rates (R has no default)

Output of limits: proportion Population, lower_2s_limit, upper_2s_limit, lower_3s_limit, upper_3s_limit,
baseline; ratio Observed_events, then <limit>_exp_events and <limit>_limit for lower_2s, upper_2s,
lower_3s, upper_3s; rate Events, then <limit>_population_1_year and <limit>_limit for each, baseline; type
full adds statistic and method.`,
  run(context) {
    const { options } = context;
    const compute = parseChoiceOption<Compute>(
      options.compute,
      '--compute',
      ['limits', 'significance', 'points'],
      'limits',
    );
    for (const name of ALL_OWN) {
      if (options[name] !== undefined && !OWN_OPTIONS[compute].includes(name)) {
        throw new UsageError(`calc funnel: --${name} does not apply to --compute ${compute}`);
      }
    }
    const statistic =
      compute === 'points'
        ? parseChoiceOption<Statistic>(options.statistic, '--statistic', ['rate'], 'rate')
        : parseChoiceOption<Statistic>(options.statistic, '--statistic', ['proportion', 'ratio', 'rate']);
    if (statistic === undefined) {
      throw new UsageError(
        `calc funnel: --statistic is required for --compute ${compute}: proportion, ratio or rate`,
      );
    }
    if (compute === 'limits' && context.groupBy.length > 0) {
      throw new UsageError(
        'calc funnel: --group-by does not apply to --compute limits: calculate_funnel_limits works on the whole data set (R fails on grouped data); filter the file to one group instead',
      );
    }
    requireArguments(context, compute, statistic);
    const columns = readColumns(context, statistic);
    if (compute === 'limits') return limits(context, statistic, columns);
    if (compute === 'significance') return significance(context, statistic, columns);
    return points(context, columns);
  },
};

/**
 * R's "the following arguments are required" checks, made here so that the message names the missing
 * option rather than a line of the file.
 */
function requireArguments(context: CalcContext, compute: Compute, statistic: Statistic): void {
  const needed: string[] = [];
  const { options } = context;
  if (compute === 'limits' || statistic === 'rate') needed.push('multiplier');
  if (compute === 'limits' && statistic === 'ratio') needed.push('ratio-type');
  if (statistic === 'rate') needed.push('rate-type');
  if (statistic === 'rate' && compute !== 'significance') needed.push('years-of-data');
  const missing = needed.filter((name) =>
    name === 'multiplier' ? context.multiplier === undefined : options[name] === undefined,
  );
  if (missing.length > 0) {
    const what =
      compute === 'points' ? '--compute points' : `--compute ${compute} with --statistic ${statistic}`;
    throw new UsageError(`calc funnel: ${what} needs ${missing.map((m) => `--${m}`).join(' and ')}`);
  }
}

/**
 * Runs a library call on a group's rows: an error about one row names its line; one about the data as a
 * whole (no row, e.g. no denominators at all) names none.
 */
function withRowContext<T>(context: CalcContext, group: RowGroup, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof StatsInputError && error.row === undefined) {
      const where = context.groupBy.length
        ? ` (group ${context.groupBy.map((g, j) => `${g}=${group.key[j]}`).join(', ')})`
        : '';
      throw new CalcInputError(error.code, `${error.message}${where}`);
    }
    throw locateError(context, group, error);
  }
}

interface Columns {
  readonly numerator: Float64Array;
  readonly denominator: Float64Array | undefined;
  readonly rate: Float64Array | undefined;
  readonly rateName: string;
}

function readColumns(context: CalcContext, statistic: Statistic): Columns {
  const { table, options } = context;
  const name = (option: string): string | undefined => {
    const v = options[option];
    return typeof v === 'string' ? v : undefined;
  };
  const numerator = numericColumn(table, name('numerator') ?? 'numerator', '--numerator');
  // For rates the denominator is optional, as in R: read only when named.
  const denominatorName = statistic === 'rate' ? name('denominator') : (name('denominator') ?? 'denominator');
  const denominator =
    denominatorName === undefined ? undefined : numericColumn(table, denominatorName, '--denominator');
  const rateName = name('rate') ?? 'rate';
  const rate = statistic === 'rate' ? numericColumn(table, rateName, '--rate') : undefined;
  return { numerator, denominator, rate, rateName };
}

function groupInput(columns: Columns, rows: Int32Array): FunnelInput {
  const input: { numerator: Float64Array; denominator?: Float64Array; rate?: Float64Array } = {
    numerator: pick(columns.numerator, rows),
  };
  if (columns.denominator) input.denominator = pick(columns.denominator, rows);
  if (columns.rate) input.rate = pick(columns.rate, rows);
  return input;
}

function rateType(context: CalcContext): 'dsr' | 'crude' | undefined {
  return parseChoiceOption(context.options['rate-type'], '--rate-type', ['dsr', 'crude']);
}

function limits(context: CalcContext, statistic: Statistic, columns: Columns): CalcOutput {
  const { options } = context;
  const everything: RowGroup = { key: [], rows: new Int32Array(context.table.rowCount) };
  for (let i = 0; i < everything.rows.length; i++) everything.rows[i] = i;
  const ratioType = parseChoiceOption(options['ratio-type'], '--ratio-type', ['count', 'isr']);
  const type = parseChoiceOption(options.type, '--type', ['full', 'standard'], 'full');
  const yearsOfData = parseNumberOption(options['years-of-data'], '--years-of-data');
  const result = withRowContext(context, everything, () =>
    funnelLimits(groupInput(columns, everything.rows), {
      statistic,
      type,
      ...(context.multiplier === undefined ? {} : { multiplier: context.multiplier }),
      ...(ratioType === undefined ? {} : { ratioType }),
      ...(statistic === 'rate' ? withRate(context, yearsOfData) : {}),
    }),
  );
  const header = Object.keys(result[0] ?? {});
  return { header, rows: result.map((row) => header.map((name) => row[name])) };
}

function withRate(
  context: CalcContext,
  yearsOfData: number | undefined,
): { rateType?: 'dsr' | 'crude'; yearsOfData?: number } {
  const type = rateType(context);
  return {
    ...(type === undefined ? {} : { rateType: type }),
    ...(yearsOfData === undefined ? {} : { yearsOfData }),
  };
}

function significance(context: CalcContext, statistic: Statistic, columns: Columns): CalcOutput {
  const type = rateType(context);
  const out: Cell[] = new Array(context.table.rowCount);
  for (const group of groupRows(context.table, context.groupBy)) {
    const result = withRowContext(context, group, () =>
      funnelSignificance(groupInput(columns, group.rows), {
        statistic,
        ...(type === undefined ? {} : { rateType: type }),
        ...(context.multiplier === undefined ? {} : { multiplier: context.multiplier }),
      }),
    );
    for (let k = 0; k < group.rows.length; k++) out[group.rows[k]!] = result[k]!.significance;
  }
  return appendColumns(context.table, ['significance'], [out]);
}

function points(context: CalcContext, columns: Columns): CalcOutput {
  const type = rateType(context);
  const yearsOfData = parseNumberOption(context.options['years-of-data'], '--years-of-data');
  const chart = new Float64Array(context.table.rowCount);
  const derived = new Float64Array(context.table.rowCount);
  for (const group of groupRows(context.table, context.groupBy)) {
    const result = withRowContext(context, group, () =>
      funnelPoints(groupInput(columns, group.rows), {
        // The library checks that these are given, with R's message.
        rateType: type as 'dsr' | 'crude',
        yearsOfData: yearsOfData as number,
        multiplier: context.multiplier as number,
      }),
    );
    for (let k = 0; k < group.rows.length; k++) {
      const i = group.rows[k]!;
      chart[i] = result[k]!.rate_chart;
      derived[i] = result[k]!.denominator_derived;
    }
  }
  return appendColumns(context.table, [`${columns.rateName}_chart`, 'denominator_derived'], [chart, derived]);
}
