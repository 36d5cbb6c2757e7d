// Single-module imports keep the command's start-up to the modules it needs.
import { type SiiInput, type SiiOptions, sii } from '@healthhub/stats/sii';
import { siiOrder } from '@healthhub/stats/sii-order';
import { siiValidate } from '@healthhub/stats/sii-validate';
import { CalcInputError } from '../calc-input-error.js';
import type { CalcMethod } from '../calc-method.js';
import { checkArgument } from '../check-argument.js';
import type { Cell } from '../csv-output.js';
import type { CsvTable } from '../csv-table.js';
import { groupRows } from '../group-rows.js';
import { parseBooleanOption } from '../parse-boolean-option.js';
import { parseChoiceOption } from '../parse-choice-option.js';
import { parseNumberOption } from '../parse-number-option.js';
import { pick, withRowContext } from '../per-group.js';
import { numericColumn, textColumn } from '../table-column.js';
import { withoutUndefined } from '../without-undefined.js';

export const siiMethod: CalcMethod = {
  summary: 'slope and relative index of inequality with simulated confidence limits, as phe_sii',
  takesConfidence: true,
  takesMultiplier: true,
  options: {
    quantile: { type: 'string' },
    population: { type: 'string' },
    value: { type: 'string' },
    x: { type: 'string' },
    'value-type': { type: 'string' },
    se: { type: 'string' },
    'lower-cl': { type: 'string' },
    'upper-cl': { type: 'string' },
    transform: { type: 'string' },
    rii: { type: 'string' },
    intercept: { type: 'string' },
    'reliability-stat': { type: 'string' },
    repetitions: { type: 'string' },
    seed: { type: 'string' },
    type: { type: 'string' },
  },
  help: `Slope index of inequality (SII) per group: phe_sii. The rows of a group are its quantiles (e.g. the
ten deprivation deciles of an area), in any order. The values are regressed on the quantiles' relative
ranks, weighted by population; the confidence limits come from simulating the regression (--repetitions
draws of each quantile's value from its standard error), so they vary slightly from run to run unless
--seed is given, as R's do without set.seed().

Column options (defaults in brackets):
  --quantile COLUMN            quantile of each row, 1 = least advantaged; numbers or labels [quantile]
  --population COLUMN          population of each quantile, > 0 [population]
  --value COLUMN               indicator value of each quantile [value, unless --x is given]
  --x COLUMN                   count of each quantile; for proportions (--value-type 2) without --value,
                               the value is x / population
  --se COLUMN                  standard error of each value
  --lower-cl COLUMN            lower 95% confidence limit of each value (with --upper-cl, instead of --se)
  --upper-cl COLUMN            upper 95% confidence limit of each value
Other options:
  --value-type 0|1|2           0 other, 1 rate, 2 proportion [0]
  --transform BOOL             fit on the log (rate) or logit (proportion) scale; needs the limits and no
                               --se [false]
  --rii BOOL                   also the relative index of inequality [false]
  --intercept BOOL             also the fitted value at rank 0 [false]
  --reliability-stat BOOL      simulate 10 times and report the mean absolute difference of the limits
                               (sii_mad..., rii_mad...) [false]
  --repetitions N              simulated regressions, at least 1000 [100000]
  --seed N                     integer: the same seed, input and options give the same limits. Each
                               group's simulation is seeded from N and the group's key, so groups are
                               simulated independently and a group's limits do not depend on the other
                               groups in the file (ungrouped, N is the library's seed itself). The random
                               stream is not R's, so limits match R only to simulation error. [a random
                               seed per run]
  --type TYPE                  full or standard (without the metadata columns) [full]
  --multiplier N               factor applied to the SII and its limits; negative inverts the RII [1]
  --confidence C               one level or several, e.g. 0.95 or 95,99 [0.95]

The number of quantiles is the number of distinct --quantile values in the whole file (R counts them over
the whole data frame) and must be 5 to 100. A group lacking some of them is left out of the output with a
warning, as R drops it.

Output: the group columns, then sii, rii (--rii), the limits, sii_mad/rii_mad (--reliability-stat),
intercept (--intercept), and for --type full indicator_type, multiplier, transform, CI_confidence,
CI_method. Limits without --transform: sii_lower<L>cl, sii_upper<L>cl for each level, then rii_lower<L>cl,
rii_upper<L>cl; with --transform, per level sii_lower<L>, sii_upper<L>, rii_lower<L>, rii_upper<L> (R's
names), <L> being the level as 95_0, 99_8.`,
  run(context) {
    const { table, options } = context;
    const valueType = parseChoiceOption(options['value-type'], '--value-type', ['0', '1', '2'], '0');
    const type = parseChoiceOption(options.type, '--type', ['full', 'standard'], 'full');
    const seed = parseNumberOption(options.seed, '--seed', true);
    const repetitions = parseNumberOption(options.repetitions, '--repetitions');
    const column = (option: string): Float64Array | undefined => {
      const name = options[option];
      return typeof name === 'string' ? numericColumn(table, name, `--${option}`) : undefined;
    };

    const quantile = quantileColumn(table, (options.quantile as string | undefined) ?? 'quantile');
    const population = numericColumn(
      table,
      (options.population as string | undefined) ?? 'population',
      '--population',
    );
    const x = column('x');
    const value =
      options.value !== undefined || x === undefined
        ? numericColumn(table, (options.value as string | undefined) ?? 'value', '--value')
        : undefined;
    const se = column('se');
    const lowerCl = column('lower-cl');
    const upperCl = column('upper-cl');

    const warnings = new Set<string>();
    const siiOptions: SiiOptions = withoutUndefined({
      valueType: Number(valueType) as 0 | 1 | 2,
      transform: parseBooleanOption(options.transform, '--transform', false),
      rii: parseBooleanOption(options.rii, '--rii', false),
      intercept: parseBooleanOption(options.intercept, '--intercept', false),
      reliabilityStat: parseBooleanOption(options['reliability-stat'], '--reliability-stat', false),
      repetitions,
      type,
      multiplier: context.multiplier,
      confidence: context.confidence,
      quantileCount: distinctCount(quantile),
      onWarning: (message: string) => {
        warnings.add(message);
      },
    });

    // The arguments (and the file's number of quantiles) once, naming no line: R checks them before the data.
    checkArgument('phe_sii arguments', () =>
      siiValidate(trivialInput(value, x, se, lowerCl, upperCl), {
        valueType: siiOptions.valueType ?? 0,
        transform: siiOptions.transform ?? false,
        multiplier: siiOptions.multiplier ?? 1,
        repetitions: siiOptions.repetitions ?? 100000,
        confidence: siiOptions.confidence ?? 0.95,
      }),
    );
    const quantileCount = siiOptions.quantileCount as number;
    checkArgument(`--quantile (${quantileCount} distinct values in the file)`, () =>
      siiOrder([1, 2, 3, 4, 5], 5, quantileCount),
    );

    const groups = groupRows(table, context.groupBy);
    const rows: Cell[][] = [];
    const dropped: string[] = [];
    let resultHeader: string[] | undefined;
    for (const group of groups) {
      const input: SiiInput = withoutUndefined({
        quantile: Array.isArray(quantile)
          ? Array.from(group.rows, (r) => (quantile as string[])[r]!)
          : pick(quantile as Float64Array, group.rows),
        population: pick(population, group.rows),
        value: value && pick(value, group.rows),
        x: x && pick(x, group.rows),
        se: se && pick(se, group.rows),
        lowerCl: lowerCl && pick(lowerCl, group.rows),
        upperCl: upperCl && pick(upperCl, group.rows),
      }) as SiiInput;
      const groupSeed = seed === undefined ? undefined : seedFor(seed, group.key);
      const result = withRowContext(context, group, () =>
        sii(input, groupSeed === undefined ? siiOptions : { ...siiOptions, seed: groupSeed }),
      );
      if (result === null) {
        dropped.push(context.groupBy.map((g, j) => `${g}=${group.key[j]}`).join(', '));
        continue;
      }
      resultHeader ??= Object.keys(result);
      const row: Cell[] = [...group.key];
      for (const name of resultHeader) row.push(result[name]);
      rows.push(row);
    }
    for (const message of warnings) {
      if (dropped.length > 0 && /records have been removed/.test(message)) {
        const which = context.groupBy.length ? ` (left out: ${dropped.join('; ')})` : '';
        context.warn(`${message}${which}`);
      } else context.warn(message);
    }
    return { header: [...context.groupBy, ...(resultHeader ?? [])], rows };
  },
};

/**
 * The quantile labels: numbers when every non-empty field is a number (as R reads such a column; empty is
 * NA), otherwise the text labels, ordered by code point as dplyr's C-locale arrange orders them.
 */
function quantileColumn(table: CsvTable, name: string): Float64Array | string[] {
  const text = textColumn(table, name, '--quantile');
  for (const label of text) {
    if (label !== '' && label !== 'NA' && (label.trim() !== label || !Number.isFinite(Number(label))))
      return text;
  }
  return numericColumn(table, name, '--quantile');
}

/** Five valid quantile rows with the fields the command line gives, to check the arguments alone. */
function trivialInput(...given: (Float64Array | undefined)[]): SiiInput {
  const fill = (v: number) => new Float64Array(5).fill(v);
  const [value, x, se, lowerCl, upperCl] = given;
  return withoutUndefined({
    quantile: [1, 2, 3, 4, 5],
    population: fill(10),
    value: value && fill(0.5),
    x: x && fill(5),
    se: se && fill(0.1),
    lowerCl: lowerCl && fill(0.4),
    upperCl: upperCl && fill(0.6),
  }) as SiiInput;
}

/** Distinct quantile labels over the whole file (R's count, over the whole data frame). */
function distinctCount(quantile: Float64Array | string[]): number {
  return new Set<number | string>(quantile).size;
}

/**
 * A group's seed: --seed itself without groups; otherwise --seed mixed with an FNV-1a hash of the group's
 * key, so each group has its own stream and keeps it whatever other groups the file holds.
 */
function seedFor(seed: number, key: readonly string[]): number {
  if (key.length === 0) return seed;
  let hash = 0x811c9dc5;
  const text = key.join('\u0000');
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  const mixed = BigInt.asUintN(53, BigInt(seed) * 0x9e3779b97f4a7c15n + BigInt(hash));
  const out = Number(mixed);
  if (!Number.isSafeInteger(out)) throw new CalcInputError('BAD_OPTION', '--seed is out of range');
  return out;
}
