// Single-module imports keep the command's start-up to the modules it needs.
import { type CompareInput, type CompareMethod, type CompareResult, compare } from '@healthhub/stats/compare';
import { percentileOfSorted, sortedValidValues } from '@healthhub/stats/compare-percentile';
import type { ComparePolarity } from '@healthhub/stats/compare-polarity';
import { compareQuantileBounds } from '@healthhub/stats/compare-quantile-bounds';
import { type CompareTarget, compareToTarget } from '@healthhub/stats/compare-to-target';
import { UsageError } from '../../errors/usage-error.js';
import { appendColumns } from '../append-columns.js';
import { CalcInputError } from '../calc-input-error.js';
import type { CalcContext, CalcMethod } from '../calc-method.js';
import { checkArgument } from '../check-argument.js';
import type { Cell } from '../csv-output.js';
import { groupRows, type RowGroup } from '../group-rows.js';
import { parseBooleanOption } from '../parse-boolean-option.js';
import { parseChoiceOption } from '../parse-choice-option.js';
import { parseNumberOption, parseNumberPairOption } from '../parse-number-option.js';
import { pick, withRowContext } from '../per-group.js';
import { columnIndex, numericColumn } from '../table-column.js';

const METHODS = [
  'single-ci',
  'single-ci-both-levels',
  'double-ci',
  'spc-proportion',
  'spc-dsr',
  'quartiles',
  'quintiles',
] as const satisfies readonly CompareMethod[];
const POLARITIES = [
  'high-is-good',
  'low-is-good',
  'no-judgement',
] as const satisfies readonly ComparePolarity[];

export const compareMethod: CalcMethod = {
  summary:
    "comparison with a benchmark or a goal by Fingertips' comparator methods (Better / Similar / Worse)",
  takesConfidence: true,
  takesMultiplier: true,
  options: {
    value: { type: 'string' },
    lowercl: { type: 'string' },
    uppercl: { type: 'string' },
    'lower99-8cl': { type: 'string' },
    'upper99-8cl': { type: 'string' },
    denominator: { type: 'string' },
    'benchmark-value': { type: 'string' },
    'benchmark-lowercl': { type: 'string' },
    'benchmark-uppercl': { type: 'string' },
    'benchmark-where': { type: 'string' },
    method: { type: 'string' },
    polarity: { type: 'string' },
    target: { type: 'string' },
    'target-use-ci': { type: 'string' },
    'target-range': { type: 'string' },
    'target-percentiles': { type: 'string' },
  },
  help: `Compares each row's value with a benchmark (England, the region...) or a goal, as Fingertips does for its
"Compared to England" columns and tartan rugs (fingertips-open's comparers; PHEindicatormethods has no such
function). One row per input row: the input columns, then significance, significance_code, method,
confidence.

The benchmark, for the benchmark methods (not quartiles, quintiles or goals), either
  --benchmark-value COLUMN     from the same row (with --benchmark-lowercl, --benchmark-uppercl COLUMN for
                               double-ci), or
  --benchmark-where COL=VALUE  from the row of each --group-by group whose COL is VALUE, e.g.
                               --benchmark-where AreaCode=E92000001 --group-by IndicatorId,TimePeriod. That
                               row's --value (and limits) is the benchmark; the row itself is compared too.
                               A group without such a row is Not compared (with a warning); two such rows in
                               one group is an error.

Options (defaults in brackets):
  --value COLUMN               the area's value [value]
  --lowercl COLUMN             the area's lower confidence limit at --confidence (95% for
                               single-ci-both-levels) [lowercl]
  --uppercl COLUMN             the upper limit [uppercl]
  --lower99-8cl COLUMN         the 99.8% lower limit, for single-ci-both-levels (and preferred over --lowercl
                               at --confidence 99.8) [lower99_8cl]
  --upper99-8cl COLUMN         the 99.8% upper limit [upper99_8cl]
  --denominator COLUMN         the area's denominator, for the SPC methods: people for a proportion, the
                               population for a DSR [denominator]
  --method M                   single-ci: the benchmark within the area's interval is Similar; single-ci-
                               both-levels: the same at 95% and 99.8% ("Better (95%)", "Worse (99.8%)"...);
                               double-ci: the two intervals overlap; spc-proportion, spc-dsr: the value
                               against control limits around the benchmark; quartiles, quintiles: the value's
                               place among the values of its group [single-ci]
  --polarity P                 high-is-good, low-is-good, or no-judgement (Higher / Lower) [no-judgement]
  --confidence C               one level, 0.95 or 0.998 (single-ci, double-ci, SPC) [0.95]
  --multiplier N               the unit of the values for SPC: 100 for percentages [1 for spc-proportion,
                               100000 for spc-dsr]
Goals, instead of a benchmark and --method (Fingertips' "Compared to goal"):
  --target VALUE               a value to reach: Better or Worse (meeting it exactly is Better)
  --target-use-ci BOOL         with --target: judge the area's 95% interval (--lowercl, --uppercl) instead
                               of its value, Similar when it straddles the goal [false]
  --target-range LOW,HIGH      below LOW, Similar (amber) from LOW to below HIGH, HIGH and above
  --target-percentiles LOW,HIGH  as a range between two percentiles (0-100) of the values of the group

significance is Better, Similar, Worse (Higher, Lower for no-judgement), "Better (95%)" and the like for
single-ci-both-levels, Best / Better / Middle / Worse / Worst (quintiles), or Not compared when a value, a
limit or the benchmark is missing. significance_code is Fingertips' number (None 0, Worse 1, Same 2,
Better 3, Worst 4, Best 5; the group 1-5 for quartiles and quintiles).`,
  run(context) {
    const { table, options } = context;
    const polarity = parseChoiceOption(options.polarity, '--polarity', POLARITIES, 'no-judgement');
    const goal = readTarget(context);
    const method = parseChoiceOption(options.method, '--method', METHODS, 'single-ci');
    if (goal && options.method !== undefined) {
      throw new UsageError('calc compare: a goal (--target...) and --method cannot be used together');
    }
    const quantiles = method === 'quartiles' || method === 'quintiles';
    const withBenchmark = !goal && !quantiles;
    for (const name of ['benchmark-value', 'benchmark-lowercl', 'benchmark-uppercl', 'benchmark-where']) {
      if (!withBenchmark && options[name] !== undefined) {
        throw new UsageError(`calc compare: --${name} does not apply to ${goal ? 'a goal' : method}`);
      }
    }
    if (
      withBenchmark &&
      (options['benchmark-value'] === undefined) === (options['benchmark-where'] === undefined)
    ) {
      throw new UsageError(
        `calc compare: --method ${method} needs either --benchmark-value or --benchmark-where`,
      );
    }
    const spc = !goal && (method === 'spc-proportion' || method === 'spc-dsr');
    if (context.multiplier !== undefined && !spc) {
      throw new UsageError(
        'calc compare: --multiplier applies only to the spc-proportion and spc-dsr methods',
      );
    }
    const levelled = !goal && (method === 'single-ci' || method === 'double-ci' || spc);
    if (context.confidence !== undefined && !levelled) {
      throw new UsageError(
        `calc compare: --confidence does not apply to ${goal ? 'a goal' : method}${method === 'single-ci-both-levels' ? ' (it uses 95% and 99.8%)' : ''}`,
      );
    }
    if (Array.isArray(context.confidence)) {
      throw new UsageError('calc compare: --confidence takes one level');
    }
    if (options['target-use-ci'] !== undefined && !(goal && 'value' in goal.target)) {
      throw new UsageError('calc compare: --target-use-ci applies only with --target');
    }

    // The area's columns: those the method needs, under their default names, and any named explicitly.
    const useCi = goal !== undefined && 'value' in goal.target && goal.target.useConfidenceIntervals === true;
    const needsLimits =
      useCi ||
      (!goal && (method === 'single-ci' || method === 'single-ci-both-levels' || method === 'double-ci'));
    const read = (option: string, fallback: string, needed: boolean): Float64Array | undefined => {
      const name = options[option];
      if (typeof name === 'string') return numericColumn(table, name, `--${option}`);
      return needed ? numericColumn(table, fallback, `--${option}`) : undefined;
    };
    const columns: AreaColumns = {
      value: read('value', 'value', true) as Float64Array,
      lowercl: read('lowercl', 'lowercl', needsLimits),
      uppercl: read('uppercl', 'uppercl', needsLimits),
      lower99_8cl: read('lower99-8cl', 'lower99_8cl', !goal && method === 'single-ci-both-levels'),
      upper99_8cl: read('upper99-8cl', 'upper99_8cl', !goal && method === 'single-ci-both-levels'),
      denominator: read('denominator', 'denominator', spc),
    };

    const n = table.rowCount;
    const significance: Cell[] = new Array(n);
    const code = new Float64Array(n);
    const methodName: Cell[] = new Array(n);
    const confidence: Cell[] = new Array(n);
    const store = (i: number, result: CompareResult): void => {
      significance[i] = result.significance;
      code[i] = result.significance_code;
      methodName[i] = result.method;
      confidence[i] = result.confidence;
    };
    const area = areaRecord(columns);
    const groups = groupRows(table, context.groupBy);

    if (goal) {
      // The goal checked once, naming the option rather than a line of the file.
      const option = goal.percentiles
        ? '--target-percentiles'
        : 'value' in goal.target
          ? '--target'
          : '--target-range';
      checkArgument(option, () =>
        compareToTarget(
          { value: 1, lowercl: 0, uppercl: 2 },
          goal.percentiles ? { ...goal.target, values: [1, 2, 3, 4, 5] } : goal.target,
          polarity,
        ),
      );
      for (const group of groups) {
        withRowContext(context, group, () => compareGroupToGoal(columns, group, goal, polarity, area, store));
      }
    } else if (quantiles) {
      for (const group of groups) {
        withRowContext(context, group, () => {
          const bounds = compareQuantileBounds(
            pick(columns.value, group.rows),
            method === 'quintiles' ? 5 : 4,
          );
          const compareOptions = { method, polarity, bounds };
          for (const i of group.rows) store(i, compare(fill(area, columns, i), null, compareOptions));
        });
      }
    } else {
      const compareOptions = {
        method,
        polarity,
        ...(typeof context.confidence === 'number' ? { confidence: context.confidence } : {}),
        ...(context.multiplier === undefined ? {} : { multiplier: context.multiplier }),
      };
      // --confidence and --multiplier checked once, naming the option rather than a line of the file.
      checkArgument(context.multiplier === undefined ? '--confidence' : '--confidence or --multiplier', () =>
        compare(
          { value: 1, lowercl: 0, uppercl: 2, denominator: 10 },
          { value: 1, lowercl: 0, uppercl: 2 },
          compareOptions,
        ),
      );
      const benchmark = benchmarkColumns(context, method, columns);
      const bench = areaRecord(benchmark.columns);
      for (const group of groups) {
        const b = benchmark.rowOf(group);
        withRowContext(context, group, () => {
          for (const i of group.rows) {
            const against = b === -1 ? null : fill(bench, benchmark.columns, b === undefined ? i : b);
            store(i, compare(fill(area, columns, i), against, compareOptions));
          }
        });
      }
      benchmark.finish();
    }
    return appendColumns(
      table,
      ['significance', 'significance_code', 'method', 'confidence'],
      [significance, code, methodName, confidence],
    );
  },
};

/** The columns that make up a CompareInput; undefined where the method does not use one. */
interface AreaColumns {
  readonly value: Float64Array;
  readonly lowercl: Float64Array | undefined;
  readonly uppercl: Float64Array | undefined;
  readonly lower99_8cl: Float64Array | undefined;
  readonly upper99_8cl: Float64Array | undefined;
  readonly denominator: Float64Array | undefined;
}

type MutableInput = { -readonly [K in keyof CompareInput]: CompareInput[K] };

/**
 * One reusable input object per run, holding exactly the keys whose columns are read: the library prefers
 * the level's own columns (lower99_8cl...) when present, so a key must not exist when its column is absent.
 */
function areaRecord(columns: AreaColumns): MutableInput {
  const record: MutableInput = { value: Number.NaN };
  if (columns.lowercl) record.lowercl = Number.NaN;
  if (columns.uppercl) record.uppercl = Number.NaN;
  if (columns.lower99_8cl) record.lower99_8cl = Number.NaN;
  if (columns.upper99_8cl) record.upper99_8cl = Number.NaN;
  if (columns.denominator) record.denominator = Number.NaN;
  return record;
}

function fill(record: MutableInput, columns: AreaColumns, i: number): CompareInput {
  record.value = columns.value[i]!;
  if (columns.lowercl) record.lowercl = columns.lowercl[i]!;
  if (columns.uppercl) record.uppercl = columns.uppercl[i]!;
  if (columns.lower99_8cl) record.lower99_8cl = columns.lower99_8cl[i]!;
  if (columns.upper99_8cl) record.upper99_8cl = columns.upper99_8cl[i]!;
  if (columns.denominator) record.denominator = columns.denominator[i]!;
  return record;
}

/**
 * Where each group's benchmark comes from: `rowOf` gives the benchmark row of a group, undefined when each
 * row carries its own benchmark (--benchmark-value), -1 when the group has none (a warning is printed).
 */
function benchmarkColumns(
  context: CalcContext,
  method: CompareMethod,
  area: AreaColumns,
): { columns: AreaColumns; rowOf: (group: RowGroup) => number | undefined; finish: () => void } {
  const { table, options } = context;
  const where = options['benchmark-where'];
  if (typeof where !== 'string') {
    const column = (option: string, needed: boolean): Float64Array | undefined => {
      const name = options[option];
      if (typeof name === 'string') return numericColumn(table, name, `--${option}`);
      if (needed)
        throw new UsageError(`calc compare: --method ${method} with --benchmark-value needs --${option}`);
      return undefined;
    };
    const double = method === 'double-ci';
    return {
      columns: {
        value: column('benchmark-value', true) as Float64Array,
        lowercl: column('benchmark-lowercl', double),
        uppercl: column('benchmark-uppercl', double),
        lower99_8cl: undefined,
        upper99_8cl: undefined,
        denominator: undefined,
      },
      rowOf: () => undefined,
      finish: () => {},
    };
  }
  for (const name of ['benchmark-value', 'benchmark-lowercl', 'benchmark-uppercl']) {
    if (options[name] !== undefined) {
      throw new UsageError(`calc compare: --${name} and --benchmark-where cannot be used together`);
    }
  }
  const equals = where.indexOf('=');
  if (equals <= 0) {
    throw new UsageError(`calc compare: --benchmark-where must be COLUMN=VALUE (got '${where}')`);
  }
  const name = where.slice(0, equals);
  const wanted = where.slice(equals + 1);
  const j = columnIndex(table, name, '--benchmark-where');
  const missing: string[] = [];
  return {
    columns: area,
    rowOf: (group) => {
      let found = -1;
      for (const i of group.rows) {
        if (table.field(i, j) !== wanted) continue;
        if (found !== -1) {
          throw new CalcInputError(
            'DUPLICATE_BENCHMARK',
            `a second benchmark row (${name}=${wanted}) in ${describeGroup(context, group)}; the first is on line ${table.lines[found]}`,
            table.lines[i],
          );
        }
        found = i;
      }
      if (found === -1) missing.push(describeGroup(context, group));
      return found;
    },
    finish: () => {
      if (missing.length === 0) return;
      const which = missing.length === 1 ? missing[0] : `${missing.length} groups (the first: ${missing[0]})`;
      context.warn(`no benchmark row (${name}=${wanted}) in ${which}: their rows are Not compared`);
    },
  };
}

function describeGroup(context: CalcContext, group: RowGroup): string {
  if (context.groupBy.length === 0) return 'the file';
  return `group ${context.groupBy.map((g, k) => `${g}=${group.key[k]}`).join(', ')}`;
}

interface Goal {
  readonly target: CompareTarget;
  /** For a percentile goal, the fractions of the group's values that bound the middle band. */
  readonly percentiles?: readonly [number, number];
}

function readTarget(context: CalcContext): Goal | undefined {
  const { options } = context;
  const value = parseNumberOption(options.target, '--target');
  const range = parseNumberPairOption(options['target-range'], '--target-range');
  const percentiles = parseNumberPairOption(options['target-percentiles'], '--target-percentiles');
  const given = [value, range, percentiles].filter((t) => t !== undefined).length;
  if (given > 1) {
    throw new UsageError('calc compare: give one goal: --target, --target-range or --target-percentiles');
  }
  if (value !== undefined) {
    const useConfidenceIntervals = parseBooleanOption(options['target-use-ci'], '--target-use-ci', false);
    return { target: { value, useConfidenceIntervals } };
  }
  if (range) return { target: { lower: range[0], upper: range[1] } };
  if (percentiles) {
    if (percentiles[0] > percentiles[1]) {
      throw new UsageError('calc compare: --target-percentiles must be LOW,HIGH with LOW <= HIGH');
    }
    return {
      target: { lowerPercentile: percentiles[0], upperPercentile: percentiles[1], values: [] },
      percentiles,
    };
  }
  return undefined;
}

const NOT_COMPARED_PERCENTILE: CompareResult = {
  significance: 'Not compared',
  significance_code: 0,
  method: 'Target: percentile range',
  confidence: '',
};

function compareGroupToGoal(
  columns: AreaColumns,
  group: RowGroup,
  goal: Goal,
  polarity: ComparePolarity,
  area: MutableInput,
  store: (i: number, result: CompareResult) => void,
): void {
  if (!goal.percentiles) {
    for (const i of group.rows) store(i, compareToTarget(fill(area, columns, i), goal.target, polarity));
    return;
  }
  // A percentile goal: compareToTarget sorts the values on every call, so the percentiles are found once per
  // group here. One library call checks the goal (and gives the method's name); then each row is judged
  // against the two percentiles as a range, which is what compareToTarget does, with its two exceptions:
  // no-judgement, and 3 values or fewer, are Not compared.
  const values = pick(columns.value, group.rows);
  const first = compareToTarget(
    fill(area, columns, group.rows[0]!),
    { lowerPercentile: goal.percentiles[0], upperPercentile: goal.percentiles[1], values },
    polarity,
  );
  const sorted = sortedValidValues(values);
  if (polarity === 'no-judgement' || sorted.length <= 3) {
    for (const i of group.rows) store(i, NOT_COMPARED_PERCENTILE);
    return;
  }
  const band = {
    lower: percentileOfSorted(sorted, goal.percentiles[0] / 100),
    upper: percentileOfSorted(sorted, goal.percentiles[1] / 100),
  };
  for (const i of group.rows) {
    const outcome = compareToTarget(fill(area, columns, i), band, polarity);
    store(i, {
      significance: outcome.significance,
      significance_code: outcome.significance_code,
      method: first.method,
      confidence: outcome.confidence,
    });
  }
}
